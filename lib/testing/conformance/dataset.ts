// The conformance dataset: the same audit Events go into every store under test. Generated
// traffic (every story of the sample generator) over two hours, plus hand-made edge cases
// that generated traffic does not produce: several events in one microsecond, an event
// exactly on a bucket boundary, hostile strings, no stage, list fields with two values.

import type { K8sAuditEvent } from '@/lib/audit/types';
import { generateSampleEvents } from '@/lib/sample/generate';
import { makeEvent } from '@/lib/testing/make-event';

export const DATASET_HOURS = 2;

/** A hostile user name: quotes, backslashes, LogQL and regex syntax, JSON-looking text. */
export const HOSTILE_USER = 'evil"} |= `x` or "a\\b.*(|)[' + "'" + ']{1} \\" }';
/** The microsecond several events share (tie-breaking of the event order). */
export const SHARED_TIME_OFFSET_US = 1_800_000_000;

export interface ConformanceDataset {
  /** Exclusive end of the data, a whole hour, in microseconds. */
  endMicros: number;
  startMicros: number;
  /** Raw Events in generation order (not sorted). */
  events: K8sAuditEvent[];
}

function iso(us: number): string {
  const ms = Math.floor(us / 1000);
  const frac = String(us % 1_000_000).padStart(6, '0');
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, `.${frac}Z`);
}

function edgeCases(startUs: number): K8sAuditEvent[] {
  const at = (offsetUs: number, n: number, over: Partial<K8sAuditEvent> = {}) => {
    const t = iso(startUs + offsetUs);
    return makeEvent(900_000 + n, {
      requestReceivedTimestamp: t,
      stageTimestamp: iso(startUs + offsetUs + 1234),
      ...over,
    });
  };
  const shared = SHARED_TIME_OFFSET_US;
  return [
    // Five requests and two extra stages in the same microsecond.
    ...[5, 1, 4, 2, 3].map((n) => at(shared, n, { user: { username: `tie-${n}` } })),
    at(shared, 1, {
      stage: 'RequestReceived',
      responseStatus: undefined,
      user: { username: 'tie-1' },
    }),
    at(shared, 2, {
      stage: 'ResponseStarted',
      responseStatus: { metadata: {}, code: 401 },
      user: { username: 'tie-2' },
    }),
    // Exactly on a minute (and 5-minute, hour) boundary.
    at(3_600_000_000, 10, { verb: 'delete', objectRef: { resource: 'configmaps', name: 'edge' } }),
    // No stage (counted), two source IPs, several groups.
    at(600_000_123, 11, {
      stage: undefined,
      sourceIPs: ['203.0.113.200', '10.9.9.9'],
      user: { username: 'edge:no-stage', groups: ['edge:a', 'edge:b', 'system:authenticated'] },
    }),
    // Hostile strings in filterable fields.
    at(700_000_000, 12, {
      user: { username: HOSTILE_USER, groups: ['grp"quote', 'grp\\backslash'] },
      userAgent: 'agent with "quotes" and \\backslashes\\ and |= |~ != !~',
      objectRef: { resource: 'secrets', namespace: 'ns-"x"', name: 'n\\a.m*e' },
    }),
    // Non-ASCII text (free text is case-insensitive).
    at(800_000_000, 13, {
      user: { username: 'Zoë@EXAMPLE.com' },
      objectRef: { resource: 'pods', namespace: 'équipe', name: 'ÄÖÜ-pod' },
    }),
    // A v1beta1 event with only `timestamp`-less fallbacks: stageTimestamp gives the time.
    at(900_000_000, 14, {
      apiVersion: 'audit.k8s.io/v1beta1',
      requestReceivedTimestamp: undefined,
      stageTimestamp: iso(startUs + 900_000_000),
    }),
    // A 5xx and an impersonated request with a denial annotation.
    at(1_000_000_000, 15, { responseStatus: { metadata: {}, code: 503 } }),
    at(1_100_000_000, 16, {
      impersonatedUser: { username: 'system:admin', groups: ['system:masters'] },
      annotations: { 'authorization.k8s.io/decision': 'forbid' },
      responseStatus: { metadata: {}, code: 403 },
    }),
  ];
}

/** The dataset ending at the last whole hour before `nowMs` (or at `endMs` exactly). */
export function conformanceDataset(
  nowMs: number,
  opts: { exactEnd?: boolean } = {},
): ConformanceDataset {
  const endMs = opts.exactEnd ? nowMs : Math.floor(nowMs / 3_600_000) * 3_600_000;
  const endMicros = endMs * 1000;
  const startMicros = endMicros - DATASET_HOURS * 3_600_000_000;
  const generated = [
    ...generateSampleEvents({ seed: 7, end: endMs, durationHours: DATASET_HOURS, requests: 1500 }),
  ];
  const events = [...generated, ...edgeCases(startMicros)].map(
    (e) => JSON.parse(JSON.stringify(e)) as K8sAuditEvent,
  );
  return { startMicros, endMicros, events };
}
