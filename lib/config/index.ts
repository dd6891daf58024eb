import 'server-only';
import { loadConfig } from './load';
import type { AuditlensConfig } from './schema';

export type {
  AuditlensConfig,
  SourceConfig,
  LokiSourceConfig,
  ElasticsearchSourceConfig,
  StoreAuth,
} from './schema';
export { ConfigError } from './load';

const holder = globalThis as { __auditlensConfig?: AuditlensConfig };

/** The process's configuration, loaded and validated on first use. */
export function getConfig(): AuditlensConfig {
  holder.__auditlensConfig ??= loadConfig();
  return holder.__auditlensConfig;
}
