// The one interface every store implements. Aggregations happen inside the store:
// an adapter never fetches raw events into Node to count them.

import type { DimensionKey } from '@/lib/audit/dimensions';
import type { AuditEvent, Stage } from '@/lib/audit/types';
import type { ResolvedQuery } from '@/lib/query/types';

/** One row of the event table: the catalogue's dimensions plus what every row shows. */
export interface EventRow {
  auditID: string;
  stage: Stage | '';
  /** Event time, ISO-8601 UTC with microseconds. */
  time: string;
  requestURI: string;
  /** stageTimestamp minus requestReceivedTimestamp, when both are known. */
  latencyMs: number | null;
  /** Values per dimension (lists hold one value for single-valued dimensions; missing fields are absent). */
  dims: Partial<Record<DimensionKey, string[]>>;
}

export interface SearchResult {
  events: EventRow[];
  /** Requests (or events, with a stage filter) matching the query in the whole range. */
  total: number;
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export interface TimelineOptions {
  /** Split each bucket by this dimension (top `splitLimit` values, the rest as `other`). */
  split?: DimensionKey;
  splitLimit: number;
  bucketSeconds: number;
}

export interface TimelineBucket {
  /** Bucket start, ISO-8601 UTC. */
  start: string;
  total: number;
  /** Count per split value (absent without a split); values outside the top ones are under OTHER_KEY. */
  counts: Record<string, number>;
}

export interface TimelineResult {
  bucketSeconds: number;
  split: DimensionKey | null;
  /** Split values in order of total count, largest first (OTHER_KEY last when present). */
  series: string[];
  buckets: TimelineBucket[];
  total: number;
}

export const OTHER_KEY = '__other__';

export interface BreakdownOptions {
  dimension: DimensionKey;
  limit: number;
}

export interface BreakdownRow {
  /** The value ('' when the field is missing or empty). */
  value: string;
  count: number;
}

export interface BreakdownResult {
  dimension: DimensionKey;
  rows: BreakdownRow[];
  /** Count of all values not in `rows`. */
  other: number;
  /** Requests matching the query (a multi-valued dimension can sum to more). */
  total: number;
}

export interface EventDetail {
  auditID: string;
  /** Every stored stage of the request, in stage order, with bodies. */
  stages: AuditEvent[];
}

export interface HealthResult {
  ok: boolean;
  store: string;
  message: string;
  details?: Record<string, unknown>;
}

export interface AuditBackend {
  readonly kind: string;
  search(q: ResolvedQuery): Promise<SearchResult>;
  timeline(q: ResolvedQuery, opts: TimelineOptions): Promise<TimelineResult>;
  breakdown(q: ResolvedQuery, opts: BreakdownOptions): Promise<BreakdownResult>;
  getEvent(auditID: string): Promise<EventDetail | null>;
  health(): Promise<HealthResult>;
}
