// A newcomer's first run shows a live dashboard: with nothing configured, an empty
// embedded store is filled once with generated traffic of the last 24 hours.

import { normalize } from '@/lib/audit/normalize';
import type { AuditEvent } from '@/lib/audit/types';
import { generateSampleEvents } from '@/lib/sample/generate';
import type { EmbeddedStore } from './embedded-store';

const MARKER = 'sample_data_loaded_at';

export interface SampleLoad {
  loaded: boolean;
  events: number;
}

export async function loadSampleDataOnce(
  store: EmbeddedStore,
  opts: { requests?: number; now?: number } = {},
): Promise<SampleLoad> {
  const db = store.backend.db;
  const [marker] = await db.query<{ value: string }>(`SELECT value FROM meta WHERE key = $1`, [
    MARKER,
  ]);
  if (marker) return { loaded: false, events: 0 };
  const [count] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM events`);
  let events = 0;
  if ((count?.n ?? 0) === 0) {
    let batch: AuditEvent[] = [];
    for (const raw of generateSampleEvents({
      seed: 1,
      end: opts.now ?? Date.now(),
      requests: opts.requests ?? 20_000,
    })) {
      const r = normalize(raw);
      if (r.ok) batch.push(...r.events);
      if (batch.length >= 20_000) {
        events += (await store.sink.insert(batch)).inserted;
        batch = [];
      }
    }
    events += (await store.sink.insert(batch)).inserted;
  }
  await db.write((conn) =>
    conn.run(`INSERT OR REPLACE INTO meta VALUES ($1, $2)`, [MARKER, new Date().toISOString()]),
  );
  return { loaded: events > 0, events };
}
