// Picks the backend for a named source from the server's configuration. Store URLs and
// credentials come from configuration only, never from a request.

import 'server-only';
import { getConfig } from '@/lib/config';
import { isUnconfigured } from '@/lib/config/load';
import { openEmbeddedStore, type EmbeddedStore } from './embedded/embedded-store';
import { createElasticsearchBackend } from './elasticsearch/elasticsearch-backend';
import { createLokiBackend } from './loki/loki-backend';
import { loadSampleDataOnce } from './embedded/first-run';
import type { AuditBackend } from './types';

export class UnknownSourceError extends Error {
  readonly param = 'source';
  constructor(name: string, known: string[]) {
    super(`parameter "source": no source named "${name}"; configured sources: ${known.join(', ')}`);
  }
}

const state = globalThis as {
  __auditlensFirstRun?: Map<string, Promise<unknown>>;
  __auditlensRemoteBackends?: Map<string, AuditBackend>;
};

/** One backend object per remote source (it holds the HTTP client and what it detected). */
function remoteBackend(name: string, make: () => AuditBackend): AuditBackend {
  state.__auditlensRemoteBackends ??= new Map();
  let b = state.__auditlensRemoteBackends.get(name);
  if (!b) {
    b = make();
    state.__auditlensRemoteBackends.set(name, b);
  }
  return b;
}

async function embeddedStoreFor(path: string | undefined): Promise<EmbeddedStore> {
  const config = getConfig();
  const store = await openEmbeddedStore(config.dataDir, path);
  if (config.sampleData === 'auto' && isUnconfigured()) {
    state.__auditlensFirstRun ??= new Map();
    const key = store.backend.db.file;
    let run = state.__auditlensFirstRun.get(key);
    if (!run) {
      run = loadSampleDataOnce(store);
      state.__auditlensFirstRun.set(key, run);
    }
    await run;
  }
  return store;
}

/**
 * The embedded store that ingest writes to: the named embedded source, else the default
 * source when it is embedded, else the first embedded source.
 */
export async function getEmbeddedStore(name?: string): Promise<EmbeddedStore> {
  const config = getConfig();
  const embedded = config.sources.flatMap((s) => (s.type === 'embedded' ? [s] : []));
  const wanted = name ?? config.defaultSource;
  const source =
    embedded.find((s) => s.name === wanted) ?? (name === undefined ? embedded[0] : undefined);
  if (!source) {
    throw new UnknownSourceError(
      wanted,
      config.sources.filter((s) => s.type === 'embedded').map((s) => s.name),
    );
  }
  return embeddedStoreFor(source.path);
}

export async function getBackend(name: string): Promise<AuditBackend> {
  const config = getConfig();
  const wanted = name === 'default' ? config.defaultSource : name;
  const source = config.sources.find((s) => s.name === wanted);
  if (!source)
    throw new UnknownSourceError(
      name,
      config.sources.map((s) => s.name),
    );
  switch (source.type) {
    case 'embedded':
      return (await embeddedStoreFor(source.path)).backend;
    case 'loki':
      return remoteBackend(source.name, () => createLokiBackend(source));
    case 'elasticsearch':
      return remoteBackend(source.name, () => createElasticsearchBackend(source));
  }
}
