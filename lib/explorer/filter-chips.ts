// One chip per filter value, labelled the way a reviewer reads it:
// `verb = get`, `user ≠ system:anonymous`, `user = system:serviceaccount:*`.

import type { DimensionKey } from '@/lib/audit/dimensions';
import type { AuditQuery, FilterValue } from '@/lib/query/types';

export interface FilterChip {
  /** Stable React key. */
  key: string;
  dimension: DimensionKey;
  exclude: boolean;
  value: FilterValue;
  label: string;
}

/** How a filter value reads in the UI: a trailing `*` for a prefix, `(empty)` for a missing field. */
export function displayFilterValue(v: FilterValue): string {
  if (v.op === 'prefix') return `${v.value}*`;
  return v.value === '' ? '(empty)' : v.value;
}

export function filterChips(q: AuditQuery): FilterChip[] {
  return q.filters.flatMap((f) =>
    f.values.map((value) => ({
      key: `${f.dimension}${f.exclude ? '!' : ''}:${value.op}:${value.value}`,
      dimension: f.dimension,
      exclude: f.exclude,
      value,
      label: `${f.dimension} ${f.exclude ? '≠' : '='} ${displayFilterValue(value)}`,
    })),
  );
}
