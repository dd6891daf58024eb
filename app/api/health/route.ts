import { errorResponse } from '@/lib/api/errors';
import { getBackend } from '@/lib/backends/registry';
import { QueryParamError } from '@/lib/query/errors';

export const dynamic = 'force-dynamic';

/** GET /api/health: whether the source's store answers, with what it holds. 503 when it does not. */
export async function GET(request: Request): Promise<Response> {
  try {
    const params = new URL(request.url).searchParams;
    for (const key of params.keys()) {
      if (key !== 'source') {
        throw new QueryParamError(
          key,
          `unknown parameter "${key}": this route accepts only source`,
        );
      }
    }
    const backend = await getBackend(params.get('source') ?? 'default');
    const health = await backend.health();
    return Response.json(health, {
      status: health.ok ? 200 : 503,
      headers: { 'Cache-Control': 'no-store' },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
