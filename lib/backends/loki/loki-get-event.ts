// One request by auditID: a line filter on the ID narrows, an exact match on the parsed
// auditID decides. The request's time is unknown, so the lookback (the longest range a URL
// can ask for) is read newest first in pieces that double in length (1h, 2h, 4h, ... up
// to Loki's 30-day window): a recent request is found after reading little, and a long
// piece the index says holds no stream is skipped.

import { STAGES, type AuditEvent } from '@/lib/audit/types';
import { MAX_RELATIVE_DAYS } from '@/lib/query/time';
import type { ResolvedRange } from '@/lib/query/types';
import { StoreError } from '../errors';
import type { EventDetail } from '../types';
import { entryEvent } from './event-rows';
import { valueLabel } from './labels';
import { longestPlainRun } from './line-filters';
import type { LogEntry } from './loki-api';
import type { LokiContext } from './loki-context';
import { renderPipeline, type LogPipeline } from './logql-model';
import { MAX_WINDOW_MICROS, microsToNs, nsToMicros } from './time-windows';

/** Loki accepts entries up to 10 minutes ahead of its clock. */
const FUTURE_MICROS = 15 * 60 * 1_000_000;
const LOOKBACK_MICROS = MAX_RELATIVE_DAYS * 86_400 * 1_000_000;
const HOUR_MICROS = 3600 * 1_000_000;
/** Pieces this long are worth a look at the index before reading them. */
const CHECK_INDEX_FROM = 7 * 24 * HOUR_MICROS;
/** Stages of one request may be stamped apart (a shipper using the stage time). */
const STAGE_SPREAD_MICROS = HOUR_MICROS;
/** A request has at most four stages; more lines are repeats. */
const LINES_PER_REQUEST = 100;

function stageRank(stage: string): number {
  const i = (STAGES as readonly string[]).indexOf(stage);
  return i === -1 ? STAGES.length : i;
}

function pipelineFor(ctx: LokiContext, auditID: string): LogPipeline {
  const run = longestPlainRun(auditID);
  const label = valueLabel('auditID');
  return {
    selector: ctx.selector,
    lineFilters: run ? [{ kind: 'contains', text: run }] : [],
    extractions: [{ label, path: ['auditID'] }],
    templates: [],
    filters: [{ kind: 'match', label, op: '=', value: auditID }],
    lateTemplates: [],
    lateFilters: [],
  };
}

/** The lookback newest first, in pieces doubling from an hour to Loki's window. */
export function lookbackPieces(end: number, lookback = LOOKBACK_MICROS): ResolvedRange[] {
  const out: ResolvedRange[] = [];
  const start = end - lookback;
  let length = HOUR_MICROS;
  for (let e = end; e > start;) {
    const s = Math.max(start, e - length);
    out.push({ startMicros: s, endMicros: e });
    e = s;
    length = Math.min(MAX_WINDOW_MICROS, length * 2);
  }
  return out;
}

/** Whether any stream of the source holds entries in the piece (asks the index only). */
async function hasStreams(ctx: LokiContext, w: ResolvedRange): Promise<boolean> {
  try {
    const s = await ctx.api.series(
      ctx.selector,
      microsToNs(w.startMicros),
      microsToNs(w.endMicros),
    );
    return s.length > 0;
  } catch (e) {
    // A gateway that does not pass the series API on: read the piece instead.
    if (e instanceof StoreError && e.kind === 'store_error') return true;
    throw e;
  }
}

export async function getEventLoki(ctx: LokiContext, auditID: string): Promise<EventDetail | null> {
  const query = renderPipeline(pipelineFor(ctx, auditID));
  const read = (w: ResolvedRange): Promise<LogEntry[]> =>
    ctx.api.logs({
      query,
      startNs: microsToNs(w.startMicros),
      endNs: microsToNs(w.endMicros),
      limit: LINES_PER_REQUEST,
      direction: 'forward',
    });

  let entries: LogEntry[] = [];
  for (const piece of lookbackPieces(Date.now() * 1000 + FUTURE_MICROS)) {
    const long = piece.endMicros - piece.startMicros >= CHECK_INDEX_FROM;
    if (long && !(await hasStreams(ctx, piece))) continue;
    entries = await read(piece);
    if (entries.length) break;
  }
  if (!entries.length) return null;
  // The other stages may lie across the piece's edge: read around what was found.
  const times = entries.map((x) => nsToMicros(x.ns));
  entries = await read({
    startMicros: Math.min(...times) - STAGE_SPREAD_MICROS,
    endMicros: Math.max(...times) + STAGE_SPREAD_MICROS + 1,
  });

  const byStage = new Map<string, AuditEvent>();
  for (const entry of entries) {
    const event = entryEvent(entry);
    if (event && event.auditID === auditID && !byStage.has(event.stage)) {
      byStage.set(event.stage, event);
    }
  }
  if (!byStage.size) return null;
  const stages = [...byStage.values()].sort((a, b) => stageRank(a.stage) - stageRank(b.stage));
  return { auditID, stages };
}
