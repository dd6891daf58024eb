// normalize() with a shape the user named (`ingest --shape`): no detection, the named
// reader is used, and an input that does not fit is set aside with a reason naming the flag.

import { describe, expect, test } from 'vitest';
import { makeEvent } from '@/lib/testing/make-event';
import { normalize } from './normalize';

describe('normalize with a forced shape', () => {
  const event = makeEvent(1);

  test('a Fluentd document with a shipper field is read as fluentd by detection, as an Event when forced', () => {
    const doc = { ...event, tag: 'kube-audit', time: '2026-11-20T10:00:09Z' };
    const detected = normalize(doc);
    const forced = normalize(doc, { shape: 'event' });
    expect(detected.ok && detected.shape).toBe('fluentd');
    expect(forced.ok && forced.shape).toBe('event');
    expect(forced.ok && forced.events[0]!.event.auditID).toBe(event.auditID);
  });

  test('an EventList forced as event-list keeps every item', () => {
    const list = { items: [makeEvent(1), makeEvent(2)] };
    const r = normalize(list, { shape: 'event-list' });
    expect(r.ok && r.events.map((e) => e.auditID)).toEqual([event.auditID, makeEvent(2).auditID]);
  });

  test('an input that does not fit the forced shape is set aside with the flag in the reason', () => {
    const r = normalize(event, { shape: 'gke' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(
      /^--shape gke: expected protoPayload or entries; found keys "kind"/,
    );
    const s = normalize({ hello: 'world' }, { shape: 'event' });
    expect(!s.ok && s.reason).toMatch(/^--shape event: expected an Event/);
  });

  test('a forced shape applies to documents; a JSON array stays a batch of Events', () => {
    const r = normalize([makeEvent(1), { hello: 'world' }], { shape: 'gke' });
    expect(r.ok && r.events.map((e) => e.auditID)).toEqual([event.auditID]);
  });

  test('an unknown shape is a caller error', () => {
    expect(() => normalize(event, { shape: 'splunk' as never })).toThrow(
      /shape "splunk" is not one of/,
    );
  });
});
