// Counting a dimension's values with aggregations, the way the embedded store groups them:
// a missing field, an empty list and "" all count as the value '', top values are ordered
// by count, then value, and `other` is the sum of the counts not shown.

import { isRecord, type JsonRecord } from '@/lib/audit/json-value';
import type { BreakdownRow } from '../types';
import type { ResolvedField } from './mapping';
import type { Dsl } from './query-dsl';

/** Aggregations (named `${name}_values`, `_missing`, `_empty`) that count a field's values. */
export function valueCountAggs(name: string, field: ResolvedField, size: number): Dsl {
  const aggs: Dsl = {
    [`${name}_values`]: {
      terms: { field: field.path, size, order: [{ _count: 'desc' }, { _key: 'asc' }] },
    },
    [`${name}_missing`]: { missing: { field: field.path } },
  };
  if (field.kind !== 'number') {
    aggs[`${name}_empty`] = { filter: { term: { [field.path]: { value: '' } } } };
  }
  return aggs;
}

function docCount(agg: unknown): number {
  return isRecord(agg) && typeof agg.doc_count === 'number' ? agg.doc_count : 0;
}

function bucketKey(b: JsonRecord): string {
  if (typeof b.key === 'string') return b.key;
  // Numbers: the integer's text, as the embedded store casts its INTEGER column.
  if (typeof b.key === 'number') return String(b.key);
  return String(b.key_as_string ?? '');
}

export interface ValueCounts {
  /** Values with counts, best first; '' merged in at its place. */
  rows: BreakdownRow[];
  /** The sum of every value's count (a list counts each element; '' included). */
  totalValues: number;
}

export function readValueCounts(aggs: unknown, name: string): ValueCounts {
  const a = isRecord(aggs) ? aggs : {};
  const terms = isRecord(a[`${name}_values`]) ? (a[`${name}_values`] as JsonRecord) : {};
  const buckets = Array.isArray(terms.buckets) ? terms.buckets.filter(isRecord) : [];
  const otherDocs = typeof terms.sum_other_doc_count === 'number' ? terms.sum_other_doc_count : 0;
  const missing = docCount(a[`${name}_missing`]);
  const empty = missing + docCount(a[`${name}_empty`]);
  let totalValues = otherDocs + missing;
  const rows: BreakdownRow[] = [];
  for (const b of buckets) {
    const count = typeof b.doc_count === 'number' ? b.doc_count : 0;
    totalValues += count;
    const value = bucketKey(b);
    if (value !== '') rows.push({ value, count });
  }
  if (empty > 0) {
    // '' sorts before every other value, so it goes ahead of the first row it ties with.
    const at = rows.findIndex((r) => r.count <= empty);
    rows.splice(at === -1 ? rows.length : at, 0, { value: '', count: empty });
  }
  return { rows, totalValues };
}

/** The first `limit` rows and the sum of the counts of the rest. */
export function topRows(vc: ValueCounts, limit: number): { rows: BreakdownRow[]; other: number } {
  const rows = vc.rows.slice(0, limit);
  const shown = rows.reduce((s, r) => s + r.count, 0);
  return { rows, other: vc.totalValues - shown };
}
