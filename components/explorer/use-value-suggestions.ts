'use client';

import { getDimension, type DimensionKey } from '@/lib/audit/dimensions';
import type { BreakdownResult } from '@/lib/backends/types';
import { aggregateQuery, apiUrl } from '@/lib/explorer/api-client';
import { formatFilterValue } from '@/lib/query/codec';
import { useApi } from '@/lib/explorer/use-api';
import type { AuditQuery } from '@/lib/query/types';

const SUGGESTIONS = 50;

/**
 * Top values of a dimension in the current range and filters, as the value box suggests
 * them. The dimension's own filters are left out, so the other values show up too.
 */
export function useValueSuggestions(q: AuditQuery, dimension: DimensionKey): string[] {
  const groupable = getDimension(dimension).groupable;
  const others = { ...q, filters: q.filters.filter((f) => f.dimension !== dimension) };
  const url = groupable
    ? apiUrl('/api/breakdown', aggregateQuery(others), { dimension, top: String(SUGGESTIONS) })
    : null;
  const { data } = useApi<BreakdownResult>(url);
  if (!data || data.dimension !== dimension) return [];
  // Written as the filter syntax reads them, so a value ending in `*` stays literal.
  return data.rows
    .filter((r) => r.value !== '')
    .map((r) => formatFilterValue({ op: 'eq', value: r.value }));
}
