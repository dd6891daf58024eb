import { apiError, errorResponse } from '@/lib/api/errors';
import { getBackend } from '@/lib/backends/registry';
import { QueryParamError } from '@/lib/query/errors';

export const dynamic = 'force-dynamic';

/** GET /api/events/<auditID>: every stored stage of one request, with bodies. */
export async function GET(
  request: Request,
  ctx: { params: Promise<{ auditID: string }> },
): Promise<Response> {
  try {
    const { auditID } = await ctx.params;
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
    const detail = await backend.getEvent(auditID);
    if (!detail)
      return apiError(404, 'not_found', `no event with auditID "${auditID}" in this source`);
    return Response.json(detail, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
