// The dashboards the e2e tests run against, each on a free port with its own data
// directory. Playwright evaluates the config in every worker, so the choice is made once
// and passed down through the environment.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const INGEST_TOKEN = 'e2e-ingest-token-0123456789';

export interface E2eServer {
  name: 'demo' | 'ingest' | 'hostile' | 'upload' | 'stores';
  port: number;
  url: string;
  dataDir: string;
  env: Record<string, string>;
}

function freePort(): number {
  const script =
    'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})';
  return Number(execFileSync(process.execPath, ['-e', script]).toString().trim());
}

function remembered(key: string, make: () => string): string {
  process.env[key] ??= make();
  return process.env[key]!;
}

export function e2eServers(): E2eServer[] {
  const root = remembered('AUDITLENS_E2E_ROOT', () =>
    fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-e2e-')),
  );
  const make = (name: E2eServer['name'], env: Record<string, string>): E2eServer => {
    const port = Number(
      remembered(`AUDITLENS_E2E_PORT_${name.toUpperCase()}`, () => String(freePort())),
    );
    const dataDir = path.join(root, name);
    return {
      name,
      port,
      url: `http://127.0.0.1:${port}`,
      dataDir,
      env: { AUDITLENS_DATA_DIR: dataDir, ...env },
    };
  };
  return [
    make('demo', { AUDITLENS_SAMPLE_DATA: 'auto' }),
    make('ingest', { AUDITLENS_SAMPLE_DATA: 'off', AUDITLENS_INGEST_TOKEN: INGEST_TOKEN }),
    // Its own store, for tests that load hostile or unusual events and must not disturb
    // the exact counts the other servers' tests assert.
    make('hostile', { AUDITLENS_SAMPLE_DATA: 'off', AUDITLENS_INGEST_TOKEN: INGEST_TOKEN }),
    make('upload', { AUDITLENS_SAMPLE_DATA: 'off', AUDITLENS_INGEST_TOKEN: INGEST_TOKEN }),
    // One embedded source and the real Loki, Elasticsearch and OpenSearch the test command
    // started, all holding the same events, plus sources whose server is down.
    make('stores', {
      AUDITLENS_SAMPLE_DATA: 'off',
      AUDITLENS_INGEST_TOKEN: INGEST_TOKEN,
      AUDITLENS_CONFIG: storesConfigFile(root),
    }),
  ];
}

/** The real stores the e2e tests can reach (their URLs come from the test command). */
/** Stream and index names of this run, so a store reused across runs never mixes them. */
const RUN = remembered('AUDITLENS_E2E_RUN', () => Date.now().toString(36));
export const E2E_STORES = {
  loki: { env: 'LOKI_URL', selectorJob: `auditlens-e2e-${RUN}` },
  elasticsearch: {
    env: 'ELASTICSEARCH_URL',
    index: `auditlens-e2e-fluentd-${RUN}`,
    preset: 'fluentd',
  },
  opensearch: {
    env: 'OPENSEARCH_URL',
    index: `auditlens-e2e-agent-${RUN}`,
    preset: 'elastic-agent',
  },
} as const;

/** A loopback port nothing listens on: a source there is "down". */
export function downUrl(): string {
  return `http://127.0.0.1:${remembered('AUDITLENS_E2E_PORT_DOWN', () => String(freePort()))}`;
}

function storesConfigFile(root: string): string {
  const file = path.join(root, 'stores.yaml');
  const sources: unknown[] = [{ name: 'local', type: 'embedded' }];
  const loki = process.env[E2E_STORES.loki.env];
  if (loki) {
    sources.push({
      name: 'loki',
      type: 'loki',
      url: loki,
      selector: `{job="${E2E_STORES.loki.selectorJob}"}`,
    });
  }
  for (const name of ['elasticsearch', 'opensearch'] as const) {
    const url = process.env[E2E_STORES[name].env];
    if (url) {
      const { index, preset } = E2E_STORES[name];
      sources.push({ name, type: 'elasticsearch', url, index, preset });
    }
  }
  sources.push(
    { name: 'loki-down', type: 'loki', url: downUrl(), timeoutMs: 2000 },
    {
      name: 'elasticsearch-down',
      type: 'elasticsearch',
      url: downUrl(),
      index: 'x',
      timeoutMs: 2000,
    },
  );
  // JSON is YAML; the file is rewritten by every Playwright worker with the same content.
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ defaultSource: 'local', sources }, null, 2));
  return file;
}

export function serverUrl(name: E2eServer['name']): string {
  const s = e2eServers().find((x) => x.name === name);
  if (!s) throw new Error(`no e2e server ${name}`);
  return s.url;
}

/** ../shared, where the real audit logs live; tests that need it skip, naming it, when it is missing. */
export const SHARED_DIR = path.resolve(
  process.env.AUDITLENS_SHARED ?? path.join(__dirname, '..', '..', 'shared'),
);
