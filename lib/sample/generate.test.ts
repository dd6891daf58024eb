import { describe, expect, test } from 'vitest';

import { isCountedEvent } from '@/lib/audit/counting';
import { dimensionValues, getDimension, isDimensionKey } from '@/lib/audit/dimensions';
import { normalize } from '@/lib/audit/normalize';
import { STAGES, type AuditEvent, type K8sAuditEvent } from '@/lib/audit/types';
import { eventJson } from './event-json';
import { generateSampleNdjson } from './ndjson-chunks';
import {
  generateSampleEvents,
  generateSampleLines,
  MEAN_EVENTS_PER_REQUEST,
  requestsForEvents,
  SAMPLE_STORIES,
} from './generate';

// A Wednesday, so the day has office hours; the window is the 24 hours before it.
const END = Date.UTC(2026, 10, 25, 0, 0, 0);
const START_ISO = new Date(END - 86_400_000).toISOString().replace('.000Z', '.000000Z');
const END_ISO = new Date(END).toISOString().replace('.000Z', '.000000Z');
const REQUESTS = 20_000;

const events = [...generateSampleEvents({ seed: 1, end: END, requests: REQUESTS })];

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const AUDIT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const STAGE_RANK: Record<string, number> = {
  RequestReceived: 0,
  ResponseStarted: 1,
  ResponseComplete: 2,
  Panic: 2,
};
const LONG_RUNNING_SUBRESOURCES = new Set(['exec', 'attach', 'portforward', 'log']);

function byRequest(list: readonly K8sAuditEvent[]): Map<string, K8sAuditEvent[]> {
  const requests = new Map<string, K8sAuditEvent[]>();
  for (const e of list) {
    const id = e.auditID ?? '';
    const group = requests.get(id);
    if (group) group.push(e);
    else requests.set(id, [e]);
  }
  return requests;
}

function normalized(e: K8sAuditEvent): AuditEvent {
  const result = normalize(e);
  if (!result.ok || result.events.length !== 1 || result.rejected.length > 0) {
    throw new Error(`not normalized: ${JSON.stringify(e).slice(0, 300)}`);
  }
  const [event] = result.events;
  if (!event) throw new Error('no event');
  return event;
}

function matches(e: AuditEvent, filter: Readonly<Record<string, string | undefined>>): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (!isDimensionKey(key) || value === undefined) throw new Error(`bad filter key ${key}`);
    return dimensionValues(e, getDimension(key)).includes(value);
  });
}

