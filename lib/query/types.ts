// The typed form of every view's query. `lib/query/codec.ts` turns URL search params into
// an AuditQuery and back without loss; backends receive it with the range resolved.

import type { DimensionKey } from '@/lib/audit/dimensions';

/**
 * `eq` matches the value exactly (`eq ''`: the field is missing or empty); `prefix` matches
 * values that start with it (`system:serviceaccount:*`), so `prefix ''` matches every event.
 */
export type MatchOp = 'eq' | 'prefix';

export interface FilterValue {
  op: MatchOp;
  value: string;
}

/** Values of one dimension, OR-ed. An include filter keeps matching events, an exclude filter drops them. */
export interface DimensionFilter {
  dimension: DimensionKey;
  exclude: boolean;
  values: FilterValue[];
}

/** `now`, `now-15m`, `now-24h`, `now-7d` (units s, m, h, d, w), or an absolute ISO-8601 instant. */
export type TimeExpr =
  /** `offsetSeconds` before now: 0 for `now`, 86400 for `now-24h`; never negative. */
  | { kind: 'relative'; offsetSeconds: number }
  /** Canonical UTC instant with 6 fraction digits: `2026-11-23T03:50:58.107723Z`. */
  | { kind: 'absolute'; iso: string };

export const SORTS = ['time-desc', 'time-asc'] as const;
export type Sort = (typeof SORTS)[number];

export interface AuditQuery {
  /** Name of a configured source (store). */
  source: string;
  from: TimeExpr;
  to: TimeExpr;
  /** At most one include and one exclude filter per dimension; values within a filter are OR-ed, filters are AND-ed. */
  filters: DimensionFilter[];
  /** Free text: case-insensitive substring of user, verb, resource, namespace, name, requestURI, user agent, source IPs or auditID. */
  text: string;
  sort: Sort;
  /** Page size of the event list. */
  limit: number;
  /** Opaque position returned by the previous page, or null for the first page. */
  cursor: string | null;
}

/** Half-open interval [startMicros, endMicros) in microseconds since the epoch, UTC. */
export interface ResolvedRange {
  startMicros: number;
  endMicros: number;
}

export interface ResolvedQuery extends AuditQuery {
  range: ResolvedRange;
}
