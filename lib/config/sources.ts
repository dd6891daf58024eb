// What the browser may know about the configured sources: their names and kinds, which is
// the default. Store URLs, tenants and credentials stay on the server.

import type { AuditlensConfig, SourceConfig } from './schema';

export interface SourceSummary {
  name: string;
  type: SourceConfig['type'];
  /** For Elasticsearch sources, the mapping preset (how documents lay out the Event). */
  preset?: string;
  isDefault: boolean;
}

export function listSources(config: AuditlensConfig): { sources: SourceSummary[] } {
  return {
    sources: config.sources.map((s) => ({
      name: s.name,
      type: s.type,
      ...(s.type === 'elasticsearch' ? { preset: s.preset } : {}),
      isDefault: s.name === config.defaultSource,
    })),
  };
}
