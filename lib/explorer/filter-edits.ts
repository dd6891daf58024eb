// Edits of a query's filters, as the filter bar, breakdown rows and drill-down links make
// them. Each returns a new query with the cursor dropped: a new filter starts at page one.

import type { DimensionKey } from '@/lib/audit/dimensions';
import type { AuditQuery, DimensionFilter, FilterValue } from '@/lib/query/types';

const sameValue = (a: FilterValue, b: FilterValue) => a.op === b.op && a.value === b.value;

/** Keeps only `value` in the include filter of `dimension` and drops it from the exclude filter. */
export function includeOnly(
  q: AuditQuery,
  dimension: DimensionKey,
  value: FilterValue,
): AuditQuery {
  const filters = q.filters
    .filter((f) => !(f.dimension === dimension && !f.exclude))
    .map((f) => (f.dimension === dimension ? withoutValue(f, value) : f));
  filters.push({ dimension, exclude: false, values: [value] });
  return { ...q, filters: nonEmpty(filters), cursor: null };
}

/** Adds `value` to the exclude filter of `dimension` and drops it from the include filter. */
export function exclude(q: AuditQuery, dimension: DimensionKey, value: FilterValue): AuditQuery {
  const filters = q.filters.map((f) =>
    f.dimension === dimension && !f.exclude ? withoutValue(f, value) : f,
  );
  filters.push({ dimension, exclude: true, values: [value] });
  return { ...q, filters: nonEmpty(filters), cursor: null };
}

/** Adds a value to the include or exclude filter of a dimension (ORed with its other values). */
export function addFilterValue(
  q: AuditQuery,
  dimension: DimensionKey,
  excluded: boolean,
  value: FilterValue,
): AuditQuery {
  const filters = [...q.filters, { dimension, exclude: excluded, values: [value] }];
  return { ...q, filters, cursor: null };
}

export function removeFilterValue(
  q: AuditQuery,
  dimension: DimensionKey,
  excluded: boolean,
  value: FilterValue,
): AuditQuery {
  const filters = q.filters.map((f) =>
    f.dimension === dimension && f.exclude === excluded ? withoutValue(f, value) : f,
  );
  return { ...q, filters: nonEmpty(filters), cursor: null };
}

/** Drops every filter and the free text; keeps source, range, sort and page size. */
export function clearFilters(q: AuditQuery): AuditQuery {
  return { ...q, filters: [], text: '', cursor: null };
}

export function hasValue(
  q: AuditQuery,
  dimension: DimensionKey,
  excluded: boolean,
  value: FilterValue,
): boolean {
  return q.filters.some(
    (f) =>
      f.dimension === dimension &&
      f.exclude === excluded &&
      f.values.some((v) => sameValue(v, value)),
  );
}

function withoutValue(f: DimensionFilter, value: FilterValue): DimensionFilter {
  return { ...f, values: f.values.filter((v) => !sameValue(v, value)) };
}

function nonEmpty(filters: DimensionFilter[]): DimensionFilter[] {
  return filters.filter((f) => f.values.length > 0);
}
