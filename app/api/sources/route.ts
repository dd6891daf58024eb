import { errorResponse } from '@/lib/api/errors';
import { getConfig } from '@/lib/config';
import { listSources } from '@/lib/config/sources';
import { QueryParamError } from '@/lib/query/errors';

export const dynamic = 'force-dynamic';

/** GET /api/sources: the configured sources a view can query (names and kinds; never URLs or credentials). */
export async function GET(request: Request): Promise<Response> {
  try {
    for (const key of new URL(request.url).searchParams.keys()) {
      throw new QueryParamError(key, `unknown parameter "${key}": this route takes no parameters`);
    }
    return Response.json(listSources(getConfig()), { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
