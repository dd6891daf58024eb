// The Elasticsearch / OpenSearch adapter: one bool-filter query per view, aggregations for
// counts (date_histogram, terms), search_after paging with a (time, auditID, stage) sort,
// and the searches of one dashboard refresh sent together as one _msearch.
// No 'server-only' import: the bench runs this module under plain Node; the app reaches it
// only through registry.ts, which is server-only.

import { getDimension } from '@/lib/audit/dimensions';
import { isRecord } from '@/lib/audit/json-value';
import type { AuditEvent } from '@/lib/audit/types';
import type { ElasticsearchSourceConfig } from '@/lib/config/schema';
import { microsToIso } from '@/lib/query/time';
import type { ResolvedQuery } from '@/lib/query/types';
import { decodeCursor, encodeCursor } from '../cursor';
import { StoreError } from '../errors';
import { fillTimeline } from '../timeline-fill';
import {
  OTHER_KEY,
  type AuditBackend,
  type BreakdownOptions,
  type BreakdownResult,
  type EventDetail,
  type HealthResult,
  type SearchResult,
  type TimelineOptions,
  type TimelineResult,
} from '../types';
import { eventOf, hitsOf, listedHit, stagesOf } from './hits';
import { LOG_STRING_SUPPORTS, logStringCandidates, logStringUnsupported } from './log-string';
import { readMapping, type ResolvedMapping } from './mapping';
import { fieldMapFor, type FieldMap } from './presets';
import { buildQuery, dimField, term, type Dsl, type QueryFields } from './query-dsl';
import { SearchBatcher } from './search-batcher';
import { SearchHttp } from './search-http';
import { detectServer, PRODUCT_LABEL, totalHits, type ServerInfo } from './server-info';
import { histogram, readHistogram, readSplit, splitAggs } from './timeline-aggs';
import { readValueCounts, topRows, valueCountAggs } from './value-counts';

export interface ElasticsearchBackendOptions {
  /** How long a search waits for the other panels' searches to share its _msearch (ms). */
  batchWindowMs?: number;
  /** How long a read mapping is trusted before it is read again (new daily indices). */
  mappingTtlMs?: number;
  /** Sees every search body before it is sent (the bench replays them as direct requests). */
  observe?: (body: Dsl) => void;
}

interface Prepared {
  server: ServerInfo;
  mapping: ResolvedMapping;
}

/** Most stored stages one getEvent reads (4 stages, loaded into a few indices at most). */
const MAX_STAGE_DOCS = 100;

export class ElasticsearchBackend implements AuditBackend {
  private readonly http: SearchHttp;
  private readonly batcher: SearchBatcher;
  private readonly fields: FieldMap | StoreError;
  private server: ServerInfo | null = null;
  private prepared: { at: number; value: Promise<Prepared> } | null = null;
  private lastGood = false;
  private refreshing = false;
  private readonly mappingTtlMs: number;
  private readonly observe: ((body: Dsl) => void) | undefined;

  constructor(
    private readonly source: ElasticsearchSourceConfig,
    opts: ElasticsearchBackendOptions = {},
  ) {
    this.http = new SearchHttp({
      source: source.name,
      url: source.url.replace(/\/+$/, ''),
      indexPattern: source.index,
      auth: source.auth,
      timeoutMs: source.timeoutMs,
      caFile: source.caFile,
    });
    this.batcher = new SearchBatcher(this.http, source.index, opts.batchWindowMs ?? 2);
    this.mappingTtlMs = opts.mappingTtlMs ?? 60_000;
    this.observe = opts.observe;
    let fields: FieldMap | StoreError;
    try {
      fields = fieldMapFor(source);
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      fields = e;
    }
    this.fields = fields;
  }

  /** 'elasticsearch' or 'opensearch', once the server has answered. */
  get kind(): string {
    return this.server?.product ?? 'elasticsearch';
  }

  /** HTTP requests sent so far (the bench counts them per dashboard refresh). */
  get requestCount(): number {
    return this.http.requests;
  }

  private fieldMap(): FieldMap {
    if (this.fields instanceof StoreError) throw this.fields;
    return this.fields;
  }

