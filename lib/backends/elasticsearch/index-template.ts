// The index template of each preset: explicit keyword fields for every dimension and a
// date_nanos event time (microseconds must survive), with everything else kept in _source
// only (`dynamic: false`), so request/response bodies never explode the mapping.

import type { FieldMap } from './presets';

/** Longest value indexed: Lucene's term limit is 32,766 bytes, 4 bytes per character at most. */
export const KEYWORD_IGNORE_ABOVE = 8191;

export interface TemplateOptions {
  /** Index name or pattern the template applies to. */
  indexPattern: string;
  /** One shard keeps terms aggregations exact; more shards make top-N counts approximate. */
  shards?: number;
  replicas?: number;
}

type Mapping = { type: string; [k: string]: unknown };
interface ObjectMapping {
  properties: Record<string, Mapping | ObjectMapping>;
}

function isObject(m: Mapping | ObjectMapping): m is ObjectMapping {
  return 'properties' in m;
}

function put(root: ObjectMapping, path: string, leaf: Mapping): void {
  const parts = path.split('.');
  let node = root;
  for (const part of parts.slice(0, -1)) {
    const next = node.properties[part];
    if (next && isObject(next)) node = next;
    else {
      const child: ObjectMapping = { properties: {} };
      node.properties[part] = child;
      node = child;
    }
  }
  node.properties[parts[parts.length - 1]!] = leaf;
}

/** The mappings of a preset: each field it queries, typed, nested as ES expands dotted paths. */
export function templateMappings(fields: FieldMap): Record<string, unknown> {
  const root: ObjectMapping = { properties: {} };
  put(root, fields.time, { type: 'date_nanos' });
  if (fields.logField) {
    // The Event is only text here: searchable by word (getEvent finds its auditID this way).
    put(root, fields.logField, { type: 'text' });
  }
  if (fields.dims) {
    const keyword = { type: 'keyword', ignore_above: KEYWORD_IGNORE_ABOVE };
    for (const path of Object.values(fields.dims)) put(root, path, keyword);
    put(root, fields.requestURI, keyword);
  }
  return { dynamic: false, ...root };
}

/** Body of `PUT _index_template/<name>` (composable templates: ES 7.8+, OpenSearch 1+). */
export function indexTemplate(fields: FieldMap, opts: TemplateOptions): Record<string, unknown> {
  return {
    index_patterns: [opts.indexPattern],
    priority: 200,
    template: {
      settings: {
        number_of_shards: opts.shards ?? 1,
        ...(opts.replicas !== undefined ? { number_of_replicas: opts.replicas } : {}),
      },
      mappings: templateMappings(fields),
    },
    _meta: { managed_by: 'auditlens', preset: fields.preset },
  };
}
