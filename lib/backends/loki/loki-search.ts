// The event list over Loki: log queries newest first (or oldest first), in the embedded
// store's exact order (time, auditID, stage) with its cursor. Loki orders entries by
// timestamp only and returns at most `limit` of them, so a full answer is trusted only up
// to its farthest microsecond, which is then fetched on its own; more than a query's entry
// limit in one microsecond is a clear 'limit' error, never a silent gap.

import type { ResolvedQuery, ResolvedRange } from '@/lib/query/types';
import { decodeCursor, encodeCursor, type CursorPosition } from '../cursor';
import { StoreError } from '../errors';
import type { SearchResult } from '../types';
import { compareCodePoints } from './code-points';
import { entryEvent, flatten, toEventRow } from './event-rows';
import { rowMatches } from './event-predicate';
import type { LogEntry } from './loki-api';
import { INITIAL_LIST_SLOTS, type LokiContext } from './loki-context';
import { instantCounts } from './loki-counts';
import { planQuery } from './logql-builder';
import { renderPipeline } from './logql-model';
import { MAX_WINDOW_MICROS, microsToNs, nsToMicros } from './time-windows';
import type { EventRow } from '../types';

interface Found {
  key: CursorPosition;
  row: EventRow;
}

/** Order of (time, auditID, stage), ascending; strings compare as DuckDB does (code points). */
function compareKeys(a: CursorPosition, b: CursorPosition): number {
  return (
    a.ts - b.ts || compareCodePoints(a.auditID, b.auditID) || compareCodePoints(a.stage, b.stage)
  );
}

/** Windows of the range in the order the page reads them: newest first for time-desc. */
function windowsOf(range: ResolvedRange, desc: boolean): ResolvedRange[] {
  const out: ResolvedRange[] = [];
  if (desc) {
    for (let e = range.endMicros; e > range.startMicros; e -= MAX_WINDOW_MICROS) {
      out.push({ startMicros: Math.max(range.startMicros, e - MAX_WINDOW_MICROS), endMicros: e });
    }
  } else {
    for (let s = range.startMicros; s < range.endMicros; s += MAX_WINDOW_MICROS) {
      out.push({ startMicros: s, endMicros: Math.min(range.endMicros, s + MAX_WINDOW_MICROS) });
    }
  }
  return out;
}

class PageCollector {
  readonly found: Found[] = [];
  private readonly desc: boolean;
  private readonly cursor: CursorPosition | null;

  constructor(
    private readonly ctx: LokiContext,
    private readonly q: ResolvedQuery,
    private readonly query: string,
    private readonly need: number,
  ) {
    this.desc = q.sort === 'time-desc';
    this.cursor = q.cursor ? decodeCursor(q.cursor) : null;
  }

  get full(): boolean {
    return this.found.length >= this.need;
  }

  private batchSize(): number {
    return Math.min(this.ctx.maxEntriesPerQuery, this.need + 50);
  }

  private add(entries: LogEntry[]): void {
    for (const entry of entries) {
      const event = entryEvent(entry);
      if (!event) continue;
      const row = flatten(event);
      if (!rowMatches(row, this.q)) continue;
      const key = { ts: nsToMicros(entry.ns), auditID: event.auditID, stage: event.stage };
      if (this.cursor) {
        const c = compareKeys(key, this.cursor);
        if (this.desc ? c >= 0 : c <= 0) continue;
      }
      this.found.push({ key, row: toEventRow(event, row) });
    }
  }

  private fetch(range: ResolvedRange, limit: number): Promise<LogEntry[]> {
    return this.ctx.api.logs({
      query: this.query,
      startNs: microsToNs(range.startMicros),
      endNs: microsToNs(range.endMicros),
      limit,
      direction: this.desc ? 'backward' : 'forward',
    });
  }

  /** Reads one window from its near edge until the page is full or the window is done. */
  async readWindow(w: ResolvedRange): Promise<void> {
    let near = this.desc ? w.endMicros : w.startMicros;
    for (;;) {
      const span = this.desc
        ? { startMicros: w.startMicros, endMicros: near }
        : { startMicros: near, endMicros: w.endMicros };
      if (span.startMicros >= span.endMicros) return;
      const limit = this.batchSize();
      const batch = await this.fetch(span, limit);
      if (batch.length < limit) {
        this.add(batch);
        return;
      }
      // Entries of the farthest microsecond may go on past the limit: take the rest first,
      // then that microsecond on its own.
      const micros = batch.map((e) => nsToMicros(e.ns));
      const far = this.desc ? Math.min(...micros) : Math.max(...micros);
      this.add(batch.filter((_, i) => micros[i] !== far));
      if (this.full) return;
      const max = this.ctx.maxEntriesPerQuery;
      const atFar = await this.fetch({ startMicros: far, endMicros: far + 1 }, max);
      if (atFar.length >= max) throw this.tooManyInOneMicrosecond(max);
      this.add(atFar);
      if (this.full) return;
      near = this.desc ? far : far + 1;
    }
  }

  private tooManyInOneMicrosecond(max: number): StoreError {
    const { source, url } = this.ctx.api.http.ctx;
    return new StoreError(
      'limit',
      source,
      `source "${source}": more than ${max} events in Loki at ${url} share one microsecond, more than one query may return (maxEntriesPerQuery / max_entries_limit_per_query); raise both to page through them`,
    );
  }
}

export async function searchLoki(ctx: LokiContext, q: ResolvedQuery): Promise<SearchResult> {
  const desc = q.sort === 'time-desc';
  const plan = planQuery(ctx.selector, q, { listSlots: INITIAL_LIST_SLOTS });
  if (plan.matchesNothing) return { events: [], total: 0, nextCursor: null };

  let { startMicros, endMicros } = q.range;
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    if (desc) endMicros = Math.min(endMicros, c.ts + 1);
    else startMicros = Math.max(startMicros, c.ts);
  }
  const collector = new PageCollector(ctx, q, renderPipeline(plan.pipeline), q.limit + 1);
  const page = (async () => {
    for (const w of windowsOf({ startMicros, endMicros }, desc)) {
      await collector.readWindow(w);
      if (collector.full) break;
    }
  })();
  const [counts] = await Promise.all([instantCounts(ctx, q), page]);

  const sorted = collector.found.sort((a, b) =>
    desc ? compareKeys(b.key, a.key) : compareKeys(a.key, b.key),
  );
  const rows = sorted.slice(0, q.limit);
  const last = rows[rows.length - 1];
  return {
    events: rows.map((r) => r.row),
    total: counts.reduce((s, c) => s + c.count, 0),
    nextCursor: sorted.length > q.limit && last ? encodeCursor(last.key) : null,
  };
}