  /**
   * Server and mapping, detected once. After mappingTtlMs the mapping is read again in the
   * background while the last good one keeps serving, so a refresh never waits for it;
   * failures are not kept (the next call tries again).
   */
  private prepare(): Promise<Prepared> {
    const now = Date.now();
    const current = this.prepared;
    if (current && (now - current.at < this.mappingTtlMs || this.refreshing)) return current.value;
    const fields = this.fieldMap();
    const value = (async () => {
      const server = this.server ?? (await detectServer(this.http, this.source.name));
      this.server = server;
      this.http.product = PRODUCT_LABEL[server.product];
      const mapping = await readMapping(this.http, {
        source: this.source.name,
        indexPattern: this.source.index,
        fields,
      });
      return { server, mapping };
    })();
    if (current && this.lastGood) {
      this.refreshing = true;
      value
        .then(() => (this.prepared = { at: Date.now(), value }))
        .catch(() => (this.prepared = null))
        .finally(() => (this.refreshing = false));
      return current.value;
    }
    this.prepared = { at: now, value };
    value.then(
      () => (this.lastGood = true),
      () => {
        if (this.prepared?.value === value) this.prepared = null;
      },
    );
    return value;
  }

  private run(body: Dsl): Promise<unknown> {
    this.observe?.(body);
    return this.batcher.search(body);
  }

  private async queryFields(what: string): Promise<QueryFields & { mapping: ResolvedMapping }> {
    const { mapping } = await this.prepare();
    if (!mapping.dims) throw logStringUnsupported(this.source.name, this.http.product, what);
    return { time: mapping.time, dims: mapping.dims, requestURI: mapping.requestURI, mapping };
  }

