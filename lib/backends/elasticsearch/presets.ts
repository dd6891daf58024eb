// Where each mapping preset keeps the Event's fields in an Elasticsearch/OpenSearch document:
// Fluentd/Fluent Bit (the Event at the root), Elastic Agent/Filebeat (kubernetes.audit.*),
// the Event JSON as a string under `log`, or a custom map from the source's configuration.

import { DIMENSIONS, isDimensionKey, type DimensionKey } from '@/lib/audit/dimensions';
import type { SourceShape } from '@/lib/audit/types';
import type { ElasticsearchSourceConfig } from '@/lib/config/schema';
import { StoreError } from '../errors';

export type PresetName = ElasticsearchSourceConfig['preset'];

/** Keys a custom field map may set besides the dimension keys. */
export const EXTRA_FIELD_KEYS = ['time', 'requestURI'] as const;

export interface FieldMap {
  preset: PresetName;
  /** Date (ideally date_nanos) field holding the event time: ranges, sorting, buckets. */
  time: string;
  requestURI: string;
  /** Field of each dimension; absent for the log-string preset, which has no Event fields. */
  dims: Record<DimensionKey, string> | null;
  /** The field holding the Event JSON as a string (log-string preset only). */
  logField: string | null;
  /** Large parts of the Event left out of event-list hits (bodies). */
  listExcludes: string[];
  /** How normalize() should read a stored document; undefined lets it detect the shape. */
  shape: SourceShape | undefined;
}

/** The decision annotation as Elastic Agent stores it: dots of the key's prefix become `_`. */
export const ELASTIC_AGENT_DECISION = 'authorization_k8s_io/decision';
const ELASTIC_AGENT_PREFIX = 'kubernetes.audit.';

/** Dimension fields of an Event whose fields start at `prefix` (dots in keys kept as paths). */
function eventFields(prefix: string, decisionKey: string): Record<DimensionKey, string> {
  const out = {} as Record<DimensionKey, string>;
  for (const d of DIMENSIONS) {
    const path =
      d.key === 'decision' ? ['annotations', decisionKey] : (d.path as readonly string[]);
    out[d.key] = prefix + path.join('.');
  }
  return out;
}

function baseMap(preset: PresetName): FieldMap {
  switch (preset) {
    case 'fluentd':
    case 'custom':
      return {
        preset,
        time: '@timestamp',
        requestURI: 'requestURI',
        dims: eventFields('', 'authorization.k8s.io/decision'),
        logField: null,
        listExcludes: ['requestObject', 'responseObject'],
        shape: preset === 'fluentd' ? 'fluentd' : undefined,
      };
    case 'elastic-agent':
      return {
        preset,
        time: '@timestamp',
        requestURI: `${ELASTIC_AGENT_PREFIX}requestURI`,
        dims: eventFields(ELASTIC_AGENT_PREFIX, ELASTIC_AGENT_DECISION),
        logField: null,
        listExcludes: [
          `${ELASTIC_AGENT_PREFIX}requestObject`,
          `${ELASTIC_AGENT_PREFIX}responseObject`,
        ],
        shape: 'elastic-agent',
      };
    case 'fluentd-log-string':
      return {
        preset,
        time: '@timestamp',
        requestURI: 'log',
        dims: null,
        logField: 'log',
        listExcludes: [],
        shape: 'fluentd-log-string',
      };
  }
}

/**
 * The field map of a source: its preset's, with `fields` and `timeField` from the
 * configuration on top. An unknown key in `fields` is a configuration error naming it.
 */
export function fieldMapFor(source: ElasticsearchSourceConfig): FieldMap {
  const map = baseMap(source.preset);
  const dims = map.dims ? { ...map.dims } : null;
  for (const [key, field] of Object.entries(source.fields ?? {})) {
    if (key === 'time') map.time = field;
    else if (key === 'requestURI') map.requestURI = field;
    else if (isDimensionKey(key) && dims) dims[key] = field;
    else {
      const known = [...EXTRA_FIELD_KEYS, ...(dims ? DIMENSIONS.map((d) => d.key) : [])];
      throw new StoreError(
        'misconfigured',
        source.name,
        `source "${source.name}": fields.${key} is not a field Auditlens reads` +
          `${dims ? '' : ` with preset ${source.preset}`}; expected one of ${known.join(', ')}`,
      );
    }
  }
  if (source.timeField) map.time = source.timeField;
  return { ...map, dims };
}
