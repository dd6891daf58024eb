// The timeline as aggregations: a date_histogram with epoch-aligned fixed buckets for the
// totals and, for a split, one filter per top value plus the bucket's value count, from
// which "other" follows (as in the embedded store: the counts of every value not shown).

import { isRecord, type JsonRecord } from '@/lib/audit/json-value';
import type { ResolvedField } from './mapping';
import { valueClause, type Dsl } from './query-dsl';

export interface BucketCount {
  startMicros: number;
  count: number;
}

export function histogram(timeField: string, bucketSeconds: number, sub?: Dsl): Dsl {
  return {
    date_histogram: {
      field: timeField,
      fixed_interval: `${bucketSeconds}s`,
      min_doc_count: 1,
    },
    ...(sub ? { aggs: sub } : {}),
  };
}

function buckets(agg: unknown): JsonRecord[] {
  return isRecord(agg) && Array.isArray(agg.buckets) ? agg.buckets.filter(isRecord) : [];
}

/** Bucket keys are epoch milliseconds; buckets are whole seconds, so this is exact. */
function startOf(b: JsonRecord): number {
  return Math.round(Number(b.key) * 1000);
}

export function readHistogram(agg: unknown): BucketCount[] {
  return buckets(agg).map((b) => ({ startMicros: startOf(b), count: Number(b.doc_count) || 0 }));
}

/** Sub-aggregations counting each top value and all values of a split field per bucket. */
export function splitAggs(field: ResolvedField, multi: boolean, values: string[]): Dsl {
  const filters: Record<string, Dsl> = {};
  values.forEach((v, i) => (filters[`v${i}`] = valueClause(field, multi, v)));
  return {
    top: { filters: { filters } },
    all_values: { value_count: { field: field.path } },
    no_value: { missing: { field: field.path } },
  };
}

export interface SplitCount {
  startMicros: number;
  value: string;
  count: number;
}

export function readSplit(agg: unknown, values: string[], otherKey: string): SplitCount[] {
  const out: SplitCount[] = [];
  for (const b of buckets(agg)) {
    const startMicros = startOf(b);
    const top = isRecord(b.top) && isRecord(b.top.buckets) ? b.top.buckets : {};
    let shown = 0;
    values.forEach((value, i) => {
      const f = top[`v${i}`];
      const count = isRecord(f) && typeof f.doc_count === 'number' ? f.doc_count : 0;
      shown += count;
      if (count > 0) out.push({ startMicros, value, count });
    });
    const all = isRecord(b.all_values) ? Number(b.all_values.value) || 0 : 0;
    const none = isRecord(b.no_value) ? Number(b.no_value.doc_count) || 0 : 0;
    const other = all + none - shown;
    if (other > 0) out.push({ startMicros, value: otherKey, count: other });
  }
  return out;
}
