// EKS: CloudWatch Logs messages holding raw Events, from `aws logs filter-log-events` /
// `get-log-events` ({"events": [...]}) or a subscription filter ({"logEvents": [...]}). A
// CONTROL_MESSAGE is only the destination's health check: no events, and a warning.

import { describeValue, isRecord, type JsonRecord } from '../json-value';
import type { NormalizeSettings } from '../normalize-options';
import { readEvent } from '../read-event';
import { rejectedInput } from '../results';
import type { AuditEvent, NormalizeResult } from '../types';
import { Batch, envelopeTime, eventFromText, millisToIso } from './wrapped';

const SUBSCRIPTION_MESSAGE_TYPES = ['DATA_MESSAGE', 'CONTROL_MESSAGE'];
// Keys only the CLI's output has, to know an empty `events` list for one.
const CLI_PAGING_KEYS = [
  'nextForwardToken',
  'nextBackwardToken',
  'nextToken',
  'searchedLogStreams',
];

function isCliOutput(doc: JsonRecord): boolean {
  const events = doc.events;
  if (!Array.isArray(events)) return false;
  const [first] = events;
  if (first === undefined) return CLI_PAGING_KEYS.some((k) => k in doc);
  return isRecord(first) && 'message' in first;
}

export function isCloudWatchDocument(doc: JsonRecord): boolean {
  return typeof doc.messageType === 'string' || isCliOutput(doc);
}

function readLogEvent(logEvent: unknown, settings: NormalizeSettings): AuditEvent | string {
  if (!isRecord(logEvent)) {
    return `expected a CloudWatch Logs event object, got ${describeValue(logEvent)}`;
  }
  const message = logEvent.message;
  if (typeof message !== 'string') {
    return `field message: expected the Event as JSON text, got ${describeValue(message)}`;
  }
  const event = eventFromText(message, 'message', settings);
  if (typeof event === 'string') return event;
  return readEvent(event, {
    shape: 'eks-cloudwatch',
    listApiVersion: '',
    shipperTime: envelopeTime(logEvent, ['timestamp'], millisToIso),
    fallbackTime: settings.fallbackTime,
  });
}

export function normalizeCloudWatch(doc: JsonRecord, settings: NormalizeSettings): NormalizeResult {
  const { messageType } = doc;
  const field = messageType === undefined ? 'events' : 'logEvents';
  if (messageType !== undefined && !SUBSCRIPTION_MESSAGE_TYPES.includes(String(messageType))) {
    return rejectedInput(
      `field messageType: expected DATA_MESSAGE or CONTROL_MESSAGE, got ${describeValue(messageType)}`,
    );
  }
  const batch = new Batch();
  if (messageType === 'CONTROL_MESSAGE') {
    batch.warnings.push(
      'CloudWatch Logs CONTROL_MESSAGE: a subscription health check, which holds no audit events',
    );
    return batch.result('eks-cloudwatch');
  }
  const logEvents = doc[field];
  if (!Array.isArray(logEvents)) {
    return rejectedInput(`field ${field}: expected an array, got ${describeValue(logEvents)}`);
  }
  logEvents.forEach((logEvent: unknown, index) =>
    batch.add(index, readLogEvent(logEvent, settings)),
  );
  return batch.result('eks-cloudwatch');
}
