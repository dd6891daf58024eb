// normalize(): any supported source shape to AuditEvents, or the reason it was set aside.
//
// Shape detection, in order, for a parsed JSON value:
//   array                                    → a batch of Events ('event-list')
//   kind "EventList", or items + audit apiVersion without kind → 'event-list'
//   kind present and not "Event"             → rejected
//   kubernetes.audit (nested or dotted keys) → 'elastic-agent'
//   kind "Event" or an Event field (auditID, verb, stage, requestURI) at the root:
//       with a shipper field and openshift, log_type "audit" or a moved level → 'openshift-viaq'
//       with a known shipper field (@timestamp, time, tag, kubernetes, hostname, …) → 'fluentd'
//       otherwise (including no kind or apiVersion, as many real files have)       → 'event'
//   log or message holding a string          → 'fluentd-log-string'
//   records, or a category with properties   → 'aks'
//   protoPayload, or entries holding one     → 'gke'
//   messageType, or events with a message    → 'eks-cloudwatch'
//   resourceLogs                             → 'otlp'
//   Items, AuditID, … (Go field names)       → 'go-struct'
//   anything else                            → rejected
// The wrappers come last, so a plain Event line (the hot path) pays for none of their checks.

import { oversizeReason, textBytesOverLimit } from './byte-size';
import { parseJsonText } from './json-text';
import { describeValue, isRecord, type JsonRecord } from './json-value';
import { hasEventMarker, EVENT_MARKERS } from './event-fields';
import {
  resolveSettings,
  type NormalizeOptions,
  type NormalizeSettings,
} from './normalize-options';
import { readEvent } from './read-event';
import { rejectedInput, singleEvent } from './results';
import { isAksDocument, normalizeAks } from './shapes/aks';
import { isCloudWatchDocument, normalizeCloudWatch } from './shapes/cloudwatch';
import { hasElasticAudit, normalizeElasticAgent } from './shapes/elastic-agent';
import { isUnkindedEventList, normalizeEventArray, normalizeEventList } from './shapes/event-list';
import { isGkeDocument, normalizeGke } from './shapes/gke';
import { isGoCasedDocument, normalizeGoStruct } from './shapes/go-struct';
import { isOtlpDocument, normalizeOtlp } from './shapes/otlp';
import { hasShipperField, logString, normalizeFluentd, normalizeLogString } from './shapes/shipper';
import { isViaqDocument, normalizeViaq } from './shapes/viaq';
import type { NormalizeResult, SourceShape } from './types';

export type { NormalizeOptions } from './normalize-options';

const SHOWN_KEYS = 5;

function unrecognisedKeys(doc: JsonRecord): string {
  const keys = Object.keys(doc);
  const shown = keys.slice(0, SHOWN_KEYS).map((k) => JSON.stringify(k));
  return keys.length === 0
    ? 'an empty object'
    : `keys ${shown.join(', ')}${keys.length > SHOWN_KEYS ? ', …' : ''}`;
}

function unrecognisedReason(doc: JsonRecord): string {
  const found = unrecognisedKeys(doc);
  return (
    `not an audit event: found ${found}; expected an Event (with ${EVENT_MARKERS.join(', ')}), ` +
    'an EventList (kind and items), a shipper document (the Event JSON under log or message), ' +
    'kubernetes.audit, AKS diagnostic records (records, or category and properties), ' +
    'a GKE LogEntry (protoPayload), CloudWatch Logs events (events or logEvents) ' +
    'or OTLP logs (resourceLogs)'
  );
}

function plainEvent(doc: JsonRecord, settings: NormalizeSettings): NormalizeResult {
  return singleEvent(
    'event',
    readEvent(doc, {
      shape: 'event',
      listApiVersion: '',
      shipperTime: undefined,
      fallbackTime: settings.fallbackTime,
    }),
  );
}

