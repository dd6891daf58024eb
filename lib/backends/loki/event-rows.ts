// Loki log lines back into Auditlens's model: the line is the Event JSON, normalized like
// any import; table rows are flattened with the embedded store's own flattening (toRow), so
// both stores show the same values.

import { DIMENSIONS } from '@/lib/audit/dimensions';
import { normalize } from '@/lib/audit/normalize';
import type { AuditEvent } from '@/lib/audit/types';
import { isoToMicros, microsToIso } from '@/lib/query/time';
import { toRow, type FlatRow } from '../embedded/schema';
import type { EventRow } from '../types';
import type { LogEntry } from './loki-api';
import { nsToMicros } from './time-windows';

/** The entry's Event, normalized; null for a line that is not one audit Event. */
export function entryEvent(entry: LogEntry): AuditEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(entry.line);
  } catch {
    return null;
  }
  // Loki's timestamp stands in for the time when the Event carries none.
  const r = normalize(value, { fallbackTime: microsToIso(nsToMicros(entry.ns)) });
  if (!r.ok || r.events.length !== 1) return null;
  return r.events[0]!;
}

/** The event flattened the way the embedded store stores it. */
export function flatten(e: AuditEvent): FlatRow {
  return toRow(e, isoToMicros(e.time), 0, 0);
}

/** A table row, as the embedded store builds it from its columns. */
export function toEventRow(e: AuditEvent, row: FlatRow = flatten(e)): EventRow {
  const dims: EventRow['dims'] = {};
  for (const d of DIMENSIONS) {
    const v = row[d.column];
    if (Array.isArray(v)) {
      if (v.length) dims[d.key] = v.map(String);
    } else if (v !== null && v !== undefined && v !== '') {
      dims[d.key] = [String(v)];
    }
  }
  const ts = row.ts as number;
  const stageTs = row.stage_ts as number | null;
  return {
    auditID: e.auditID,
    stage: e.stage,
    time: microsToIso(ts),
    requestURI: String(row.request_uri ?? ''),
    latencyMs: stageTs !== null ? (stageTs - ts) / 1000 : null,
    dims,
  };
}
