// The embedded store: DuckDB in-process. Every count is a SQL aggregation.

import { DIMENSIONS, getDimension, type Dimension } from '@/lib/audit/dimensions';
import type { AuditEvent, SourceShape, Stage } from '@/lib/audit/types';
import { microsToIso } from '@/lib/query/time';
import type { ResolvedQuery } from '@/lib/query/types';
import {
  OTHER_KEY,
  type AuditBackend,
  type BreakdownOptions,
  type BreakdownResult,
  type EventDetail,
  type EventRow,
  type HealthResult,
  type SearchResult,
  type TimelineOptions,
  type TimelineResult,
} from '../types';
import { fillTimeline } from '../timeline-fill';
import { decodeCursor, encodeCursor } from '../cursor';
import type { Database } from './database';
import { EVENTS_TABLE, ident } from './schema';
import { SqlBuilder, whereClause } from './sql-where';
import { insertPrepared } from './insert-events';
import { prepareEvents, type PreparedBatch } from './prepared-batch';
import type { RawSegments } from './raw-segments';
import type { InsertResult } from '@/lib/ingest/sink';

const STAGE_ORDER = `CASE "stage" WHEN 'RequestReceived' THEN 0 WHEN 'ResponseStarted' THEN 1
  WHEN 'ResponseComplete' THEN 2 WHEN 'Panic' THEN 3 ELSE 4 END`;

const ROW_COLUMNS = [
  ...DIMENSIONS.map((d) => ident(d.column)),
  '"ts"',
  '"stage_ts"',
  '"request_uri"',
].join(', ');

/** A dimension's values as text rows: one per element for lists ('' for an empty list). */
function valueExpr(d: Dimension): string {
  const col = ident(d.column);
  if (d.multi) {
    return `unnest(CASE WHEN len(coalesce(${col}, []::VARCHAR[])) = 0 THEN [''] ELSE ${col} END)`;
  }
  if (d.type === 'number') return col;
  return `coalesce(${col}, '')`;
}

/** Grouped values as text; numbers are grouped first and turned into text after (cheaper). */
function valueText(d: Dimension, expr: string): string {
  return d.type === 'number' ? `coalesce(CAST(${expr} AS VARCHAR), '')` : expr;
}

type Row = Record<string, unknown>;

function toEventRow(r: Row): EventRow {
  const dims: EventRow['dims'] = {};
  for (const d of DIMENSIONS) {
    const v = r[d.column];
    if (Array.isArray(v)) {
      if (v.length) dims[d.key] = v.map(String);
    } else if (v !== null && v !== undefined && v !== '') {
      dims[d.key] = [String(v)];
    }
  }
  const ts = r.ts as number;
  const stageTs = r.stage_ts as number | null;
  return {
    auditID: String(r.audit_id),
    stage: String(r.stage) as Stage | '',
    time: microsToIso(ts),
    requestURI: String(r.request_uri ?? ''),
    latencyMs: stageTs !== null && stageTs !== undefined ? (stageTs - ts) / 1000 : null,
    dims,
  };
}

export class EmbeddedBackend implements AuditBackend {
  readonly kind = 'embedded';

  constructor(
    readonly db: Database,
    readonly segments: RawSegments,
    private readonly tmpDir: string,
  ) {}

  async search(q: ResolvedQuery): Promise<SearchResult> {
    const b = new SqlBuilder();
    const where = whereClause(q, b);
    const [countRow] = await this.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM ${EVENTS_TABLE} WHERE ${where}`,
      b.params,
    );

    const desc = q.sort === 'time-desc';
    const cmp = desc ? '<' : '>';
    const dir = desc ? 'DESC' : 'ASC';
    let cursorCond = '';
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      const ts = b.int(c.ts);
      const id = b.bind(c.auditID);
      const st = b.bind(c.stage);
      cursorCond = ` AND ("ts" ${cmp} ${ts} OR ("ts" = ${ts} AND ("audit_id" ${cmp} ${id} OR ("audit_id" = ${id} AND "stage" ${cmp} ${st}))))`;
    }
    const limit = b.int(q.limit + 1);
    // Rows are stored in time order, so a time bound lets DuckDB skip most row groups.
    // Look at the newest (or oldest) slice first and widen it until a page is full.
    const cursorTs = q.cursor ? decodeCursor(q.cursor).ts : null;
    const lo = desc ? q.range.startMicros : (cursorTs ?? q.range.startMicros);
    const hi = desc ? (cursorTs !== null ? cursorTs + 1 : q.range.endMicros) : q.range.endMicros;
    const span = Math.max(1, hi - lo);
    let window = Math.max(60_000_000, Math.ceil(span / 64));
    let rows: Record<string, unknown>[];
    for (;;) {
      const bound =
        window >= span
          ? ''
          : desc
            ? ` AND "ts" >= ${b.int(hi - window)}`
            : ` AND "ts" < ${b.int(lo + window)}`;
      rows = await this.db.query(
        `SELECT ${ROW_COLUMNS} FROM ${EVENTS_TABLE} WHERE ${where}${cursorCond}${bound}
         ORDER BY "ts" ${dir}, "audit_id" ${dir}, "stage" ${dir} LIMIT ${limit}`,
        b.params,
      );
      if (rows.length > q.limit || window >= span) break;
      window *= 8;
    }
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      events: page.map(toEventRow),
      total: countRow?.n ?? 0,
      nextCursor:
        rows.length > q.limit && last
          ? encodeCursor({
              ts: last.ts as number,
              auditID: String(last.audit_id),
              stage: String(last.stage),
            })
          : null,
    };
  }

  async timeline(q: ResolvedQuery, opts: TimelineOptions): Promise<TimelineResult> {
    const stepMicros = opts.bucketSeconds * 1_000_000;
    const b = new SqlBuilder();
    const where = whereClause(q, b);
    const step = b.int(stepMicros);
    const totals = await this.db.query<{ b: number; c: number }>(
      `SELECT ("ts" // ${step}) * ${step} AS b, count(*) AS c FROM ${EVENTS_TABLE} WHERE ${where} GROUP BY 1`,
      b.params,
    );

    let split: Array<{ b: number; s: string; c: number }> = [];
    if (opts.split) {
      const d = getDimension(opts.split);
      const sb = new SqlBuilder();
      const swhere = whereClause(q, sb);
      const sstep = sb.int(stepMicros);
      const k = sb.int(opts.splitLimit);
      const other = sb.bind(OTHER_KEY);
      // Group by (bucket, value) in one scan, then rank values on that small result.
      split = await this.db.query(
        `WITH base AS (SELECT "ts", ${valueExpr(d)} AS x FROM ${EVENTS_TABLE} WHERE ${swhere}),
              g AS (SELECT ("ts" // ${sstep}) * ${sstep} AS b, ${valueText(d, 'x')} AS v, count(*) AS c
                    FROM base GROUP BY 1, 2),
              top AS (SELECT v FROM g GROUP BY v ORDER BY sum(c) DESC, v ASC LIMIT ${k})
         SELECT b, CASE WHEN v IN (SELECT v FROM top) THEN v ELSE ${other} END AS s, sum(c) AS c
         FROM g GROUP BY 1, 2`,
        sb.params,
      );
    }
    return fillTimeline({
      range: q.range,
      bucketSeconds: opts.bucketSeconds,
      split: opts.split ?? null,
      totals: totals.map((r) => ({ startMicros: r.b, count: r.c })),
      splitCounts: split.map((r) => ({ startMicros: r.b, value: r.s, count: r.c })),
    });
  }

