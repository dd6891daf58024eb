import { dimensionExtra, intExtra, singleExtra } from '@/lib/api/extra-params';
import { handleQuery } from '@/lib/api/query-route';
import { chooseBucketSeconds, parseInterval } from '@/lib/query/buckets';

export const dynamic = 'force-dynamic';

/** GET /api/timeline: counts per time bucket, optionally split by a dimension. */
export function GET(request: Request): Promise<Response> {
  return handleQuery(request, ['split', 'interval', 'top'], async ({ query, extras, backend }) => {
    const split = dimensionExtra(extras, 'split', false);
    const interval = singleExtra(extras, 'interval');
    let bucketSeconds = chooseBucketSeconds(query.range);
    if (interval !== undefined) {
      const parsed = parseInterval(interval, query.range);
      if (!parsed.ok) throw parsed.error;
      bucketSeconds = parsed.value;
    }
    const splitLimit = intExtra(extras, 'top', 1, 50, 8);
    return backend.timeline(query, { split, splitLimit, bucketSeconds });
  });
}
