import { apiError, errorResponse } from '@/lib/api/errors';
import { readBodyLimited } from '@/lib/api/read-body';
import { getEmbeddedStore } from '@/lib/backends/registry';
import { getConfig } from '@/lib/config';
import { bearerMatches, receiveWebhookBody } from '@/lib/ingest/webhook';

export const dynamic = 'force-dynamic';

/**
 * POST /api/ingest: the kube-apiserver audit webhook. Takes an EventList (or one Event),
 * answers 200 once the events are durably stored, 503 when they could not be (retry).
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const config = getConfig();
    if (!config.ingestToken) {
      return apiError(
        403,
        'ingest_disabled',
        'webhook ingest is off: set AUDITLENS_INGEST_TOKEN to enable it',
      );
    }
    if (!bearerMatches(request.headers.get('authorization'), config.ingestToken)) {
      return apiError(401, 'unauthorized', 'missing or wrong bearer token', undefined);
    }
    const body = await readBodyLimited(request, config.maxIngestBodyBytes);
    if (!body.ok) {
      return apiError(
        413,
        'too_large',
        `the request body is over the ${config.maxIngestBodyBytes}-byte limit (AUDITLENS_MAX_INGEST_BODY_BYTES)`,
      );
    }
    const store = await getEmbeddedStore();
    const outcome = await receiveWebhookBody(body.bytes, {
      sink: store.sink,
      deadLetters: store.deadLetters,
      maxEventBytes: config.maxEventBytes,
    });
    return Response.json(outcome.body, {
      status: outcome.status,
      headers: {
        'Cache-Control': 'no-store',
        ...(outcome.status === 503 ? { 'Retry-After': '5' } : {}),
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
