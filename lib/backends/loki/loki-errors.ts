// Loki failures as StoreErrors that carry Loki's own message and name the source: down
// (unreachable), slow (timeout), a refused query (store_error) or one of Loki's limits
// (limit, with the setting to raise), so the panel says what went wrong.

import { StoreError } from '../errors';

export interface LokiErrorContext {
  /** Source name. */
  source: string;
  url: string;
  timeoutMs: number;
}

const MAX_MESSAGE = 600;

function clip(s: string): string {
  const t = s.trim();
  return t.length > MAX_MESSAGE ? `${t.slice(0, MAX_MESSAGE)}…` : t;
}

/** Loki's messages for its limits, and the setting behind each. */
const LIMITS: ReadonlyArray<{ pattern: RegExp; setting: string }> = [
  { pattern: /max entries limit/i, setting: 'max_entries_limit_per_query' },
  { pattern: /maximum (number )?of series|max number of series/i, setting: 'max_query_series' },
  { pattern: /query time range exceeds/i, setting: 'max_query_length' },
  { pattern: /maximum resolution of 11,000 points/i, setting: 'the 11,000 points of a series' },
  { pattern: /would read too many bytes/i, setting: 'max_query_bytes_read' },
  { pattern: /too many outstanding requests/i, setting: 'max_outstanding_per_tenant' },
];

/** Loki answers errors as plain text, or as JSON with an `error` or `message` field. */
export function lokiMessage(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      const o = parsed as Record<string, unknown>;
      for (const k of ['error', 'message']) if (typeof o[k] === 'string') return clip(o[k]);
    }
  } catch {
    // Not JSON: Loki's usual plain-text error.
  }
  return clip(body) || '(empty answer)';
}

/** A limit StoreError, when `message` is one of Loki's limit messages. */
export function limitError(
  ctx: LokiErrorContext,
  message: string,
  status?: number,
): StoreError | null {
  const hit = LIMITS.find((l) => l.pattern.test(message));
  if (!hit) return null;
  return new StoreError(
    'limit',
    ctx.source,
    `source "${ctx.source}": the query hit a limit of Loki at ${ctx.url} (${hit.setting}): ${clip(message)}. Narrow the time range or the filters, or raise ${hit.setting} in Loki's limits_config`,
    status,
  );
}

/** A non-2xx answer as a StoreError. */
export function errorFromAnswer(ctx: LokiErrorContext, status: number, body: string): StoreError {
  const message = lokiMessage(body);
  const limit = limitError(ctx, message, status);
  if (limit) return limit;
  const where = `Loki at ${ctx.url}`;
  if (status === 401 || status === 403) {
    return new StoreError(
      'store_error',
      ctx.source,
      `source "${ctx.source}": ${where} refused the credentials (HTTP ${status}): ${message}; check the source's auth and tenant`,
      status,
    );
  }
  return new StoreError(
    'store_error',
    ctx.source,
    `source "${ctx.source}": ${where} answered HTTP ${status}: ${message}`,
    status,
  );
}

function causeText(e: unknown): string {
  const parts: string[] = [];
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 4; depth++) {
    if (cur instanceof Error) {
      const code = (cur as { code?: unknown }).code;
      parts.push(typeof code === 'string' ? `${code} ${cur.message}` : cur.message);
      cur = (cur as { cause?: unknown }).cause;
    } else {
      parts.push(String(cur));
      break;
    }
  }
  return clip(parts.filter((p) => p && p !== 'fetch failed').join(': ')) || 'connection failed';
}

/** No answer at all: a timeout, or a connection that failed. */
export function errorFromFailure(ctx: LokiErrorContext, e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  if (e instanceof Error && e.name === 'TimeoutError') {
    return new StoreError(
      'timeout',
      ctx.source,
      `source "${ctx.source}": Loki at ${ctx.url} did not answer within ${ctx.timeoutMs} ms`,
    );
  }
  return new StoreError(
    'unreachable',
    ctx.source,
    `source "${ctx.source}": cannot reach Loki at ${ctx.url}: ${causeText(e)}`,
  );
}

/** An answer that is not what Loki's API documents. */
export function unreadableAnswer(ctx: LokiErrorContext, what: string): StoreError {
  return new StoreError(
    'store_error',
    ctx.source,
    `source "${ctx.source}": Loki at ${ctx.url} gave an answer Auditlens cannot read: ${clip(what)}`,
  );
}
