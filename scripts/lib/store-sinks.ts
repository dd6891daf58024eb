// The remote destinations of `npm run ingest -- --to loki|elasticsearch`: the writers that
// push into a Loki or an Elasticsearch/OpenSearch the dashboard then reads. Credentials come
// from the environment, never from the command line (where `ps` would show them).

import type { StoreAuth } from '@/lib/config/schema';
import type { EventSink } from '@/lib/ingest/sink';
import { WRITABLE_PRESETS, type WritablePreset } from '@/lib/backends/elasticsearch/documents';
import { ElasticsearchWriter } from '@/lib/ingest/writers/elasticsearch-writer';
import { LokiWriter, parseLokiLabelArgs } from '@/lib/ingest/writers/loki-writer';

export const STORE_AUTH_ENV = {
  token: 'AUDITLENS_STORE_TOKEN',
  apiKey: 'AUDITLENS_STORE_API_KEY',
  user: 'AUDITLENS_STORE_USER',
  password: 'AUDITLENS_STORE_PASSWORD',
} as const;

type Env = Record<string, string | undefined>;

/** Bearer token, API key or basic auth from the environment; none when nothing is set. */
export function storeAuthFromEnv(env: Env): StoreAuth | undefined {
  const token = env[STORE_AUTH_ENV.token];
  const apiKey = env[STORE_AUTH_ENV.apiKey];
  const user = env[STORE_AUTH_ENV.user];
  const set = [token, apiKey, user].filter(Boolean).length;
  if (set > 1) {
    throw new Error(
      `set only one of ${STORE_AUTH_ENV.token}, ${STORE_AUTH_ENV.apiKey} or ${STORE_AUTH_ENV.user}`,
    );
  }
  if (token) return { type: 'bearer', token };
  if (apiKey) return { type: 'apiKey', apiKey };
  if (user) return { type: 'basic', username: user, password: env[STORE_AUTH_ENV.password] ?? '' };
  return undefined;
}

export interface StoreSinkArgs {
  to: 'loki' | 'elasticsearch';
  url: string | undefined;
  labels: string[];
  tenant: string | undefined;
  index: string | undefined;
  preset: string | undefined;
}

export interface StoreSink {
  sink: EventSink;
  /** Where the events went, for the summary line. */
  description: string;
  /** Called once every file is imported (makes Elasticsearch documents searchable). */
  finish: () => Promise<void>;
}

export function storeSink(args: StoreSinkArgs, env: Env): StoreSink {
  const auth = storeAuthFromEnv(env);
  if (args.to === 'loki') {
    if (!args.url) throw new Error('--to loki needs --url (Loki base URL, e.g. http://loki:3100)');
    const labels = parseLokiLabelArgs(args.labels);
    const writer = new LokiWriter({ url: args.url, labels, tenant: args.tenant, auth });
    const selector = Object.entries(labels)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(', ');
    return {
      sink: writer,
      description: `Loki ${args.url} stream {${selector}}`,
      finish: async () => {},
    };
  }
  if (!args.url) throw new Error('--to elasticsearch needs --url (e.g. http://localhost:9200)');
  if (!args.index) throw new Error('--to elasticsearch needs --index (e.g. k8s-audit-2026.11)');
  const preset = (args.preset ?? 'fluentd') as WritablePreset;
  if (!WRITABLE_PRESETS.includes(preset)) {
    throw new Error(`--preset: "${args.preset}" is not one of ${WRITABLE_PRESETS.join(', ')}`);
  }
  const writer = new ElasticsearchWriter({ url: args.url, index: args.index, preset, auth });
  return {
    sink: writer,
    description: `${args.url} index ${args.index} (${preset} documents)`,
    finish: () => writer.finish(),
  };
}
