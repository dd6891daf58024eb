// Counts per value of a dimension over a query's range, as the breakdown and the timeline
// split need them. A list dimension is counted element by element: `user.groups[0]`, then
// `[1]`, ... while some line may hold one more; '' counts the events whose list is empty.

import { getDimension, type DimensionKey } from '@/lib/audit/dimensions';
import type { ResolvedQuery } from '@/lib/query/types';
import { StoreError } from '../errors';
import { compareCodePoints } from './code-points';
import { MORE_LABEL } from './labels';
import { MAX_LIST_SLOTS, type LokiContext } from './loki-context';
import { instantCounts } from './loki-counts';

/** The query narrowed to events whose list `dimension` is empty. */
export function withEmptyList(q: ResolvedQuery, dimension: DimensionKey): ResolvedQuery {
  return {
    ...q,
    filters: [...q.filters, { dimension, exclude: false, values: [{ op: 'eq', value: '' }] }],
  };
}

/** Matching events (requests, or events with a stage filter). */
export async function countMatching(ctx: LokiContext, q: ResolvedQuery): Promise<number> {
  const rows = await instantCounts(ctx, q);
  return rows.reduce((s, r) => s + r.count, 0);
}

export interface ValueCounts {
  counts: Map<string, number>;
  /** List dimensions: element indexes that held a value (the slots a timeline must query). */
  indexes: number;
}

async function listValueCounts(
  ctx: LokiContext,
  q: ResolvedQuery,
  dimension: DimensionKey,
): Promise<ValueCounts> {
  const counts = new Map<string, number>();
  const empty = countMatching(ctx, withEmptyList(q, dimension));
  // Awaited below; until then a failure must not count as unhandled.
  empty.catch(() => undefined);
  let index = 0;
  for (;;) {
    const rows = await instantCounts(ctx, q, {
      group: { dimension, index },
      by: (plan) => [plan.groupLabel!, MORE_LABEL],
    });
    let more = false;
    for (const { values, count } of rows) {
      const [value, moreFlag] = values as [string, string];
      if (moreFlag === '1' && count > 0) more = true;
      if (value !== '') counts.set(value, (counts.get(value) ?? 0) + count);
    }
    index += 1;
    if (!more) break;
    if (index >= MAX_LIST_SLOTS) {
      const { source, url } = ctx.api.http.ctx;
      throw new StoreError(
        'limit',
        source,
        `source "${source}": some events in Loki at ${url} hold more than ${MAX_LIST_SLOTS} ${dimension} values; narrow the time range`,
      );
    }
  }
  const emptyCount = await empty;
  if (emptyCount > 0) counts.set('', (counts.get('') ?? 0) + emptyCount);
  return { counts, indexes: index };
}

export async function valueCounts(
  ctx: LokiContext,
  q: ResolvedQuery,
  dimension: DimensionKey,
): Promise<ValueCounts> {
  if (getDimension(dimension).multi) return listValueCounts(ctx, q, dimension);
  const rows = await instantCounts(ctx, q, {
    group: { dimension },
    by: (plan) => [plan.groupLabel!],
  });
  const counts = new Map<string, number>();
  for (const { values, count } of rows) {
    if (count > 0) counts.set(values[0]!, (counts.get(values[0]!) ?? 0) + count);
  }
  return { counts, indexes: 0 };
}

/** The `limit` largest values: count descending, then value ascending (DuckDB's order). */
export function topValues(counts: Map<string, number>, limit: number): Array<[string, number]> {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))
    .slice(0, limit);
}
