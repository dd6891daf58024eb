// Documents written by log shippers (Fluentd, Fluent Bit, Vector, OpenShift's ViaQ model):
// either the Event's fields at the root next to the shipper's own fields ('fluentd'), or
// the Event JSON as a string under `log` or `message` ('fluentd-log-string').

import { isRecord, setOwn, type JsonRecord } from '../json-value';
import { parseJsonText } from '../json-text';
import type { NormalizeSettings } from '../normalize-options';
import { readEvent, type ShipperTime } from '../read-event';
import { rejectedInput, singleEvent } from '../results';
import type { NormalizeResult } from '../types';

/**
 * Fields shippers add around an Event. None is an Event field, so finding one at the root
 * is what tells a shipper document from a raw Event; they are stripped from `event`.
 */
const SHIPPER_FIELDS: ReadonlySet<string> = new Set([
  '@timestamp',
  '@version',
  'time',
  'tag',
  'stream',
  'logtag',
  'log',
  'message',
  'kubernetes',
  'docker',
  'hostname',
  'host',
  'file',
  'source_type',
  'log_type',
  'log_source',
  'openshift',
  'k8s_audit_level',
  'openshift_audit_level',
  'viaq_msg_id',
  'viaq_index_name',
  'pipeline_metadata',
]);

// ViaQ overwrites `level` with its own ("default") and keeps the audit level here.
const MOVED_LEVEL_FIELDS = ['k8s_audit_level', 'openshift_audit_level'] as const;

const SHIPPER_TIME_FIELDS = ['@timestamp', 'time'] as const;

export function hasShipperField(doc: JsonRecord): boolean {
  for (const key in doc) if (SHIPPER_FIELDS.has(key)) return true;
  return false;
}

/** The shipper's own time, the last resort before the fallback time. */
export function shipperTime(doc: JsonRecord): ShipperTime | undefined {
  for (const field of SHIPPER_TIME_FIELDS) {
    if (doc[field] !== undefined) return { field, value: doc[field] };
  }
  return undefined;
}

/** A copy of the document without the shipper's fields, with a moved audit level put back. */
function withoutShipperFields(doc: JsonRecord): JsonRecord {
  const event: JsonRecord = {};
  for (const key of Object.keys(doc)) {
    if (!SHIPPER_FIELDS.has(key)) setOwn(event, key, doc[key]);
  }
  for (const field of MOVED_LEVEL_FIELDS) {
    if (typeof doc[field] === 'string') {
      event.level = doc[field];
      break;
    }
  }
  return event;
}

export function normalizeFluentd(doc: JsonRecord, settings: NormalizeSettings): NormalizeResult {
  return singleEvent(
    'fluentd',
    readEvent(withoutShipperFields(doc), {
      shape: 'fluentd',
      listApiVersion: '',
      shipperTime: shipperTime(doc),
      fallbackTime: settings.fallbackTime,
    }),
  );
}

export interface LogString {
  field: 'log' | 'message';
  text: string;
}

/** The field holding the Event JSON as a string, if the document has one. */
export function logString(doc: JsonRecord): LogString | undefined {
  if (typeof doc.log === 'string') return { field: 'log', text: doc.log };
  if (typeof doc.message === 'string') return { field: 'message', text: doc.message };
  return undefined;
}

export function normalizeLogString(
  doc: JsonRecord,
  { field, text }: LogString,
  settings: NormalizeSettings,
): NormalizeResult {
  const parsed = parseJsonText(text, 'empty string');
  if (!parsed.ok) return rejectedInput(`field ${field}: ${parsed.reason}`);
  if (!isRecord(parsed.value)) {
    return rejectedInput(`field ${field}: expected the JSON of an audit Event object`);
  }
  return singleEvent(
    'fluentd-log-string',
    readEvent(parsed.value, {
      shape: 'fluentd-log-string',
      listApiVersion: '',
      shipperTime: shipperTime(doc),
      fallbackTime: settings.fallbackTime,
    }),
  );
}