describe('generateSampleEvents', () => {
  test('is deterministic: the same options give the same bytes, another seed other bytes', () => {
    const opts = { seed: 42, end: END, requests: 3_000 };
    const a = [...generateSampleLines(opts)];
    const b = [...generateSampleLines({ ...opts, end: new Date(END) })];
    expect(b).toEqual(a);
    expect([...generateSampleLines({ ...opts, seed: 43 })]).not.toEqual(a);
  });

  test('lines are exactly JSON.stringify of the events', () => {
    const lines = [...generateSampleLines({ seed: 1, end: END, requests: REQUESTS })];
    expect(lines).toHaveLength(events.length);
    events.forEach((e, i) => {
      if (lines[i] !== JSON.stringify(e)) expect(lines[i]).toBe(JSON.stringify(e));
    });
    expect(eventJson(events[0] ?? {})).toBe(JSON.stringify(events[0]));
  });

  test('NDJSON chunks hold exactly the lines, each ending in a newline', () => {
    const opts = { seed: 2, end: END, requests: 3_000 };
    const chunks = [...generateSampleNdjson(opts, 64 * 1024)];
    expect(chunks.length).toBeGreaterThan(1);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toBe([...generateSampleLines(opts)].join('\n') + '\n');
  });

  test('events are sorted by requestReceivedTimestamp; a request’s stages are adjacent and in order', () => {
    const seen = new Set<string>();
    let previous: K8sAuditEvent | undefined;
    for (const e of events) {
      const received = e.requestReceivedTimestamp ?? '';
      const stage = e.stage ?? '';
      if (previous) {
        expect(received >= (previous.requestReceivedTimestamp ?? '')).toBe(true);
        if (previous.auditID === e.auditID) {
          expect(STAGE_RANK[stage]).toBeGreaterThan(STAGE_RANK[previous.stage ?? ''] ?? -1);
          expect((e.stageTimestamp ?? '') >= (previous.stageTimestamp ?? '')).toBe(true);
        } else {
          expect(seen.has(e.auditID ?? '')).toBe(false);
        }
      }
      seen.add(e.auditID ?? '');
      previous = e;
    }
  });

  test('every timestamp lies in the window [end - 24h, end)', () => {
    for (const e of events) {
      for (const t of [e.requestReceivedTimestamp ?? '', e.stageTimestamp ?? '']) {
        expect(t >= START_ISO && t < END_ISO, t).toBe(true);
      }
      expect((e.stageTimestamp ?? '') >= (e.requestReceivedTimestamp ?? '')).toBe(true);
    }
  });

  test('every event has the fields the apiserver writes, with the right types', () => {
    // One message per problem, so 26,000 events are checked without 26,000 expect() calls.
    const problems: string[] = [];
    const check = (ok: boolean, what: string, e: K8sAuditEvent): void => {
      if (!ok && problems.length < 20) problems.push(`${what}: ${JSON.stringify(e).slice(0, 200)}`);
    };
    for (const e of events) {
      check(e.kind === 'Event' && e.apiVersion === 'audit.k8s.io/v1', 'kind/apiVersion', e);
      check(['Metadata', 'Request', 'RequestResponse'].includes(e.level ?? ''), 'level', e);
      check((STAGES as readonly string[]).includes(e.stage ?? ''), 'stage', e);
      check(UUID_V4.test(e.auditID ?? ''), 'auditID', e);
      check((e.requestURI ?? '').startsWith('/'), 'requestURI', e);
      check(typeof e.verb === 'string' && typeof e.user === 'object', 'verb/user', e);
      check(
        (e.sourceIPs?.length ?? 0) > 0 && typeof e.userAgent === 'string',
        'sourceIPs/userAgent',
        e,
      );
      check(
        AUDIT_TIME.test(e.requestReceivedTimestamp ?? '') &&
          AUDIT_TIME.test(e.stageTimestamp ?? ''),
        'times',
        e,
      );
      if (e.stage === 'RequestReceived') {
        check(
          e.responseStatus === undefined && e.annotations === undefined,
          'RequestReceived extras',
          e,
        );
        check(e.stageTimestamp === e.requestReceivedTimestamp, 'RequestReceived time', e);
      } else {
        check(typeof e.responseStatus?.code === 'number', 'responseStatus.code', e);
        check(JSON.stringify(e.responseStatus?.metadata) === '{}', 'responseStatus.metadata', e);
      }
      const decision = e.annotations?.['authorization.k8s.io/decision'];
      check(decision === undefined || decision === 'allow' || decision === 'forbid', 'decision', e);
      if (e.level === 'Metadata')
        check(
          e.requestObject === undefined && e.responseObject === undefined,
          'Metadata bodies',
          e,
        );
      if (e.level === 'Request') check(e.responseObject === undefined, 'Request responseObject', e);
      if (e.objectRef) check(typeof e.objectRef.resource === 'string', 'objectRef.resource', e);
    }
    expect(problems).toEqual([]);
  });

  test('every event normalizes as a raw Event', () => {
    for (const e of events) expect(normalized(e).shape).toBe('event');
  });

  test('each request ends once (ResponseComplete or Panic), except a 401: one lone ResponseStarted', () => {
    for (const [id, stages] of byRequest(events)) {
      const finals = stages.filter((e) => e.stage === 'ResponseComplete' || e.stage === 'Panic');
      const unauthorized = stages.filter((e) => e.responseStatus?.code === 401);
      if (unauthorized.length > 0) {
        expect(stages, id).toHaveLength(1);
        expect(stages[0]?.stage).toBe('ResponseStarted');
        expect(stages[0]?.user).toEqual({});
        expect(stages[0]?.annotations).toBeUndefined();
      } else {
        expect(finals, id).toHaveLength(1);
      }
      const last = stages[stages.length - 1];
      const longRunning =
        last?.verb === 'watch' || LONG_RUNNING_SUBRESOURCES.has(last?.objectRef?.subresource ?? '');
      if (longRunning) expect(stages.map((e) => e.stage)).toContain('ResponseStarted');
    }
  });

  test('counts: exactly `requests` requests, each counted once by the counting rule', () => {
    expect(byRequest(events).size).toBe(REQUESTS);
    const counted = events.filter((e) => isCountedEvent(e.stage ?? '', e.responseStatus?.code));
    expect(counted).toHaveLength(REQUESTS);
    const tiny = [...generateSampleEvents({ end: END, requests: 5 })];
    expect(byRequest(tiny).size).toBeGreaterThan(20); // the stories are always present
  });

  test('stage mix follows the policy: mostly ResponseComplete alone', () => {
    const profiles = new Map<string, number>();
    for (const stages of byRequest(events).values()) {
      const key = stages.map((e) => e.stage).join('+');
      profiles.set(key, (profiles.get(key) ?? 0) + 1);
    }
    const share = (key: string): number => (profiles.get(key) ?? 0) / REQUESTS;
    expect(share('ResponseComplete')).toBeGreaterThan(0.6);
    expect(share('ResponseComplete')).toBeLessThan(0.8);
    expect(share('RequestReceived+ResponseComplete')).toBeGreaterThan(0.08);
    expect(share('ResponseStarted+ResponseComplete')).toBeGreaterThan(0.08);
  });

  test('secrets, configmaps and tokenreviews are logged at Metadata, but for CI writes in payments', () => {
    const sensitive = events.filter((e) =>
      ['secrets', 'configmaps', 'tokenreviews'].includes(e.objectRef?.resource ?? ''),
    );
    expect(sensitive.length).toBeGreaterThan(100);
    // The exception is the compliance rule for CI writes in payments, which is how Secret data leaks.
    const withBodies = sensitive.filter((e) => e.level !== 'Metadata');
    expect(withBodies.length).toBeGreaterThan(0);
    for (const e of withBodies) {
      expect(e.user?.username).toBe('system:serviceaccount:ci:deployer');
      expect(e.objectRef?.namespace).toBe('payments');
    }
  });

  test('MEAN_EVENTS_PER_REQUEST matches the generated mix within 3%', () => {
    const ratio = events.length / REQUESTS;
    expect(Math.abs(ratio - MEAN_EVENTS_PER_REQUEST) / MEAN_EVENTS_PER_REQUEST).toBeLessThan(0.03);
    expect(requestsForEvents(1_300)).toBe(1_000);
  });

  test('people are busier in office hours than at night', () => {
    const hourOf = (e: K8sAuditEvent): string => (e.requestReceivedTimestamp ?? '').slice(11, 13);
    const people = events.filter((e) => /@example\.com$/.test(e.user?.username ?? ''));
    const at = (hour: string): number => people.filter((e) => hourOf(e) === hour).length;
    expect(at('13')).toBeGreaterThan(5 * Math.max(1, at('03')));
  });

  test('rejects options it cannot honour', () => {
    expect(() => generateSampleEvents({ end: Number.NaN })).toThrow(RangeError);
    expect(() => generateSampleEvents({ end: END, durationHours: 0 })).toThrow(RangeError);
    expect(() => generateSampleLines({ end: END, requests: -1 })).toThrow(RangeError);
  });

  test('a short window still holds every story and nothing outside it', () => {
    const short = [
      ...generateSampleEvents({ seed: 9, end: END, durationHours: 0.5, requests: 2_000 }),
    ];
    const start = new Date(END - 1_800_000).toISOString().replace('.000Z', '.000000Z');
    for (const e of short) {
      expect((e.requestReceivedTimestamp ?? '') >= start).toBe(true);
      expect((e.stageTimestamp ?? '') < END_ISO).toBe(true);
    }
    const normalizedShort = short.map(normalized);
    for (const story of SAMPLE_STORIES) {
      expect(
        normalizedShort.some((e) => matches(e, story.filter)),
        story.id,
      ).toBe(true);
    }
  });

  test('prints throughput (not asserted)', () => {
    const requests = 100_000;
    let t0 = performance.now();
    let n = 0;
    for (const e of generateSampleEvents({ seed: 5, end: END, requests })) n += e.stage ? 1 : 0;
    const eventsPerSecond = n / ((performance.now() - t0) / 1000);
    t0 = performance.now();
    let bytes = 0;
    for (const line of generateSampleLines({ seed: 5, end: END, requests })) bytes += line.length;
    const linesPerSecond = n / ((performance.now() - t0) / 1000);
    console.log(
      `sample generator: ${n} events, ${Math.round(eventsPerSecond)} events/s, ` +
        `${Math.round(linesPerSecond)} JSON lines/s, ${Math.round(bytes / n)} bytes/event`,
    );
    expect(n).toBeGreaterThan(requests);
  });
});

