// The Loki adapter: audit Events as log lines (the Event JSON) in the source's streams,
// queried with LogQL over Loki's HTTP API. Counts are metric queries inside Loki; the
// answers equal the embedded store's (see lib/testing/conformance).
//
// The entry's timestamp is taken as the event time (Auditlens's writer sets it so; with
// Promtail or Alloy, parse requestReceivedTimestamp in a timestamp stage).
// The app imports it through loki-backend.ts (server-only); scripts use it directly.

import type { LokiSourceConfig } from '@/lib/config/schema';
import { microsToIso } from '@/lib/query/time';
import type { ResolvedQuery } from '@/lib/query/types';
import type {
  AuditBackend,
  BreakdownOptions,
  BreakdownResult,
  EventDetail,
  HealthResult,
  SearchResult,
  TimelineOptions,
  TimelineResult,
} from '../types';
import { LokiApi } from './loki-api';
import { breakdownLoki } from './loki-breakdown';
import type { LokiContext } from './loki-context';
import { getEventLoki } from './loki-get-event';
import { LokiHttp, type LokiConnection } from './loki-http';
import { searchLoki } from './loki-search';
import { timelineLoki } from './loki-timeline';
import { microsToNs } from './time-windows';

const DAY_MICROS = 86_400 * 1_000_000;

export function connectionOf(source: LokiSourceConfig): LokiConnection {
  return {
    source: source.name,
    url: source.url,
    tenant: source.tenant,
    auth: source.auth,
    timeoutMs: source.timeoutMs,
  };
}

export class LokiAdapter implements AuditBackend {
  readonly kind = 'loki';
  private readonly ctx: LokiContext;

  /** `http` may be given to observe the requests (the bench does). */
  constructor(
    private readonly source: LokiSourceConfig,
    http: LokiHttp = new LokiHttp(connectionOf(source)),
  ) {
    this.ctx = {
      api: new LokiApi(http),
      selector: source.selector,
      maxEntriesPerQuery: source.maxEntriesPerQuery,
    };
  }

  search(q: ResolvedQuery): Promise<SearchResult> {
    return searchLoki(this.ctx, q);
  }

  timeline(q: ResolvedQuery, opts: TimelineOptions): Promise<TimelineResult> {
    return timelineLoki(this.ctx, q, opts);
  }

  breakdown(q: ResolvedQuery, opts: BreakdownOptions): Promise<BreakdownResult> {
    return breakdownLoki(this.ctx, q, opts);
  }

  getEvent(auditID: string): Promise<EventDetail | null> {
    return getEventLoki(this.ctx, auditID);
  }

  async health(): Promise<HealthResult> {
    const base = {
      store: this.kind,
      details: { url: this.source.url, selector: this.source.selector },
    };
    try {
      await this.ctx.api.ready();
      const end = Date.now() * 1000;
      const streams = await this.ctx.api.series(
        this.source.selector,
        microsToNs(end - DAY_MICROS),
        microsToNs(end),
      );
      return {
        ...base,
        ok: true,
        message: `Loki is ready; ${streams.length} streams match ${this.source.selector} over the last 24 hours`,
        details: { ...base.details, streams: streams.length, since: microsToIso(end - DAY_MICROS) },
      };
    } catch (e) {
      return { ...base, ok: false, message: (e as Error).message };
    }
  }
}
