// Elastic Agent / Filebeat documents: the Event under `kubernetes.audit`, as nested objects
// or as dotted keys (`"kubernetes.audit.verb"`), next to `@timestamp`, `event.*` and other
// ECS fields. The Event is rebuilt from there.

import { isRecord, setOwn, type JsonRecord } from '../json-value';
import type { NormalizeSettings } from '../normalize-options';
import { readEvent } from '../read-event';
import { singleEvent } from '../results';
import type { NormalizeResult } from '../types';

const PREFIX = 'kubernetes.audit';
const DOTTED_PREFIX = `${PREFIX}.`;

// Maps whose keys contain dots themselves: a dotted key's rest is one key of the map.
const MAP_FIELDS = ['annotations', 'user.extra', 'impersonatedUser.extra'];

function nestedAudit(doc: JsonRecord): JsonRecord | undefined {
  const kubernetes = doc.kubernetes;
  if (isRecord(kubernetes) && isRecord(kubernetes.audit)) return kubernetes.audit;
  const flat = doc[PREFIX];
  return isRecord(flat) ? flat : undefined;
}

function hasDottedAuditKey(doc: JsonRecord): boolean {
  for (const key in doc) if (key.startsWith(DOTTED_PREFIX)) return true;
  return false;
}

export function hasElasticAudit(doc: JsonRecord): boolean {
  return nestedAudit(doc) !== undefined || hasDottedAuditKey(doc);
}

function childObject(parent: JsonRecord, key: string): JsonRecord {
  const existing = parent[key];
  if (isRecord(existing)) return existing;
  const child: JsonRecord = {};
  setOwn(parent, key, child);
  return child;
}

function setDotted(target: JsonRecord, path: string, value: unknown): void {
  const mapField = MAP_FIELDS.find((f) => path.startsWith(`${f}.`));
  const segments = mapField
    ? [...mapField.split('.'), path.slice(mapField.length + 1)]
    : path.split('.');
  let parent = target;
  for (const segment of segments.slice(0, -1)) parent = childObject(parent, segment);
  setOwn(parent, segments.at(-1) ?? path, value);
}

/**
 * Filebeat's recommended processor replaces the dots of annotation keys with `_`
 * (`authorization_k8s_io/decision`). A key's prefix is a DNS name, which cannot hold `_`,
 * so the dots can be put back exactly.
 */
function redottedAnnotationKey(key: string): string {
  const slash = key.indexOf('/');
  if (slash <= 0) return key;
  const prefix = key.slice(0, slash);
  if (!prefix.includes('_') || prefix.includes('.')) return key;
  return prefix.replaceAll('_', '.') + key.slice(slash);
}

function withRedottedAnnotations(audit: JsonRecord): JsonRecord {
  const annotations = audit.annotations;
  if (!isRecord(annotations)) return audit;
  const keys = Object.keys(annotations);
  if (keys.every((k) => redottedAnnotationKey(k) === k)) return audit;
  const redotted: JsonRecord = {};
  for (const key of keys) setOwn(redotted, redottedAnnotationKey(key), annotations[key]);
  return { ...audit, annotations: redotted };
}

/** The Event the document carries. The input is never modified. */
export function rebuildElasticAudit(doc: JsonRecord): JsonRecord {
  const nested = nestedAudit(doc);
  let audit = nested ?? {};
  if (hasDottedAuditKey(doc)) {
    audit = nested ? structuredClone(nested) : {};
    for (const key of Object.keys(doc)) {
      if (!key.startsWith(DOTTED_PREFIX)) continue;
      const value = doc[key];
      // Cloned, because a later dotted key may write inside it.
      const owned = typeof value === 'object' && value !== null ? structuredClone(value) : value;
      setDotted(audit, key.slice(DOTTED_PREFIX.length), owned);
    }
  }
  return withRedottedAnnotations(audit);
}

export function normalizeElasticAgent(
  doc: JsonRecord,
  settings: NormalizeSettings,
): NormalizeResult {
  const timestamp = doc['@timestamp'];
  return singleEvent(
    'elastic-agent',
    readEvent(rebuildElasticAudit(doc), {
      shape: 'elastic-agent',
      listApiVersion: '',
      shipperTime: timestamp === undefined ? undefined : { field: '@timestamp', value: timestamp },
      fallbackTime: settings.fallbackTime,
    }),
  );
}
