// A request draft to the audit events the apiserver writes for it, in stage order:
//   RequestReceived   when the policy keeps it (no responseStatus, annotations or bodies yet)
//   ResponseStarted   for long-running requests (watch, exec, attach, portforward, log)
//   ResponseComplete  or Panic: the one final event, carrying bodies at Request level and up
// A failed authentication writes only a lone ResponseStarted with an empty user.

import type { K8sAuditEvent, ObjectReference, ResponseStatus } from '@/lib/audit/types';
import type { Annotations } from './actors';
import type { RequestDraft } from './request-draft';
import { STATUS_PANIC, STATUS_UNAUTHORIZED, statusObject } from './response-status';
import { MicrosFormatter } from './time-format';

/** One formatter per stage keeps each one's cached second warm: watch completions run minutes ahead. */
export class StageClocks {
  readonly received = new MicrosFormatter();
  readonly started = new MicrosFormatter();
  readonly final = new MicrosFormatter();
}

function eventHead(
  d: RequestDraft,
  auditID: string,
  stage: string,
  objectRef: ObjectReference | undefined,
  status: ResponseStatus | undefined,
): K8sAuditEvent {
  const e: K8sAuditEvent = {
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: d.policy.level,
    auditID,
    stage,
    requestURI: d.requestURI,
    verb: d.verb,
    user: d.actor.user,
  };
  if (d.impersonatedUser) e.impersonatedUser = d.impersonatedUser;
  e.sourceIPs = d.actor.sourceIPs;
  e.userAgent = d.actor.userAgent;
  if (objectRef) e.objectRef = objectRef;
  if (status) e.responseStatus = status;
  return e;
}

// Fields are added in the apiserver's order: bodies go between responseStatus and the times.
function eventTail(
  e: K8sAuditEvent,
  received: string,
  stageTime: string,
  annotations: Annotations | undefined,
): K8sAuditEvent {
  e.requestReceivedTimestamp = received;
  e.stageTimestamp = stageTime;
  if (annotations) e.annotations = annotations;
  return e;
}

function finalEvent(
  d: RequestDraft,
  auditID: string,
  received: string,
  stageTime: string,
): K8sAuditEvent {
  const panic = d.ending === 'panic';
  const status = panic ? STATUS_PANIC : d.status;
  const e = eventHead(d, auditID, panic ? 'Panic' : 'ResponseComplete', d.objectRef, status);
  if (d.logsRequestBody && d.requestObject !== undefined) e.requestObject = d.requestObject;
  if (d.logsResponseBody) {
    if (d.responseObject !== undefined && !panic) e.responseObject = d.responseObject;
    else if ((status.code ?? 0) >= 400) e.responseObject = statusObject(status);
  }
  return eventTail(e, received, stageTime, d.annotations);
}

/**
 * Appends the events of one request to `out`. `endUs` caps every stage time, so a watch
 * opened just before the window ends completes inside it.
 */
export function emitRequest(
  d: RequestDraft,
  auditID: string,
  endUs: number,
  clocks: StageClocks,
  out: K8sAuditEvent[],
): void {
  const receivedUs = d.receivedUs;
  const finalUs = Math.max(receivedUs, Math.min(receivedUs + d.durationUs, endUs - 1));
  const startedUs = Math.min(receivedUs + d.startedAfterUs, finalUs);
  const received = clocks.received.format(receivedUs);
  if (d.ending === 'unauthenticated') {
    // Rejected before any handler ran: the lone event is stamped when the 401 is written.
    const head = eventHead(d, auditID, 'ResponseStarted', d.objectRef, STATUS_UNAUTHORIZED);
    out.push(
      eventTail(
        head,
        received,
        clocks.started.format(Math.min(finalUs, receivedUs + 2_000)),
        undefined,
      ),
    );
    return;
  }
  if (d.policy.keepRequestReceived) {
    const head = eventHead(
      d,
      auditID,
      'RequestReceived',
      d.receivedObjectRef ?? d.objectRef,
      undefined,
    );
    out.push(eventTail(head, received, received, undefined));
  }
  if (d.longRunning) {
    const head = eventHead(d, auditID, 'ResponseStarted', d.objectRef, d.status);
    out.push(eventTail(head, received, clocks.started.format(startedUs), d.annotations));
  }
  out.push(finalEvent(d, auditID, received, clocks.final.format(finalUs)));
}
