import { handleQuery } from '@/lib/api/query-route';

export const dynamic = 'force-dynamic';

/** GET /api/events: one page of events, newest first, with the total and the next cursor. */
export function GET(request: Request): Promise<Response> {
  return handleQuery(request, [], ({ query, backend }) => backend.search(query));
}
