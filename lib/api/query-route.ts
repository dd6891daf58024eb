// The shared front half of every query route: parse the URL with the codec, resolve the
// time range once (so all panels of one view agree), pick the backend, map errors.

import 'server-only';
import { getBackend } from '@/lib/backends/registry';
import type { AuditBackend } from '@/lib/backends/types';
import { parseQuery } from '@/lib/query/codec';
import { nowMicros, resolveQuery } from '@/lib/query/time';
import type { ResolvedQuery } from '@/lib/query/types';
import { errorResponse } from './errors';

export interface QueryContext {
  query: ResolvedQuery;
  extras: Record<string, string[]>;
  backend: AuditBackend;
}

export async function handleQuery(
  request: Request,
  extraParams: readonly string[],
  run: (ctx: QueryContext) => Promise<unknown>,
): Promise<Response> {
  try {
    const parsed = parseQuery(new URL(request.url).searchParams, { extraParams });
    if (!parsed.ok) throw parsed.error;
    const query = resolveQuery(parsed.query, nowMicros());
    const backend = await getBackend(query.source);
    const body = await run({ query, extras: parsed.extras, backend });
    return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
