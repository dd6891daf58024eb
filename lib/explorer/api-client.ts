// Fetching the JSON API from the browser. Every failure, from the API's
// `{error:{code,message,param}}` to a dropped connection, comes back as an ApiError to show.

import { DEFAULT_LIMIT, formatQuery } from '@/lib/query/codec';
import type { AuditQuery } from '@/lib/query/types';

export interface ApiError {
  code: string;
  message: string;
  param?: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** The query the aggregate panels share: no page position, so their URLs stay the same across pages. */
export function aggregateQuery(q: AuditQuery): AuditQuery {
  return { ...q, cursor: null, limit: DEFAULT_LIMIT, sort: 'time-desc' };
}

export function apiUrl(
  path: string,
  q: AuditQuery,
  extras: Record<string, string | string[]> = {},
): string {
  const search = formatQuery(q, extras);
  return search === '' ? path : `${path}?${search}`;
}

export function eventUrl(auditID: string, source: string): string {
  const path = `/api/events/${encodeURIComponent(auditID)}`;
  return source === 'default' ? path : `${path}?source=${encodeURIComponent(source)}`;
}

export async function fetchApi<T>(url: string, signal?: AbortSignal): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (signal?.aborted) return { ok: false, error: { code: 'aborted', message: 'cancelled' } };
    return {
      ok: false,
      error: { code: 'network', message: `the dashboard did not answer: ${errorText(e)}` },
    };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return {
      ok: false,
      error: { code: 'bad_response', message: `HTTP ${response.status}: the answer was not JSON` },
    };
  }
  // The routes' result types (lib/backends/types) are the contract; the caller names which one.
  if (response.ok) return { ok: true, data: body as T };
  return { ok: false, error: readError(body, response.status) };
}

function readError(body: unknown, status: number): ApiError {
  const e = (body as { error?: Partial<ApiError> } | null)?.error;
  if (e && typeof e.message === 'string') {
    return {
      code: typeof e.code === 'string' ? e.code : String(status),
      message: e.message,
      ...(typeof e.param === 'string' ? { param: e.param } : {}),
    };
  }
  return { code: String(status), message: `HTTP ${status}` };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
