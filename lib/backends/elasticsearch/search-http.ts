// The HTTP client of one Elasticsearch/OpenSearch source: ky with the source's auth, timeout
// and CA; every failure becomes a StoreError naming the source (store-errors.ts).

import fs from 'node:fs';
import ky, { type KyInstance } from 'ky';
import type { StoreAuth } from '@/lib/config/schema';
import { StoreError } from '../errors';
import { fetchWithCa } from './ca-fetch';
import { errorFromAnswer, errorFromFailure, type ErrorContext } from './store-errors';

export interface SearchHttpOptions {
  source: string;
  url: string;
  indexPattern: string;
  auth?: StoreAuth;
  timeoutMs: number;
  caFile?: string;
}

export interface Answer {
  status: number;
  /** Parsed JSON body (undefined when empty or not JSON). */
  body: unknown;
  /** The body's text, for error messages. */
  raw: string;
  headers: Headers;
}

export type RequestBody = { json: unknown } | { ndjson: string } | undefined;

function authHeader(auth: StoreAuth | undefined): Record<string, string> {
  if (!auth) return {};
  switch (auth.type) {
    case 'basic':
      return {
        authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
      };
    case 'bearer':
      return { authorization: `Bearer ${auth.token}` };
    case 'apiKey':
      return { authorization: `ApiKey ${auth.apiKey}` };
  }
}

export class SearchHttp {
  private readonly client: KyInstance;
  /** Product name for messages; the backend sets it once detected. */
  product = 'Elasticsearch/OpenSearch';
  /** HTTP requests sent (the bench counts them per dashboard refresh). */
  requests = 0;

  constructor(private readonly opts: SearchHttpOptions) {
    let caFetch: typeof fetch | undefined;
    if (opts.caFile) {
      let ca: string;
      try {
        ca = fs.readFileSync(opts.caFile, 'utf8');
      } catch (e) {
        throw new StoreError(
          'misconfigured',
          opts.source,
          `source "${opts.source}": cannot read caFile ${opts.caFile}: ${(e as Error).message}`,
        );
      }
      caFetch = fetchWithCa(ca);
    }
    this.client = ky.create({
      prefixUrl: opts.url,
      timeout: opts.timeoutMs,
      retry: 0,
      throwHttpErrors: false,
      headers: { accept: 'application/json', ...authHeader(opts.auth) },
      ...(caFetch ? { fetch: caFetch } : {}),
    });
  }

  get context(): ErrorContext {
    return {
      source: this.opts.source,
      product: this.product,
      url: this.opts.url,
      indexPattern: this.opts.indexPattern,
    };
  }

  /** Sends one request; answers with any status (callers decide), throws on no answer. */
  async send(method: string, path: string, body?: RequestBody): Promise<Answer> {
    this.requests += 1;
    let res: Response;
    let text: string;
    try {
      res = await this.client(path.replace(/^\//, ''), {
        method,
        ...(body && 'json' in body ? { json: body.json } : {}),
        ...(body && 'ndjson' in body
          ? { body: body.ndjson, headers: { 'content-type': 'application/x-ndjson' } }
          : {}),
      });
      text = await res.text();
    } catch (e) {
      throw errorFromFailure(this.context, e, this.opts.timeoutMs);
    }
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (res.ok && parsed === undefined && text) {
      throw new StoreError(
        'store_error',
        this.opts.source,
        `source "${this.opts.source}": ${this.product} at ${this.opts.url} answered ${path} with a body that is not JSON: ${text.slice(0, 200)}`,
        res.status,
      );
    }
    return { status: res.status, body: parsed, raw: text, headers: res.headers };
  }

  /** Sends one request and throws a StoreError unless it succeeded (2xx). */
  async ok(method: string, path: string, body?: RequestBody): Promise<unknown> {
    const a = await this.send(method, path, body);
    if (a.status >= 200 && a.status < 300) return a.body;
    throw errorFromAnswer(this.context, a.status, a.body, a.raw);
  }
}
