// Data for the landing page: one view of the last 24 hours, read straight from the backend.

import 'server-only';
import { getBackend } from '@/lib/backends/registry';
import type {
  BreakdownResult,
  HealthResult,
  SearchResult,
  TimelineResult,
} from '@/lib/backends/types';
import { chooseBucketSeconds } from '@/lib/query/buckets';
import { defaultQuery } from '@/lib/query/codec';
import { nowMicros, resolveQuery } from '@/lib/query/time';

export const OVERVIEW_DIMENSIONS = [
  'user',
  'verb',
  'resource',
  'namespace',
  'code',
  'sourceIP',
] as const;

export type Overview =
  | {
      ok: true;
      health: HealthResult;
      timeline: TimelineResult;
      breakdowns: BreakdownResult[];
      latest: SearchResult;
    }
  | { ok: false; message: string };

export async function loadOverview(): Promise<Overview> {
  try {
    const query = resolveQuery({ ...defaultQuery(), limit: 25 }, nowMicros());
    const backend = await getBackend(query.source);
    const [health, timeline, latest, ...breakdowns] = await Promise.all([
      backend.health(),
      backend.timeline(query, {
        split: 'verb',
        splitLimit: 6,
        bucketSeconds: chooseBucketSeconds(query.range, 48),
      }),
      backend.search(query),
      ...OVERVIEW_DIMENSIONS.map((dimension) => backend.breakdown(query, { dimension, limit: 8 })),
    ]);
    return { ok: true, health, timeline, latest, breakdowns };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}