describe('SAMPLE_STORIES', () => {
  const all = events.map(normalized);
  const find = (predicate: (e: K8sAuditEvent) => boolean): K8sAuditEvent[] =>
    events.filter(predicate);

  test.each(SAMPLE_STORIES.map((s) => [s.id, s] as const))(
    '%s is found by its filter',
    (_id, story) => {
      expect(all.filter((e) => matches(e, story.filter)).length).toBeGreaterThan(0);
      expect(story.at).toBeGreaterThan(0);
      expect(story.at).toBeLessThan(1);
    },
  );

  test('exec: create pods/exec answered 101 at ResponseStarted, then ResponseComplete', () => {
    const exec = find(
      (e) => e.objectRef?.subresource === 'exec' && e.user?.username === 'bob@example.com',
    );
    const started = exec.find((e) => e.stage === 'ResponseStarted');
    expect(started?.verb).toBe('create');
    expect(started?.responseStatus?.code).toBe(101);
    expect(started?.sourceIPs).toEqual(['198.51.100.77']);
    expect(exec.some((e) => e.stage === 'ResponseComplete' && e.auditID === started?.auditID)).toBe(
      true,
    );
  });

  test('secret sweep: one service account lists secrets in many namespaces, mostly forbidden', () => {
    const sweep = find(
      (e) =>
        e.user?.username === 'system:serviceaccount:web:frontend' &&
        e.objectRef?.resource === 'secrets',
    );
    const namespaces = new Set(sweep.map((e) => e.objectRef?.namespace ?? ''));
    expect(namespaces.size).toBeGreaterThanOrEqual(8);
    const forbidden = sweep.filter((e) => e.responseStatus?.code === 403);
    expect(forbidden.length).toBeGreaterThan(5);
    for (const e of forbidden)
      expect(e.annotations?.['authorization.k8s.io/decision']).toBe('forbid');
  });

  test('a ClusterRoleBinding to cluster-admin with its body', () => {
    const created = find(
      (e) =>
        e.objectRef?.resource === 'clusterrolebindings' &&
        e.verb === 'create' &&
        e.stage === 'ResponseComplete',
    );
    const body = created[0]?.requestObject as
      { roleRef?: { name?: string }; subjects?: { name?: string }[] } | undefined;
    expect(created[0]?.level).toBe('RequestResponse');
    expect(body?.roleRef?.name).toBe('cluster-admin');
    expect(body?.subjects?.[0]?.name).toBe('node-debugger');
  });

  test('a privileged pod with hostPath / and hostNetwork, with pod-security annotations', () => {
    type PodBody = {
      spec?: {
        hostNetwork?: boolean;
        containers?: { securityContext?: { privileged?: boolean } }[];
        volumes?: { hostPath?: { path?: string } }[];
      };
    };
    const creates = find(
      (e) =>
        e.objectRef?.resource === 'pods' &&
        e.verb === 'create' &&
        e.stage === 'ResponseComplete' &&
        e.requestObject !== undefined,
    );
    const privileged = creates.filter(
      (e) =>
        (e.requestObject as PodBody).spec?.containers?.[0]?.securityContext?.privileged === true,
    );
    expect(privileged.map((e) => e.responseStatus?.code).sort()).toEqual([201, 403]);
    for (const e of privileged) {
      const spec = (e.requestObject as PodBody).spec;
      expect(spec?.hostNetwork).toBe(true);
      expect(spec?.volumes?.[0]?.hostPath?.path).toBe('/');
      expect(e.annotations?.['pod-security.kubernetes.io/enforce-policy']).toMatch(
        /^(baseline|privileged):latest$/,
      );
    }
  });

  test('anonymous probes and 401s with an empty user', () => {
    const anonymous = find((e) => e.user?.username === 'system:anonymous');
    expect(anonymous.every((e) => e.user?.groups?.includes('system:unauthenticated'))).toBe(true);
    expect(
      anonymous.some((e) => e.requestURI === '/version' && e.responseStatus?.code === 200),
    ).toBe(true);
    expect(
      anonymous.some((e) => e.objectRef?.resource === 'secrets' && e.responseStatus?.code === 403),
    ).toBe(true);
    const unauthorized = find((e) => e.responseStatus?.code === 401);
    expect(unauthorized.length).toBeGreaterThanOrEqual(3);
    for (const e of unauthorized) {
      expect(e.stage).toBe('ResponseStarted');
      expect(e.user).toEqual({});
    }
  });

  test('impersonation: a denied one under the original verb, and allowed ones with impersonatedUser', () => {
    const denied = find(
      (e) => e.user?.username === 'alice@example.com' && e.objectRef?.resource === 'nodes',
    );
    expect(denied[0]?.responseStatus?.code).toBe(403);
    expect(denied[0]?.verb).toBe('list');
    expect(denied[0]?.responseStatus?.message).toContain('cannot impersonate');
    expect(denied[0]?.impersonatedUser).toBeUndefined();
    const impersonated = find((e) => e.impersonatedUser !== undefined);
    expect(impersonated.length).toBeGreaterThan(0);
    expect(impersonated.every((e) => e.user?.username === 'carol@example.com')).toBe(true);
  });

  test('a Secret body with base64 data, and Panic events with code 500', () => {
    const secret = find(
      (e) =>
        e.objectRef?.resource === 'secrets' && e.verb === 'create' && e.requestObject !== undefined,
    );
    const data =
      (secret[0]?.requestObject as { data?: Record<string, string> } | undefined)?.data ?? {};
    expect(Object.keys(data).length).toBeGreaterThan(0);
    for (const value of Object.values(data)) expect(value).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const panics = find((e) => e.stage === 'Panic');
    expect(panics.length).toBeGreaterThanOrEqual(3);
    for (const e of panics) expect(e.responseStatus?.code).toBe(500);
  });
});
