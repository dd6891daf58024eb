// OpenShift logging's ViaQ documents: Event fields at the root beside ViaQ's, `level`
// overwritten ("default") and the audit level moved to k8s_audit_level/openshift_audit_level.
// When it cannot be recovered the level is left out and a warning says so, never guessed.

import { isRecord, setOwn, type JsonRecord } from '../json-value';
import type { NormalizeSettings } from '../normalize-options';
import { readEvent } from '../read-event';
import { rejectedInput } from '../results';
import { LEVELS, type NormalizeResult } from '../types';
import { shipperTime } from './shipper';

const MOVED_LEVEL_FIELDS = ['k8s_audit_level', 'openshift_audit_level'] as const;

// The ViaQ data model's fields (and the collectors' own), none of them an Event field.
const VIAQ_FIELDS: ReadonlySet<string> = new Set([
  '@timestamp',
  '@version',
  'time',
  'tag',
  'stream',
  'hostname',
  'host',
  'file',
  'source_type',
  'log_type',
  'log_source',
  'openshift',
  'kubernetes',
  'message',
  'k8s_audit_level',
  'openshift_audit_level',
  'viaq_msg_id',
  'viaq_index_name',
  'pipeline_metadata',
]);

const AUDIT_LEVELS: readonly string[] = LEVELS;

/** Called only for documents that already hold Event fields and a shipper field. */
export function isViaqDocument(doc: JsonRecord): boolean {
  return (
    isRecord(doc.openshift) ||
    doc.log_type === 'audit' ||
    MOVED_LEVEL_FIELDS.some((f) => doc[f] !== undefined)
  );
}

function auditLevel(doc: JsonRecord): string | undefined {
  for (const field of MOVED_LEVEL_FIELDS) {
    const value = doc[field];
    if (typeof value === 'string') return value;
  }
  return typeof doc.level === 'string' && AUDIT_LEVELS.includes(doc.level) ? doc.level : undefined;
}

/** ViaQ copies @timestamp into `timestamp`, which only a v1beta1 Event has of its own. */
function isViaqField(key: string, doc: JsonRecord): boolean {
  if (key === 'timestamp') return doc.apiVersion !== 'audit.k8s.io/v1beta1';
  return key === 'level' || VIAQ_FIELDS.has(key);
}

export function normalizeViaq(doc: JsonRecord, settings: NormalizeSettings): NormalizeResult {
  const event: JsonRecord = {};
  const level = auditLevel(doc);
  if (level !== undefined) event.level = level;
  for (const key of Object.keys(doc)) {
    if (!isViaqField(key, doc)) setOwn(event, key, doc[key]);
  }
  const read = readEvent(event, {
    shape: 'openshift-viaq',
    listApiVersion: '',
    shipperTime: shipperTime(doc),
    fallbackTime: settings.fallbackTime,
  });
  if (typeof read === 'string') return rejectedInput(read);
  const shape = 'openshift-viaq';
  if (level !== undefined) return { ok: true, shape, events: [read], rejected: [] };
  const found = doc.level === undefined ? 'no level' : `level ${JSON.stringify(doc.level)}`;
  const warning = `event ${read.auditID}: audit level unknown: the shipper left ${found} and no k8s_audit_level or openshift_audit_level`;
  return { ok: true, shape, events: [read], rejected: [], warnings: [warning] };
}