/** The shape a user named (`ingest --shape`): no detection, and a clear reason when it does not fit. */
function normalizeAs(
  shape: SourceShape,
  doc: JsonRecord,
  settings: NormalizeSettings,
  itemsWithinLimit: boolean,
): NormalizeResult {
  const misfit = (expected: string) =>
    rejectedInput(`--shape ${shape}: expected ${expected}; found ${unrecognisedKeys(doc)}`);
  switch (shape) {
    case 'event':
      return hasEventMarker(doc) || doc.kind === 'Event'
        ? plainEvent(doc, settings)
        : misfit(`an Event (with ${EVENT_MARKERS.join(', ')})`);
    case 'event-list':
      return Array.isArray(doc.items)
        ? normalizeEventList(doc, settings, itemsWithinLimit)
        : misfit('an EventList (items)');
    case 'fluentd':
      return hasEventMarker(doc)
        ? normalizeFluentd(doc, settings)
        : misfit('Event fields at the root');
    case 'openshift-viaq':
      return hasEventMarker(doc)
        ? normalizeViaq(doc, settings)
        : misfit('Event fields at the root');
    case 'fluentd-log-string': {
      const log = logString(doc);
      return log !== undefined
        ? normalizeLogString(doc, log, settings)
        : misfit('the Event JSON as a string under log or message');
    }
    case 'elastic-agent':
      return hasElasticAudit(doc)
        ? normalizeElasticAgent(doc, settings)
        : misfit('kubernetes.audit');
    case 'aks':
      return isAksDocument(doc)
        ? normalizeAks(doc, settings, itemsWithinLimit)
        : misfit('records, or category and properties');
    case 'gke':
      return isGkeDocument(doc)
        ? normalizeGke(doc, settings, itemsWithinLimit)
        : misfit('protoPayload or entries');
    case 'eks-cloudwatch':
      return isCloudWatchDocument(doc)
        ? normalizeCloudWatch(doc, settings)
        : misfit('events or logEvents with a message');
    case 'otlp':
      return isOtlpDocument(doc) ? normalizeOtlp(doc, settings) : misfit('resourceLogs');
    case 'go-struct':
      return isGoCasedDocument(doc)
        ? normalizeGoStruct(doc, settings, itemsWithinLimit)
        : misfit('Go field names (Items, AuditID, …)');
  }
}

function normalizeDocument(
  doc: JsonRecord,
  settings: NormalizeSettings,
  itemsWithinLimit: boolean,
): NormalizeResult {
  if (settings.shape) return normalizeAs(settings.shape, doc, settings, itemsWithinLimit);
  const kind = doc.kind;
  if (kind === 'EventList' || (kind === undefined && isUnkindedEventList(doc))) {
    return normalizeEventList(doc, settings, itemsWithinLimit);
  }
  if (kind !== undefined && kind !== 'Event') {
    return rejectedInput(`field kind: expected "Event" or "EventList", got ${describeValue(kind)}`);
  }
  if (kind === undefined && hasElasticAudit(doc)) return normalizeElasticAgent(doc, settings);
  if (kind === 'Event' || hasEventMarker(doc)) {
    if (hasShipperField(doc)) {
      return isViaqDocument(doc) ? normalizeViaq(doc, settings) : normalizeFluentd(doc, settings);
    }
    return plainEvent(doc, settings);
  }
  const log = logString(doc);
  if (log !== undefined) return normalizeLogString(doc, log, settings);
  if (isAksDocument(doc)) return normalizeAks(doc, settings, itemsWithinLimit);
  if (isGkeDocument(doc)) return normalizeGke(doc, settings, itemsWithinLimit);
  if (isCloudWatchDocument(doc)) return normalizeCloudWatch(doc, settings);
  if (isOtlpDocument(doc)) return normalizeOtlp(doc, settings);
  if (isGoCasedDocument(doc)) return normalizeGoStruct(doc, settings, itemsWithinLimit);
  return rejectedInput(unrecognisedReason(doc));
}

function normalizeValue(
  input: unknown,
  settings: NormalizeSettings,
  itemsWithinLimit: boolean,
): NormalizeResult {
  if (isRecord(input)) return normalizeDocument(input, settings, itemsWithinLimit);
  if (Array.isArray(input)) return normalizeEventArray(input, settings, itemsWithinLimit);
  return rejectedInput(
    `expected a JSON object (an audit Event, EventList or shipper document), got ${describeValue(input)}`,
  );
}

/**
 * Normalizes one parsed JSON value: a line of a log file, a document, a webhook body.
 * Items of a batch over `maxEventBytes` are set aside one by one; a single document's
 * size is checked by normalizeText(), which sees its text.
 */
export function normalize(input: unknown, opts?: NormalizeOptions): NormalizeResult {
  return normalizeValue(input, resolveSettings(opts), false);
}

/**
 * Parses and normalizes one JSON text. Text over `maxEventBytes` is rejected before it is
 * parsed, so a webhook body larger than the limit must be parsed by the caller and given
 * to normalize(), which checks its items one by one.
 */
export function normalizeText(text: string, opts?: NormalizeOptions): NormalizeResult {
  const settings = resolveSettings(opts);
  const oversize = textBytesOverLimit(text, settings.maxEventBytes);
  if (oversize !== undefined)
    return rejectedInput(oversizeReason(oversize, settings.maxEventBytes));
  const parsed = parseJsonText(text);
  if (!parsed.ok) return rejectedInput(parsed.reason);
  return normalizeValue(parsed.value, settings, true);
}
