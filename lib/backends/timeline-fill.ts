// Every store returns only non-empty buckets; this fills the gaps with zeros and orders the
// split series the same way for all of them, so answers compare equal across stores.

import type { DimensionKey } from '@/lib/audit/dimensions';
import { bucketStartMicros } from '@/lib/query/buckets';
import { microsToIso } from '@/lib/query/time';
import type { ResolvedRange } from '@/lib/query/types';
import { OTHER_KEY, type TimelineBucket, type TimelineResult } from './types';

export interface TimelineParts {
  range: ResolvedRange;
  bucketSeconds: number;
  split: DimensionKey | null;
  totals: Array<{ startMicros: number; count: number }>;
  splitCounts: Array<{ startMicros: number; value: string; count: number }>;
}

export function fillTimeline(p: TimelineParts): TimelineResult {
  const step = p.bucketSeconds * 1_000_000;
  const buckets = new Map<number, TimelineBucket>();
  for (
    let t = bucketStartMicros(p.range.startMicros, p.bucketSeconds);
    t < p.range.endMicros;
    t += step
  ) {
    buckets.set(t, { start: microsToIso(t), total: 0, counts: {} });
  }
  let total = 0;
  for (const r of p.totals) {
    const b = buckets.get(r.startMicros);
    if (b) b.total += r.count;
    total += r.count;
  }
  const seriesTotals = new Map<string, number>();
  for (const r of p.splitCounts) {
    const b = buckets.get(r.startMicros);
    if (b) b.counts[r.value] = (b.counts[r.value] ?? 0) + r.count;
    seriesTotals.set(r.value, (seriesTotals.get(r.value) ?? 0) + r.count);
  }
  const series = [...seriesTotals.entries()]
    .filter(([v]) => v !== OTHER_KEY)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([v]) => v);
  if (seriesTotals.has(OTHER_KEY)) series.push(OTHER_KEY);
  return {
    bucketSeconds: p.bucketSeconds,
    split: p.split,
    series,
    buckets: [...buckets.values()],
    total,
  };
}
