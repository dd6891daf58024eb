// Sends events to a running dashboard's webhook endpoint, as an EventList per batch, so a
// file can be imported while the dashboard holds the embedded database open.

import ky from 'ky';
import type { EventSink, InsertResult } from '@/lib/ingest/sink';

const BATCH = 400;

export function httpSink(server: string, token: string): EventSink {
  const url = new URL('/api/ingest', server).toString();
  return {
    async insert(events): Promise<InsertResult> {
      let inserted = 0;
      let duplicates = 0;
      for (let i = 0; i < events.length; i += BATCH) {
        const items = events.slice(i, i + BATCH).map((e) => e.event);
        const body = { kind: 'EventList', apiVersion: 'audit.k8s.io/v1', metadata: {}, items };
        const r = await ky
          .post(url, {
            json: body,
            headers: { Authorization: `Bearer ${token}` },
            retry: { limit: 5, methods: ['post'], statusCodes: [429, 502, 503, 504] },
            timeout: 60_000,
          })
          .json<{ inserted: number; duplicates: number }>();
        inserted += r.inserted;
        duplicates += r.duplicates;
      }
      return { inserted, duplicates };
    },
  };
}
