// Elasticsearch/OpenSearch failures as StoreErrors that carry the server's own reason and
// name the source, so the panel says what went wrong (index missing, bad mapping, server
// down or slow) without anyone reading the server's logs.

import { isRecord } from '@/lib/audit/json-value';
import { StoreError } from '../errors';

export interface ErrorContext {
  /** Source name. */
  source: string;
  /** "Elasticsearch", "OpenSearch", or a neutral label before detection. */
  product: string;
  url: string;
  indexPattern: string;
}

const MAX_REASON = 500;

function clip(s: string): string {
  return s.length > MAX_REASON ? `${s.slice(0, MAX_REASON)}…` : s;
}

/** The `error` object of an ES/OpenSearch error body (also the item of a _msearch or _bulk). */
export function errorDetail(body: unknown): { type: string; reason: string } | null {
  if (!isRecord(body)) return null;
  const err = body.error;
  if (typeof err === 'string') return { type: '', reason: err };
  if (!isRecord(err)) return null;
  const roots = Array.isArray(err.root_cause) ? err.root_cause.filter(isRecord) : [];
  // The root cause says what failed ("No mapping found for [x]"); the outer error often
  // only says "all shards failed".
  const best = roots.find((r) => typeof r.reason === 'string') ?? err;
  const caused = isRecord(err.caused_by) ? err.caused_by : null;
  let reason = typeof best.reason === 'string' ? best.reason : '';
  if (!reason && caused && typeof caused.reason === 'string') reason = caused.reason;
  const type =
    typeof best.type === 'string' ? best.type : typeof err.type === 'string' ? err.type : '';
  return { type, reason: reason || type };
}

const LIMIT_TYPES = new Set([
  'too_many_buckets_exception',
  'too_many_clauses',
  'search_context_exception',
  'circuit_breaking_exception',
]);

/** A non-2xx answer as a StoreError. */
export function errorFromAnswer(
  ctx: ErrorContext,
  status: number,
  body: unknown,
  raw: string,
): StoreError {
  const detail = errorDetail(body);
  const where = `${ctx.product} at ${ctx.url}`;
  if (detail?.type === 'index_not_found_exception') {
    return new StoreError(
      'misconfigured',
      ctx.source,
      `source "${ctx.source}": index pattern "${ctx.indexPattern}" matches no index on ${where} (${clip(detail.reason)})`,
      status,
    );
  }
  const reason = detail
    ? `${detail.type ? `${detail.type}: ` : ''}${clip(detail.reason)}`
    : clip(raw.trim()) || '(empty body)';
  if (status === 401 || status === 403) {
    return new StoreError(
      'store_error',
      ctx.source,
      `source "${ctx.source}": ${where} refused the credentials (HTTP ${status}): ${reason}; check the source's auth`,
      status,
    );
  }
  const kind = status === 429 || (detail && LIMIT_TYPES.has(detail.type)) ? 'limit' : 'store_error';
  return new StoreError(
    kind,
    ctx.source,
    `source "${ctx.source}": ${where} answered HTTP ${status}: ${reason}`,
    status,
  );
}

function causeText(e: unknown): string {
  let cur: unknown = e;
  const parts: string[] = [];
  for (let i = 0; i < 4 && cur instanceof Error; i++) {
    const code = (cur as { code?: unknown }).code;
    parts.push(typeof code === 'string' ? `${cur.message} (${code})` : cur.message);
    cur = cur.cause;
  }
  return parts.filter((p, i) => p && parts.indexOf(p) === i).join(': ');
}

/** A request that got no answer: refused, reset, DNS, TLS, or too slow. */
export function errorFromFailure(ctx: ErrorContext, e: unknown, timeoutMs: number): StoreError {
  if (e instanceof StoreError) return e;
  const where = `${ctx.product} at ${ctx.url}`;
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) {
    return new StoreError(
      'timeout',
      ctx.source,
      `source "${ctx.source}": ${where} did not answer within ${timeoutMs} ms`,
    );
  }
  return new StoreError(
    'unreachable',
    ctx.source,
    `source "${ctx.source}": cannot reach ${where}: ${causeText(e) || String(e)}`,
  );
}
