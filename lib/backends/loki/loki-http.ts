// HTTP to Loki with ky: base URL, tenant (X-Scope-OrgID), basic or bearer auth, a timeout,
// and every failure turned into a StoreError naming the source.

import ky, { HTTPError, type KyInstance } from 'ky';
import type { StoreAuth } from '@/lib/config/schema';
import { StoreError } from '../errors';
import {
  errorFromAnswer,
  errorFromFailure,
  unreadableAnswer,
  type LokiErrorContext,
} from './loki-errors';

export interface LokiConnection {
  /** Source name (or a label such as "ingest") for messages. */
  source: string;
  url: string;
  tenant?: string;
  auth?: StoreAuth;
  timeoutMs: number;
}

function authHeader(c: LokiConnection): Record<string, string> {
  const auth = c.auth;
  if (!auth) return {};
  switch (auth.type) {
    case 'basic':
      return {
        authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
      };
    case 'bearer':
      return { authorization: `Bearer ${auth.token}` };
    case 'apiKey':
      throw new StoreError(
        'misconfigured',
        c.source,
        `source "${c.source}": Loki takes basic or bearer auth, not an API key (auth.type "apiKey")`,
      );
  }
}

export class LokiHttp {
  readonly ctx: LokiErrorContext;
  private readonly ky: KyInstance;

  constructor(readonly connection: LokiConnection) {
    this.ctx = { source: connection.source, url: connection.url, timeoutMs: connection.timeoutMs };
    this.ky = ky.create({
      prefixUrl: connection.url.replace(/\/+$/, ''),
      timeout: connection.timeoutMs,
      retry: 0,
      headers: {
        ...(connection.tenant ? { 'x-scope-orgid': connection.tenant } : {}),
        ...authHeader(connection),
      },
    });
  }

  /** Sends a request and returns the answer's text; any failure is a StoreError. */
  async send(
    method: 'get' | 'post',
    path: string,
    opts: { form?: Record<string, string>; json?: unknown; searchParams?: Record<string, string> },
  ): Promise<string> {
    try {
      const res = await this.ky(path, {
        method,
        ...(opts.form ? { body: new URLSearchParams(opts.form) } : {}),
        ...(opts.json !== undefined ? { json: opts.json } : {}),
        ...(opts.searchParams ? { searchParams: opts.searchParams } : {}),
      });
      return await res.text();
    } catch (e) {
      if (e instanceof HTTPError) {
        let body = '';
        try {
          body = await e.response.text();
        } catch {
          // The body is gone; the status alone still says something.
        }
        throw errorFromAnswer(this.ctx, e.response.status, body);
      }
      throw errorFromFailure(this.ctx, e);
    }
  }

  /** Sends a request and parses its JSON answer. */
  async sendJson(
    method: 'get' | 'post',
    path: string,
    opts: { form?: Record<string, string>; searchParams?: Record<string, string> },
  ): Promise<unknown> {
    const text = await this.send(method, path, opts);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw unreadableAnswer(this.ctx, `not JSON: ${text.slice(0, 200)}`);
    }
  }
}
