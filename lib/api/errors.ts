// Every API error is `{ error: { code, message, param? } }` with a status that fits it.

import { DatabaseLockedError } from '@/lib/backends/embedded/database';
import { CursorError } from '@/lib/backends/cursor';
import { StoreError } from '@/lib/backends/errors';
import { UnknownSourceError } from '@/lib/backends/registry';
import { ConfigError } from '@/lib/config';
import { QueryParamError } from '@/lib/query/errors';

export interface ApiErrorBody {
  error: { code: string; message: string; param?: string };
}

export function apiError(status: number, code: string, message: string, param?: string): Response {
  const body: ApiErrorBody = { error: { code, message, ...(param ? { param } : {}) } };
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Maps a thrown error to a response; unexpected errors are logged and answered 500. */
export function errorResponse(e: unknown): Response {
  if (e instanceof QueryParamError) return apiError(400, 'invalid_parameter', e.message, e.param);
  if (e instanceof CursorError || e instanceof UnknownSourceError) {
    return apiError(400, 'invalid_parameter', e.message, e.param);
  }
  if (e instanceof StoreError) return apiError(e.httpStatus, e.kind, e.message);
  if (e instanceof ConfigError) return apiError(500, 'configuration', e.message);
  if (e instanceof DatabaseLockedError) return apiError(503, 'store_unavailable', e.message);
  console.error(e);
  return apiError(500, 'internal', `internal error: ${(e as Error)?.message ?? String(e)}`);
}
