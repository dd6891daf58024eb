// The embedded store's table, derived from the dimension catalogue: one column per
// dimension plus time, URI, shape and the whole event as JSON (for the drill-down).

import { DIMENSIONS, dimensionValues, type Dimension } from '@/lib/audit/dimensions';
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
  ['raw', 'JSON'], // the v1 Event, bodies included
];

export const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ...DIMENSIONS.map((d) => [d.column, columnType(d)] as const),
  ...EXTRA_COLUMNS,
];

export const CREATE_STATEMENTS = [
  // The key makes ingest idempotent: a retried webhook batch or a re-read file stores nothing twice.
  `CREATE TABLE IF NOT EXISTS ${EVENTS_TABLE} (${COLUMNS.map(([n, t]) => `${ident(n)} ${t}`).join(', ')},
     PRIMARY KEY ("audit_id", "stage"))`,
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  // Followed files, by device and inode (a rotation renames the file but keeps its inode).
  `CREATE TABLE IF NOT EXISTS ingest_checkpoints (
     file_id VARCHAR PRIMARY KEY, path VARCHAR, "offset" BIGINT, done BOOLEAN, updated_at TIMESTAMP)`,
];

/** The `columns` argument of read_ndjson for rows written by `toRow`. */
export const NDJSON_COLUMNS = `{${COLUMNS.map(([n, t]) => `${ident(n)}: '${t}'`).join(', ')}}`;

export type FlatRow = Record<string, string | number | string[] | null | object>;

/** Flattens a normalized event into one table row (missing strings become ''). */
export function toRow(e: AuditEvent): FlatRow {
  const row: FlatRow = {};
  for (const d of DIMENSIONS) {
    const values = dimensionValues(e, d);
    if (d.multi) row[d.column] = values;
    else if (d.type === 'number') row[d.column] = values.length ? Number(values[0]) : null;
    else row[d.column] = values[0] ?? '';
  }
  row.ts = isoToMicros(e.time);
  row.stage_ts = e.stageTime ? isoToMicros(e.stageTime) : null;
  row.request_uri = e.event.requestURI ?? '';
  row.api_version = e.apiVersion;
  row.shape = e.shape;
  row.raw = e.event as object;
  return row;
}
