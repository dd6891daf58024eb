import { dimensionExtra, intExtra } from '@/lib/api/extra-params';
import { handleQuery } from '@/lib/api/query-route';

export const dynamic = 'force-dynamic';

/** GET /api/breakdown?dimension=user: top values of a dimension with counts, plus "other". */
export function GET(request: Request): Promise<Response> {
  return handleQuery(request, ['dimension', 'top'], async ({ query, extras, backend }) => {
    const dimension = dimensionExtra(extras, 'dimension', true)!;
    const limit = intExtra(extras, 'top', 1, 1000, 10);
    return backend.breakdown(query, { dimension, limit });
  });
}
