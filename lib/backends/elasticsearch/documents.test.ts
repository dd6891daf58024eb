// Every preset's document reads back, through normalize(), into the event it was made from:
// what getEvent returns from Elasticsearch is what the embedded store returns.

import { describe, expect, test } from 'vitest';
import { normalize } from '@/lib/audit/normalize';
import type { AuditEvent } from '@/lib/audit/types';
import { conformanceDataset } from '@/lib/testing/conformance/dataset';
import { normalizedEvents } from '@/lib/testing/conformance/suite';
import { makeEvent } from '@/lib/testing/make-event';
import { documentFor, documentId, WRITABLE_PRESETS } from './documents';

const withoutShape = ({ shape: _shape, ...rest }: AuditEvent) => rest;

const events = [
  ...normalizedEvents(conformanceDataset(Date.UTC(2026, 10, 23, 12))),
  ...normalizedEvents({
    startMicros: 0,
    endMicros: 0,
    events: [
      makeEvent(1, {
        // JSON.parse makes "__proto__" an own key, as parsed audit data would.
        annotations: JSON.parse(
          JSON.stringify({
            'authorization.k8s.io/decision': 'forbid',
            'missing-san.invalid-cert.kubernetes.io/svc.ns.svc': 'relies on a legacy Common Name',
            'no-slash.key': 'x',
          }).replace(/}$/, ',"__proto__":"hostile"}'),
        ) as Record<string, string>,
      }),
    ],
  }),
];

describe.each(WRITABLE_PRESETS)('preset %s', (preset) => {
  test('documents normalize back to the same events', () => {
    for (const e of events) {
      const r = normalize(JSON.parse(JSON.stringify(documentFor(e, preset))));
      expect(r.ok && r.events.length === 1).toBe(true);
      if (r.ok) expect(withoutShape(r.events[0]!)).toEqual(withoutShape(e));
    }
  });
});

test('the document id depends on auditID and stage only', () => {
  const [a, b] = events;
  expect(documentId(a!)).toBe(documentId({ auditID: a!.auditID, stage: a!.stage }));
  expect(documentId(a!)).not.toBe(documentId({ auditID: a!.auditID, stage: 'Panic' }));
  expect(documentId(a!)).not.toBe(documentId(b!));
  expect(documentId({ auditID: 'idPanic', stage: '' })).not.toBe(
    documentId({ auditID: 'id', stage: 'Panic' }),
  );
});

test('elastic-agent documents carry annotation keys as Elastic Agent writes them', () => {
  const doc = documentFor(events.at(-1)!, 'elastic-agent') as {
    kubernetes: { audit: { annotations: Record<string, string> } };
  };
  expect(Object.keys(doc.kubernetes.audit.annotations)).toEqual([
    'authorization_k8s_io/decision',
    'missing-san_invalid-cert_kubernetes_io/svc.ns.svc',
    'no-slash.key',
    '__proto__',
  ]);
});
