// One Event object (already unwrapped from its envelope) to an AuditEvent, or the reason
// it was set aside. The Event object itself becomes `event`, uncopied.

import { contentAuditId } from './audit-id';
import {
  apiVersionProblem,
  eventFieldProblem,
  EVENT_MARKERS,
  hasEventMarker,
} from './event-fields';
import { toAuditTime } from './event-time';
import { describeValue, type JsonRecord } from './json-value';
import { STAGES, type AuditEvent, type K8sAuditEvent, type SourceShape, type Stage } from './types';

/** A time field of the envelope around the Event (a shipper's `@timestamp` or `time`). */
export interface ShipperTime {
  field: string;
  value: unknown;
}

export interface EventContext {
  shape: SourceShape;
  /** apiVersion of the enclosing EventList, for items that declare none; `''` when none. */
  listApiVersion: string;
  shipperTime: ShipperTime | undefined;
  fallbackTime: string | undefined;
}

export const NO_TIME_REASON =
  'event has no time: none of requestReceivedTimestamp, stageTimestamp, timestamp or a shipper time field is set';

/**
 * The one cast of this module: eventFieldProblem() has checked every field K8sAuditEvent
 * declares, so the record is one (unknown extra fields are allowed by the interface's shape).
 */
function asCheckedEvent(record: JsonRecord): K8sAuditEvent {
  return record as K8sAuditEvent;
}

function timeProblem(field: string, value: unknown): string {
  return `field ${field}: cannot read ${describeValue(value)} as a time: expected RFC 3339, such as 2026-11-23T03:50:58.107723Z`;
}

function parseTime(value: unknown): string | undefined {
  return typeof value === 'string' ? toAuditTime(value) : undefined;
}

// The Event's own time fields, in the order `time` prefers them.
const EVENT_TIME_FIELDS = ['requestReceivedTimestamp', 'stageTimestamp', 'timestamp'] as const;

function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/** Checks kind, apiVersion and field types; derives time, auditID, stage and apiVersion. */
export function readEvent(record: JsonRecord, ctx: EventContext): AuditEvent | string {
  const kind = record.kind;
  if (kind !== undefined && kind !== 'Event') {
    return `field kind: expected "Event", got ${describeValue(kind)}`;
  }
  const apiProblem = apiVersionProblem(record.apiVersion);
  if (apiProblem !== undefined) return apiProblem;
  if (!hasEventMarker(record)) {
    return `not an audit event: none of ${EVENT_MARKERS.join(', ')} is set`;
  }
  const fieldProblem = eventFieldProblem(record);
  if (fieldProblem !== undefined) return fieldProblem;

  let time: string | undefined;
  let stageTime: string | undefined;
  for (const field of EVENT_TIME_FIELDS) {
    const value = record[field];
    if (value === undefined) continue;
    const parsed = parseTime(value);
    if (parsed === undefined) return timeProblem(field, value);
    time ??= parsed;
    if (field === 'stageTimestamp') stageTime = parsed;
  }
  if (time === undefined && ctx.shipperTime !== undefined) {
    const { field, value } = ctx.shipperTime;
    time = parseTime(value);
    if (time === undefined) return timeProblem(field, value);
  }
  time ??= ctx.fallbackTime;
  if (time === undefined) return NO_TIME_REASON;

  const event = asCheckedEvent(record);
  // v1beta1 events keep their `timestamp` and gain no requestReceivedTimestamp: `time`
  // carries the derived value, and `event` stays what the source sent.
  return {
    // An empty auditID identifies nothing, so it is treated like a missing one.
    auditID: event.auditID ? event.auditID : contentAuditId(record),
    stage: isStage(event.stage) ? event.stage : '',
    time,
    stageTime,
    apiVersion: event.apiVersion ?? ctx.listApiVersion,
    shape: ctx.shape,
    event,
  };
}
