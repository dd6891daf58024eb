import { apiError, errorResponse } from '@/lib/api/errors';
import { readBodyLimited } from '@/lib/api/read-body';
import { getEmbeddedStore } from '@/lib/backends/registry';
import { getConfig } from '@/lib/config';
import { crossSiteRefusal, importUpload } from '@/lib/ingest/upload';

export const dynamic = 'force-dynamic';

/**
 * POST /api/upload?name=<file name>: the body is one file's raw bytes (JSON lines, a JSON
 * document, YAML by name, gzip by magic bytes). Answers the file's ImportReport.
 * Only same-origin requests are taken (uploads are writes); signing in comes with the
 * authentication issue, until then anyone who can reach the dashboard can upload.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const refusal = crossSiteRefusal(request.headers);
    if (refusal) return apiError(403, 'cross_site', refusal);
    const config = getConfig();
    const body = await readBodyLimited(request, config.maxIngestBodyBytes);
    if (!body.ok) {
      return apiError(
        413,
        'too_large',
        `the file is over the ${config.maxIngestBodyBytes}-byte upload limit (AUDITLENS_MAX_INGEST_BODY_BYTES)`,
      );
    }
    const store = await getEmbeddedStore();
    const report = await importUpload(body.bytes, new URL(request.url).searchParams.get('name'), {
      sink: store.sink,
      deadLetters: store.deadLetters,
      maxEventBytes: config.maxEventBytes,
    });
    return Response.json(report, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
