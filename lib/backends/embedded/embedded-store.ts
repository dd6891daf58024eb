// Opens the embedded store for a process: the backend (reads), a sink (writes) and the
// dead-letter writer, sharing one DuckDB database. Cached per file: DuckDB allows one
// process per database file, and connections are costly to open.

import path from 'node:path';
import { DeadLetterWriter } from '@/lib/ingest/dead-letters';
import type { EventSink } from '@/lib/ingest/sink';
import { Database } from './database';
import { EmbeddedBackend } from './embedded-backend';
import { RawSegments } from './raw-segments';

export interface EmbeddedStore {
  backend: EmbeddedBackend;
  sink: EventSink;
  deadLetters: DeadLetterWriter;
  dataDir: string;
}

const cache = globalThis as { __auditlensStores?: Map<string, Promise<EmbeddedStore>> };

export function defaultDatabaseFile(dataDir: string): string {
  return path.join(dataDir, 'auditlens.duckdb');
}

/** Event texts of a database file live in a folder beside it: `auditlens.duckdb` → `auditlens-raw/`. */
export function rawSegmentsDir(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), `${path.basename(databaseFile, '.duckdb')}-raw`);
}

export function openEmbeddedStore(
  dataDir: string,
  file = defaultDatabaseFile(dataDir),
): Promise<EmbeddedStore> {
  cache.__auditlensStores ??= new Map();
  // The database path comes from configuration at run time, not from the bundle.
  const key = path.resolve(/*turbopackIgnore: true*/ file);
  let store = cache.__auditlensStores.get(key);
  if (!store) {
    store = (async () => {
      const db = await Database.open(key);
      const segments = new RawSegments(rawSegmentsDir(key));
      const backend = new EmbeddedBackend(db, segments, path.join(dataDir, 'tmp'));
      return {
        backend,
        sink: {
          insert: (events) => backend.insert(events),
          insertPrepared: (batch) => backend.insertPrepared(batch),
        },
        deadLetters: new DeadLetterWriter(path.join(dataDir, 'dead-letters')),
        dataDir,
      };
    })();
    store.catch(() => cache.__auditlensStores?.delete(key));
    cache.__auditlensStores.set(key, store);
  }
  return store;
}

/** Closes a store opened by openEmbeddedStore (tests and CLI runs). */
export async function closeEmbeddedStore(store: EmbeddedStore): Promise<void> {
  for (const [k, v] of cache.__auditlensStores ?? []) {
    if ((await v) === store) cache.__auditlensStores?.delete(k);
  }
  store.backend.db.close();
}
