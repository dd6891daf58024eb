// Helpers of the shape tests: the real sample files in ../shared, and the fields a reviewer
// filters by, read from a normalized event in one flat object.

import fs from 'node:fs';
import { expect } from 'vitest';
import { haveShared, sharedPath } from '@/lib/testing/shared-data';
import type { AuditEvent, NormalizeResult } from '../types';

export const SAMPLES = sharedPath('data', 'audit-samples');
export const haveSamples = (): boolean => haveShared('data', 'audit-samples');

/** A sample file's text, without the byte-order mark some of them start with. */
export function sampleText(...parts: string[]): string {
  return fs
    .readFileSync(sharedPath('data', 'audit-samples', ...parts), 'utf8')
    .replace(/^\uFEFF/, '');
}

/** The non-empty lines of a JSON-lines sample. */
export function sampleLines(...parts: string[]): string[] {
  return sampleText(...parts)
    .split('\n')
    .filter((line) => line.trim() !== '');
}

export type Accepted = Extract<NormalizeResult, { ok: true }>;

export function expectOk(result: NormalizeResult): Accepted {
  if (!result.ok) throw new Error(`expected ok, got rejection: ${result.reason}`);
  return result;
}

export function expectReason(result: NormalizeResult): string {
  if (result.ok) throw new Error(`expected a rejection, got ${result.events.length} events`);
  return result.reason;
}

/** The one event of a result that must hold exactly one and set nothing aside. */
export function onlyEvent(result: NormalizeResult): AuditEvent {
  const ok = expectOk(result);
  expect(ok.rejected).toEqual([]);
  expect(ok.events).toHaveLength(1);
  const [event] = ok.events;
  if (event === undefined) throw new Error('no event');
  return event;
}

export function eventAt(result: Accepted, index: number): AuditEvent {
  const event = result.events[index];
  if (event === undefined) throw new Error(`no event at ${index}`);
  return event;
}

/** What the explorer filters by, as one object to compare with values read from the files. */
export function fieldsOf(e: AuditEvent) {
  const { event } = e;
  return {
    auditID: e.auditID,
    stage: e.stage,
    time: e.time,
    user: event.user?.username,
    groups: event.user?.groups,
    verb: event.verb,
    resource: event.objectRef?.resource,
    subresource: event.objectRef?.subresource,
    namespace: event.objectRef?.namespace,
    name: event.objectRef?.name,
    apiGroup: event.objectRef?.apiGroup,
    sourceIPs: event.sourceIPs,
    userAgent: event.userAgent,
    code: event.responseStatus?.code,
  };
}
