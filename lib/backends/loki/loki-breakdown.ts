// Breakdown over Loki: `sum by (<value>) (count_over_time(...[range]))` as one instant
// query (per element for lists), sorted in Node, so ties and "other" are exact. More
// distinct values than Loki's max_query_series is a 'limit' error from Loki, not a guess.

import { getDimension } from '@/lib/audit/dimensions';
import type { ResolvedQuery } from '@/lib/query/types';
import type { BreakdownOptions, BreakdownResult } from '../types';
import type { LokiContext } from './loki-context';
import { countMatching, topValues, valueCounts } from './value-counts';

export async function breakdownLoki(
  ctx: LokiContext,
  q: ResolvedQuery,
  opts: BreakdownOptions,
): Promise<BreakdownResult> {
  const d = getDimension(opts.dimension);
  const [{ counts }, requests] = await Promise.all([
    valueCounts(ctx, q, opts.dimension),
    // A list dimension counts a request once per value: count the requests apart.
    d.multi ? countMatching(ctx, q) : Promise.resolve(null),
  ]);
  const top = topValues(counts, opts.limit);
  const allValues = [...counts.values()].reduce((s, c) => s + c, 0);
  const shown = top.reduce((s, [, c]) => s + c, 0);
  return {
    dimension: opts.dimension,
    rows: top.map(([value, count]) => ({ value, count })),
    other: allValues - shown,
    total: requests ?? allValues,
  };
}