  async breakdown(q: ResolvedQuery, opts: BreakdownOptions): Promise<BreakdownResult> {
    const d = getDimension(opts.dimension);
    const b = new SqlBuilder();
    const where = whereClause(q, b);
    const k = b.int(opts.limit);
    const rows = await this.db.query<{ v: string; c: number; all_values: number }>(
      `SELECT ${valueText(d, 'g')} AS v, c, sum(c) OVER () AS all_values
       FROM (SELECT g, count(*) AS c
             FROM (SELECT ${valueExpr(d)} AS g FROM ${EVENTS_TABLE} WHERE ${where}) GROUP BY 1)
       ORDER BY c DESC, v ASC LIMIT ${k}`,
      b.params,
    );
    const top = rows.reduce((s, r) => s + r.c, 0);
    const allValues = rows[0]?.all_values ?? 0;
    // A list dimension (groups, source IPs) counts a request once per value, so its values
    // add up to more than the requests; count those apart.
    let total = allValues;
    if (d.multi) {
      const [r] = await this.db.query<{ n: number }>(
        `SELECT count(*) AS n FROM ${EVENTS_TABLE} WHERE ${where}`,
        b.params,
      );
      total = r?.n ?? 0;
    }
    return {
      dimension: opts.dimension,
      rows: rows.map((r) => ({ value: r.v, count: r.c })),
      other: allValues - top,
      total,
    };
  }

  async getEvent(auditID: string): Promise<EventDetail | null> {
    const rows = await this.db.query<{
      raw_seg: number;
      raw_off: number;
      raw_len: number;
      stage: string;
      ts: number;
      stage_ts: number | null;
      api_version: string;
      shape: string;
    }>(
      `SELECT "raw_seg", "raw_off", "raw_len", "stage", "ts", "stage_ts", "api_version", "shape"
       FROM ${EVENTS_TABLE} WHERE "audit_id" = $1 ORDER BY ${STAGE_ORDER}`,
      [auditID],
    );
    if (!rows.length) return null;
    const texts = await Promise.all(
      rows.map((r) =>
        this.segments.read({ segment: r.raw_seg, offset: r.raw_off, length: r.raw_len }),
      ),
    );
    const stages: AuditEvent[] = rows.map((r, i) => ({
      auditID,
      stage: r.stage as Stage | '',
      time: microsToIso(r.ts),
      ...(r.stage_ts !== null ? { stageTime: microsToIso(r.stage_ts) } : {}),
      apiVersion: r.api_version,
      shape: r.shape as SourceShape,
      event: JSON.parse(texts[i]!.toString('utf8')) as AuditEvent['event'],
    }));
    return { auditID, stages };
  }

  async health(): Promise<HealthResult> {
    try {
      const [r] = await this.db.query<{ n: number; lo: number | null; hi: number | null }>(
        `SELECT count(*) AS n, min("ts") AS lo, max("ts") AS hi FROM ${EVENTS_TABLE}`,
      );
      const n = r?.n ?? 0;
      return {
        ok: true,
        store: this.kind,
        message: `${n} events stored`,
        details: {
          file: this.db.file,
          events: n,
          oldest: r?.lo != null ? microsToIso(r.lo) : null,
          newest: r?.hi != null ? microsToIso(r.hi) : null,
        },
      };
    } catch (e) {
      return { ok: false, store: this.kind, message: (e as Error).message };
    }
  }

  /** Stores events, ignoring any (auditID, stage) already stored. Durable when it resolves. */
  insert(events: readonly AuditEvent[]): Promise<InsertResult> {
    return this.insertPrepared(prepareEvents(events));
  }

  insertPrepared(batch: PreparedBatch): Promise<InsertResult> {
    return insertPrepared(this.db, this.segments, batch, this.tmpDir);
  }
}
