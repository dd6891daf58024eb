// Stored documents back into Auditlens's model: normalize() reads each _source (in the
// preset's shape) into the same AuditEvent the dataset had; event-list rows and the
// cursor's sort key are derived from it.

import { DIMENSIONS } from '@/lib/audit/dimensions';
import { isRecord, type JsonRecord } from '@/lib/audit/json-value';
import { normalize } from '@/lib/audit/normalize';
import type { AuditEvent, SourceShape, Stage } from '@/lib/audit/types';
import { isoToMicros, microsToIso } from '@/lib/query/time';
import type { CursorPosition } from '../cursor';
import type { EventRow } from '../types';

export function hitsOf(response: unknown): JsonRecord[] {
  const hits = isRecord(response) && isRecord(response.hits) ? response.hits : null;
  return hits && Array.isArray(hits.hits) ? hits.hits.filter(isRecord) : [];
}

/** The AuditEvent a stored document holds, or null when it is not one. */
export function eventOf(hit: JsonRecord, shape: SourceShape | undefined): AuditEvent | null {
  if (!isRecord(hit._source)) return null;
  const r = normalize(hit._source, shape ? { shape } : undefined);
  return r.ok && r.events.length === 1 ? r.events[0]! : null;
}

/** Dimension values as the embedded store flattens them (schema.ts toRow). */
function dimsOf(e: AuditEvent): EventRow['dims'] {
  const dims: EventRow['dims'] = {};
  const ev = e.event as JsonRecord;
  for (const d of DIMENSIONS) {
    let v: unknown;
    if (d.key === 'auditID') v = e.auditID;
    else if (d.key === 'stage') v = e.stage;
    else {
      v = ev;
      for (const p of d.path) v = isRecord(v) ? v[p] : undefined;
    }
    if (d.multi) {
      const list = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
      if (list.length) dims[d.key] = list;
    } else if (d.type === 'number') {
      if (typeof v === 'number' && Number.isFinite(v)) dims[d.key] = [String(v)];
    } else if (typeof v === 'string' && v !== '') {
      dims[d.key] = [v];
    }
  }
  return dims;
}

/**
 * Time in microseconds from a sort value: date_nanos sorts by epoch nanoseconds, which a
 * double holds to ±128 ns at today's dates, so rounding to microseconds is exact for the
 * microsecond times Auditlens stores; a date field sorts by milliseconds.
 */
export function sortMicros(value: unknown, nanos: boolean): number {
  const n = typeof value === 'number' ? value : Number(value);
  return nanos ? Math.round(n / 1000) : n * 1000;
}

export interface ListedHit {
  row: EventRow;
  position: CursorPosition;
}

export function listedHit(
  hit: JsonRecord,
  shape: SourceShape | undefined,
  timeNanos: boolean,
): ListedHit {
  const sort = Array.isArray(hit.sort) ? hit.sort : [];
  const ts = sortMicros(sort[0], timeNanos);
  const position = { ts, auditID: String(sort[1] ?? ''), stage: String(sort[2] ?? '') };
  const e = eventOf(hit, shape);
  if (!e) {
    // Not an Event Auditlens can read (a foreign document in the index): show its keys only.
    return {
      position,
      row: {
        auditID: position.auditID,
        stage: '',
        time: microsToIso(ts),
        requestURI: '',
        latencyMs: null,
        dims: {},
      },
    };
  }
  const eventTs = isoToMicros(e.time);
  return {
    position,
    row: {
      auditID: e.auditID,
      stage: e.stage as Stage | '',
      time: microsToIso(ts),
      requestURI: typeof e.event.requestURI === 'string' ? e.event.requestURI : '',
      latencyMs: e.stageTime ? (isoToMicros(e.stageTime) - eventTs) / 1000 : null,
      dims: dimsOf(e),
    },
  };
}

const STAGE_ORDER: Record<string, number> = {
  RequestReceived: 0,
  ResponseStarted: 1,
  ResponseComplete: 2,
  Panic: 3,
};

/** The stages of one request, in stage order, one per stage (an event loaded twice shows once). */
export function stagesOf(events: AuditEvent[]): AuditEvent[] {
  const byStage = new Map<string, AuditEvent>();
  for (const e of events) if (!byStage.has(e.stage)) byStage.set(e.stage, e);
  return [...byStage.values()].sort(
    (a, b) => (STAGE_ORDER[a.stage] ?? 4) - (STAGE_ORDER[b.stage] ?? 4),
  );
}