  async search(q: ResolvedQuery): Promise<SearchResult> {
    const f = await this.queryFields('event list');
    const order = q.sort === 'time-desc' ? 'desc' : 'asc';
    const body: Dsl = {
      size: q.limit + 1,
      track_total_hits: true,
      query: buildQuery(q, f),
      sort: [
        { [f.time.path]: { order } },
        { [dimField(f, 'auditID').path]: { order, missing: '', unmapped_type: 'keyword' } },
        { [dimField(f, 'stage').path]: { order, missing: '', unmapped_type: 'keyword' } },
      ],
      _source: { excludes: this.fieldMap().listExcludes },
    };
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      body.search_after = [microsToIso(c.ts), c.auditID, c.stage];
    }
    const response = await this.run(body);
    const shape = this.fieldMap().shape;
    const listed = hitsOf(response).map((h) => listedHit(h, shape, f.time.nanos));
    const page = listed.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      events: page.map((l) => l.row),
      total: totalHits(isRecord(response) ? response.hits : null),
      nextCursor: listed.length > q.limit && last ? encodeCursor(last.position) : null,
    };
  }

  async timeline(q: ResolvedQuery, opts: TimelineOptions): Promise<TimelineResult> {
    const f = await this.queryFields('timeline');
    const query = buildQuery(q, f);
    const split = opts.split ? getDimension(opts.split) : null;
    const splitField = opts.split ? dimField(f, opts.split) : null;
    const first = await this.run({
      size: 0,
      track_total_hits: false,
      query,
      aggs: {
        timeline: histogram(f.time.path, opts.bucketSeconds),
        ...(splitField ? valueCountAggs('split', splitField, opts.splitLimit + 1) : {}),
      },
    });
    const aggs = aggregationsOf(first);
    const totals = readHistogram(aggs.timeline);
    let splitCounts: ReturnType<typeof readSplit> = [];
    if (split && splitField) {
      // The top values are known only now, so counting them per bucket takes a second search.
      const top = topRows(readValueCounts(aggs, 'split'), opts.splitLimit).rows.map((r) => r.value);
      if (top.length) {
        const second = await this.run({
          size: 0,
          track_total_hits: false,
          query,
          aggs: {
            timeline: histogram(
              f.time.path,
              opts.bucketSeconds,
              splitAggs(splitField, split.multi, top),
            ),
          },
        });
        splitCounts = readSplit(aggregationsOf(second).timeline, top, OTHER_KEY);
      }
    }
    return fillTimeline({
      range: q.range,
      bucketSeconds: opts.bucketSeconds,
      split: opts.split ?? null,
      totals,
      splitCounts,
    });
  }

  async breakdown(q: ResolvedQuery, opts: BreakdownOptions): Promise<BreakdownResult> {
    const f = await this.queryFields('breakdown');
    const response = await this.run({
      size: 0,
      track_total_hits: true,
      query: buildQuery(q, f),
      aggs: valueCountAggs('breakdown', dimField(f, opts.dimension), opts.limit + 1),
    });
    const { rows, other } = topRows(
      readValueCounts(aggregationsOf(response), 'breakdown'),
      opts.limit,
    );
    return {
      dimension: opts.dimension,
      rows,
      other,
      total: totalHits(isRecord(response) ? response.hits : null),
    };
  }

  async getEvent(auditID: string): Promise<EventDetail | null> {
    const { mapping } = await this.prepare();
    const fields = this.fieldMap();
    const query =
      mapping.dims !== null
        ? { bool: { filter: [term(dimField({ dims: mapping.dims }, 'auditID').path, auditID)] } }
        : logStringCandidates(mapping.logField ?? 'log', auditID);
    const response = await this.run({ size: MAX_STAGE_DOCS, query });
    const events = hitsOf(response)
      .map((h) => eventOf(h, fields.shape))
      .filter((e): e is AuditEvent => e !== null && e.auditID === auditID);
    if (!events.length) return null;
    return { auditID, stages: stagesOf(events) };
  }

  private async multiShardIndices(index: string): Promise<string[]> {
    const body = await this.http.ok('GET', `${index}/_settings/index.number_of_shards`);
    if (!isRecord(body)) return [];
    return Object.entries(body)
      .filter(([, v]) => shardCount(v) > 1)
      .map(([name]) => name)
      .sort();
  }

  async health(): Promise<HealthResult> {
    try {
      const { server, mapping } = await this.prepare();
      const index = encodeURIComponent(this.source.index);
      const stats = await this.http.ok('POST', `${index}/_search`, {
        json: {
          size: 0,
          track_total_hits: true,
          aggs: {
            oldest: { min: { field: mapping.time.path } },
            newest: { max: { field: mapping.time.path } },
          },
        },
      });
      const aggs = aggregationsOf(stats);
      const warnings = [...mapping.warnings];
      const sharded = await this.multiShardIndices(index);
      if (sharded.length) {
        warnings.push(
          `${sharded.join(', ')} ${sharded.length === 1 ? 'has' : 'have'} more than one shard: ` +
            'top values of breakdowns and timeline splits may be approximate (terms aggregations ' +
            'are exact on one shard, as the Auditlens index template creates)',
        );
      }
      const events = totalHits(isRecord(stats) ? stats.hits : null);
      const label = `${PRODUCT_LABEL[server.product]} ${server.version}`;
      return {
        ok: true,
        store: server.product,
        message: `${events} documents in ${mapping.indices.length} ${
          mapping.indices.length === 1 ? 'index' : 'indices'
        } matching ${this.source.index} (${label})`,
        details: {
          product: server.product,
          version: server.version,
          indexPattern: this.source.index,
          preset: this.source.preset,
          indices: mapping.indices,
          events,
          oldest: timeOfAgg(aggs.oldest),
          newest: timeOfAgg(aggs.newest),
          warnings,
          ...(mapping.dims ? {} : { supports: LOG_STRING_SUPPORTS }),
        },
      };
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      return { ok: false, store: this.kind, message: e.message, details: { error: e.kind } };
    }
  }
}

function shardCount(settings: unknown): number {
  const index = isRecord(settings) && isRecord(settings.settings) ? settings.settings.index : null;
  return isRecord(index) ? Number(index.number_of_shards) || 1 : 1;
}

function aggregationsOf(response: unknown): Record<string, unknown> {
  const a = isRecord(response) ? response.aggregations : null;
  return isRecord(a) ? a : {};
}

/** A min/max aggregation of the time field (epoch milliseconds) as ISO, or null when empty. */
function timeOfAgg(agg: unknown): string | null {
  const v = isRecord(agg) ? agg.value : null;
  return typeof v === 'number' ? microsToIso(Math.round(v * 1000)) : null;
}

export function createElasticsearchBackend(
  source: ElasticsearchSourceConfig,
  opts?: ElasticsearchBackendOptions,
): AuditBackend {
  return new ElasticsearchBackend(source, opts);
}
