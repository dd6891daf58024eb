// An EventSink that loads normalized events into Elasticsearch or OpenSearch in a preset's
// document shape: it installs the preset's index template when absent, then bulk-creates
// documents whose _id is a function of (auditID, stage), so loading a file twice stores
// each event once (the server's 409 conflicts count as duplicates).

import type { AuditEvent } from '@/lib/audit/types';
import type { StoreAuth } from '@/lib/config/schema';
import { isRecord } from '@/lib/audit/json-value';
import { StoreError } from '@/lib/backends/errors';
import {
  documentFor,
  documentId,
  type WritablePreset,
} from '@/lib/backends/elasticsearch/documents';
import { indexTemplate } from '@/lib/backends/elasticsearch/index-template';
import { fieldMapFor } from '@/lib/backends/elasticsearch/presets';
import { SearchHttp } from '@/lib/backends/elasticsearch/search-http';
import { errorDetail, errorFromAnswer } from '@/lib/backends/elasticsearch/store-errors';
import type { EventSink, InsertResult } from '../sink';

export interface ElasticsearchWriterOptions {
  /** Base URL of Elasticsearch or OpenSearch. */
  url: string;
  /** Index to write (a name, not a pattern); the template is installed for exactly this name. */
  index: string;
  preset: WritablePreset;
  auth?: StoreAuth;
  timeoutMs?: number;
  caFile?: string;
  /** Documents per _bulk request (default 2,000) and its byte budget (default 16 MiB). */
  batchSize?: number;
  maxBatchBytes?: number;
  /** Shards of a new index (1 keeps top-N counts exact) and replicas (server default). */
  shards?: number;
  replicas?: number;
  /** Called for each event the server refused for good. */
  onFailure?: (failure: BulkFailure) => void;
}

export interface BulkFailure {
  auditID: string;
  stage: string;
  status: number;
  reason: string;
}

export interface ElasticsearchInsertResult extends InsertResult {
  failed: BulkFailure[];
}

export interface PrepareResult {
  /** The index template was created by this writer (false: one by that name existed). */
  templateInstalled: boolean;
  /** The index existed already (then the template did not shape it). */
  indexExisted: boolean;
}

const INDEX_NAME = /^[a-z0-9][a-z0-9._+-]*$/;
const RETRIES = 5;

interface Item {
  event: AuditEvent;
  line: string;
}

export class ElasticsearchWriter implements EventSink {
  private readonly http: SearchHttp;
  private ready: Promise<PrepareResult> | null = null;
  readonly failures: BulkFailure[] = [];

  constructor(private readonly opts: ElasticsearchWriterOptions) {
    if (!INDEX_NAME.test(opts.index) || opts.index.length > 255) {
      throw new Error(
        `index "${opts.index}": expected a lowercase index name (letters, digits, ".", "_", "+", "-"), not a pattern`,
      );
    }
    this.http = new SearchHttp({
      source: `ingest to ${opts.index}`,
      url: opts.url.replace(/\/+$/, ''),
      indexPattern: opts.index,
      auth: opts.auth,
      timeoutMs: opts.timeoutMs ?? 120_000,
      caFile: opts.caFile,
    });
  }

  private get templateName(): string {
    return `auditlens-${this.opts.index}`;
  }

  /** Installs the preset's index template unless one by that name exists. Runs once. */
  prepare(): Promise<PrepareResult> {
    this.ready ??= (async () => {
      const existing = await this.http.send('GET', `_index_template/${this.templateName}`);
      let templateInstalled = false;
      if (existing.status === 404) {
        const fields = fieldMapFor({
          name: 'ingest',
          type: 'elasticsearch',
          url: this.opts.url,
          index: this.opts.index,
          preset: this.opts.preset,
          timeoutMs: 30_000,
        });
        await this.http.ok('PUT', `_index_template/${this.templateName}`, {
          json: indexTemplate(fields, {
            indexPattern: this.opts.index,
            shards: this.opts.shards,
            replicas: this.opts.replicas,
          }),
        });
        templateInstalled = true;
      } else if (existing.status !== 200) {
        throw errorFromAnswer(this.http.context, existing.status, existing.body, existing.raw);
      }
      const index = await this.http.send('HEAD', encodeURIComponent(this.opts.index));
      return { templateInstalled, indexExisted: index.status === 200 };
    })();
    this.ready.catch(() => (this.ready = null));
    return this.ready;
  }

  async insert(events: readonly AuditEvent[]): Promise<ElasticsearchInsertResult> {
    await this.prepare();
    const result: ElasticsearchInsertResult = { inserted: 0, duplicates: 0, failed: [] };
    const size = this.opts.batchSize ?? 2000;
    const budget = this.opts.maxBatchBytes ?? 16 * 1024 * 1024;
    let batch: Item[] = [];
    let bytes = 0;
    for (const event of events) {
      const doc = JSON.stringify(documentFor(event, this.opts.preset));
      const line = `${JSON.stringify({ create: { _id: documentId(event) } })}\n${doc}\n`;
      if (batch.length && (batch.length >= size || bytes + line.length > budget)) {
        await this.bulk(batch, result);
        batch = [];
        bytes = 0;
      }
      batch.push({ event, line });
      bytes += line.length;
    }
    if (batch.length) await this.bulk(batch, result);
    return result;
  }

  /** Makes everything loaded visible to searches. */
  async finish(): Promise<void> {
    await this.http.ok('POST', `${encodeURIComponent(this.opts.index)}/_refresh`);
  }

  private async bulk(items: Item[], result: ElasticsearchInsertResult): Promise<void> {
    let pending = items;
    for (let attempt = 0; pending.length; attempt++) {
      const answer = await this.http.send('POST', `${encodeURIComponent(this.opts.index)}/_bulk`, {
        ndjson: pending.map((i) => i.line).join(''),
      });
      const busy = answer.status === 429 || answer.status === 503;
      if (busy && attempt < RETRIES) {
        await sleep(500 * 2 ** attempt);
        continue;
      }
      if (answer.status < 200 || answer.status >= 300) {
        throw errorFromAnswer(this.http.context, answer.status, answer.body, answer.raw);
      }
      const outcomes =
        isRecord(answer.body) && Array.isArray(answer.body.items) ? answer.body.items : [];
      if (outcomes.length !== pending.length) {
        throw new StoreError(
          'store_error',
          `ingest to ${this.opts.index}`,
          `_bulk answered ${outcomes.length} items for ${pending.length} documents`,
        );
      }
      const retry: Item[] = [];
      pending.forEach((item, i) => {
        const o: unknown = outcomes[i];
        const op = isRecord(o) && isRecord(o.create) ? o.create : {};
        const status = typeof op.status === 'number' ? op.status : 0;
        if (status === 201 || status === 200) result.inserted += 1;
        else if (status === 409) result.duplicates += 1;
        else if (status === 429 && attempt < RETRIES) retry.push(item);
        else {
          const detail = errorDetail(op);
          const failure: BulkFailure = {
            auditID: item.event.auditID,
            stage: item.event.stage,
            status,
            reason: detail ? `${detail.type}: ${detail.reason}` : `status ${status}`,
          };
          result.failed.push(failure);
          this.failures.push(failure);
          this.opts.onFailure?.(failure);
        }
      });
      pending = retry;
      if (pending.length) await sleep(500 * 2 ** attempt);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
