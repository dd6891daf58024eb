// The embedded store's table, derived from the dimension catalogue: one column per
// dimension plus time, URI, shape, and where the event's full text lies in the raw
// segments (lib/backends/embedded/raw-segments.ts).

import { DIMENSIONS, type Dimension } from '@/lib/audit/dimensions';
import type { AuditEvent } from '@/lib/audit/types';
import { isoToMicros } from '@/lib/query/time';

export const EVENTS_TABLE = 'events';

/** Quotes an identifier (some column names, like `name`, are SQL keywords). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function columnType(d: Dimension): string {
  if (d.multi) return 'VARCHAR[]';
  return d.type === 'number' ? 'INTEGER' : 'VARCHAR';
}

/** Columns besides the catalogue's, in table order. */
const EXTRA_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['ts', 'BIGINT'], // event time, microseconds since the epoch (UTC)
  ['stage_ts', 'BIGINT'], // stageTimestamp in microseconds, when known
  ['request_uri', 'VARCHAR'],
  ['api_version', 'VARCHAR'],
  ['shape', 'VARCHAR'],
  // The counting rule (lib/audit/counting.ts) evaluated once at insert: testing it per
  // query cost 50 ms per million events, most of a breakdown's time.
  ['counted', 'BOOLEAN'],
  ['raw_seg', 'INTEGER'], // the v1 Event's text, bodies included: segment file,
  ['raw_off', 'BIGINT'], // byte offset in it,
  ['raw_len', 'INTEGER'], // and length
];

export const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ...DIMENSIONS.map((d) => [d.column, columnType(d)] as const),
  ...EXTRA_COLUMNS,
];

export const CREATE_STATEMENTS = [
  // No key constraint: an index on (audit_id, stage) tripled the cost of a bulk import.
  // Inserts skip stored (audit_id, stage) pairs themselves (insert-events.ts).
  `CREATE TABLE IF NOT EXISTS ${EVENTS_TABLE} (${COLUMNS.map(([n, t]) => `${ident(n)} ${t}`).join(', ')})`,
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  // Followed files, by device and inode (a rotation renames the file but keeps its inode).
  `CREATE TABLE IF NOT EXISTS ingest_checkpoints (
     file_id VARCHAR PRIMARY KEY, path VARCHAR, "offset" BIGINT, done BOOLEAN, updated_at TIMESTAMP)`,
];

/** Columns of a staged row: the table's, with the raw text's place relative to its batch. */
export const STAGED_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ...COLUMNS.filter(([n]) => !['raw_seg', 'raw_off', 'raw_len', 'counted'].includes(n)),
  ['roff', 'BIGINT'],
  ['rlen', 'INTEGER'],
];

/** The `columns` argument of read_ndjson for rows written by `toRow`. */
export const NDJSON_COLUMNS = `{${STAGED_COLUMNS.map(([n, t]) => `${ident(n)}: '${t}'`).join(', ')}}`;

export type FlatRow = Record<string, string | number | string[] | null>;

type Accessor = (e: AuditEvent) => unknown;

/** Reads a dimension's path without a generic walk: this runs once per column per event. */
function accessor(d: Dimension): Accessor {
  if (d.key === 'auditID') return (e) => e.auditID;
  if (d.key === 'stage') return (e) => e.stage;
  const [a, b, c] = d.path;
  if (d.path.length === 1) return (e) => (e.event as Record<string, unknown>)[a!];
  if (d.path.length === 2) {
    return (e) => {
      const o = (e.event as Record<string, unknown>)[a!];
      return o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[b!] : undefined;
    };
  }
  return (e) => {
    const o = (e.event as Record<string, unknown>)[a!];
    const p = o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[b!] : undefined;
    return p !== null && typeof p === 'object' ? (p as Record<string, unknown>)[c!] : undefined;
  };
}

const FIELDS = DIMENSIONS.map((d) => ({ d, get: accessor(d) }));

function strings(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is string => typeof x === 'string');
}

/** Flattens a normalized event into one staged row (missing strings become ''). */
export function toRow(e: AuditEvent, ts: number, roff: number, rlen: number): FlatRow {
  const row: FlatRow = {};
  for (const { d, get } of FIELDS) {
    const v = get(e);
    if (d.multi) row[d.column] = strings(v);
    else if (d.type === 'number')
      row[d.column] = typeof v === 'number' && Number.isFinite(v) ? v : null;
    else row[d.column] = typeof v === 'string' ? v : '';
  }
  row.ts = ts;
  row.stage_ts = e.stageTime ? isoToMicros(e.stageTime) : null;
  row.request_uri = e.event.requestURI ?? '';
  row.api_version = e.apiVersion;
  row.shape = e.shape;
  row.roff = roff;
  row.rlen = rlen;
  return row;
}
