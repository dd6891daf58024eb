// Timeline over Loki: `sum by (...) (count_over_time(...[step]))` range queries (see
// bucketCounts for the bucket alignment). A split first ranks the values over the whole
// range, then counts only the top ones per bucket; "other" is the bucket's total minus
// them, so the number of series stays small whatever the cardinality.

import { getDimension, type DimensionKey } from '@/lib/audit/dimensions';
import type { ResolvedQuery } from '@/lib/query/types';
import { fillTimeline } from '../timeline-fill';
import { OTHER_KEY, type TimelineOptions, type TimelineResult } from '../types';
import { anyOf, match } from './label-conditions';
import type { LokiContext } from './loki-context';
import { bucketCounts, type BucketCount } from './loki-counts';
import { topValues, valueCounts, withEmptyList } from './value-counts';

interface SplitCount {
  startMicros: number;
  value: string;
  count: number;
}

function perBucket(rows: BucketCount[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const r of rows) m.set(r.startMicros, (m.get(r.startMicros) ?? 0) + r.count);
  return m;
}

function addInto(target: Map<number, number>, rows: BucketCount[], sign: 1 | -1): void {
  for (const r of rows)
    target.set(r.startMicros, (target.get(r.startMicros) ?? 0) + sign * r.count);
}

function otherRows(other: Map<number, number>): SplitCount[] {
  return [...other.entries()]
    .filter(([, c]) => c > 0)
    .map(([startMicros, count]) => ({ startMicros, value: OTHER_KEY, count }));
}

async function splitSingle(
  ctx: LokiContext,
  q: ResolvedQuery,
  step: number,
  dimension: DimensionKey,
  top: string[],
  hasOther: boolean,
  totals: Promise<BucketCount[]>,
): Promise<SplitCount[]> {
  const rows = await bucketCounts(ctx, q, step, {
    group: { dimension },
    by: (plan) => [plan.groupLabel!],
    extra: (label) => anyOf(top.map((v) => match(label, '=', v))),
  });
  const out: SplitCount[] = rows.map((r) => ({ ...r, value: r.values[0]! }));
  if (hasOther) {
    const other = perBucket(await totals);
    addInto(other, rows, -1);
    out.push(...otherRows(other));
  }
  return out;
}

async function splitList(
  ctx: LokiContext,
  q: ResolvedQuery,
  step: number,
  dimension: DimensionKey,
  indexes: number,
  top: string[],
  hasOther: boolean,
): Promise<SplitCount[]> {
  const out: SplitCount[] = [];
  const other = new Map<number, number>();
  const shownElements = top.filter((v) => v !== '');
  for (let index = 0; index < indexes; index++) {
    if (shownElements.length) {
      const rows = await bucketCounts(ctx, q, step, {
        group: { dimension, index },
        by: (plan) => [plan.groupLabel!],
        extra: (label) => anyOf(shownElements.map((v) => match(label, '=', v))),
      });
      out.push(...rows.map((r) => ({ ...r, value: r.values[0]! })));
      addInto(other, rows, -1);
    }
    if (hasOther) {
      const all = await bucketCounts(ctx, q, step, {
        group: { dimension, index },
        extra: (label) => match(label, '!=', ''),
      });
      addInto(other, all, 1);
    }
  }
  // '' is the events whose list is empty: a series of its own, or part of "other".
  const emptyShown = top.includes('');
  if (emptyShown || hasOther) {
    const empty = await bucketCounts(ctx, withEmptyList(q, dimension), step);
    if (emptyShown) out.push(...empty.map((r) => ({ ...r, value: '' })));
    else addInto(other, empty, 1);
  }
  if (hasOther) out.push(...otherRows(other));
  return out;
}

export async function timelineLoki(
  ctx: LokiContext,
  q: ResolvedQuery,
  opts: TimelineOptions,
): Promise<TimelineResult> {
  const step = opts.bucketSeconds;
  const totals = bucketCounts(ctx, q, step);
  // Awaited below; until then a failure must not count as unhandled.
  totals.catch(() => undefined);
  let splitCounts: SplitCount[] = [];
  if (opts.split) {
    const d = getDimension(opts.split);
    const { counts, indexes } = await valueCounts(ctx, q, opts.split);
    const top = topValues(counts, opts.splitLimit).map(([v]) => v);
    const hasOther = counts.size > top.length;
    if (top.length || hasOther) {
      splitCounts = d.multi
        ? await splitList(ctx, q, step, opts.split, indexes, top, hasOther)
        : await splitSingle(ctx, q, step, opts.split, top, hasOther, totals);
    }
  }
  const totalRows = await totals;
  return fillTimeline({
    range: q.range,
    bucketSeconds: step,
    split: opts.split ?? null,
    totals: totalRows.map((r) => ({ startMicros: r.startMicros, count: r.count })),
    splitCounts: splitCounts.filter((r) => r.count > 0),
  });
}
