// Builders of NormalizeResult, so every shape answers the same way.

import type { AuditEvent, NormalizeResult, Rejection, SourceShape } from './types';

export function rejectedInput(reason: string): NormalizeResult {
  return { ok: false, reason };
}

export function acceptedEvents(
  shape: SourceShape,
  events: AuditEvent[],
  rejected: Rejection[] = [],
): NormalizeResult {
  return { ok: true, shape, events, rejected };
}

/** The result for a document that holds one event: the event, or why it was set aside. */
export function singleEvent(shape: SourceShape, read: AuditEvent | string): NormalizeResult {
  return typeof read === 'string' ? rejectedInput(read) : acceptedEvents(shape, [read]);
}
