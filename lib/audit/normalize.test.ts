import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, test } from 'vitest';

import { countsAsRequest } from './counting';
import { normalize, normalizeText } from './normalize';
import type { AuditEvent, NormalizeResult } from './types';

// A v1 Event as the log backend writes it (trimmed bodies), used as the base of fixtures.
const V1_EVENT = {
  kind: 'Event',
  apiVersion: 'audit.k8s.io/v1',
  level: 'Metadata',
  auditID: 'a3738298-44a8-498b-b0db-13c597edcdcc',
  stage: 'ResponseComplete',
  requestURI: '/api/v1/namespaces/demo/configmaps',
  verb: 'create',
  user: { username: 'admin', uid: 'uid-admin', groups: ['system:masters', 'system:authenticated'] },
  sourceIPs: ['127.0.0.1'],
  userAgent: 'curl/7.88.1',
  objectRef: { resource: 'configmaps', namespace: 'demo', name: 'during-watch', apiVersion: 'v1' },
  responseStatus: { metadata: {}, code: 201 },
  requestReceivedTimestamp: '2026-11-23T03:51:03.616102Z',
  stageTimestamp: '2026-11-23T03:51:03.620301Z',
  annotations: { 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': '' },
};

function withoutKeys(obj: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !keys.includes(k)));
}

function expectOk(result: NormalizeResult): Extract<NormalizeResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got rejection: ${result.reason}`);
  return result;
}

function expectReason(result: NormalizeResult): string {
  if (result.ok) throw new Error(`expected a rejection, got ${result.events.length} events`);
  return result.reason;
}

function only(result: NormalizeResult): AuditEvent {
  const ok = expectOk(result);
  expect(ok.events).toHaveLength(1);
  expect(ok.rejected).toEqual([]);
  return ok.events[0] as AuditEvent;
}

const fromJson = (value: unknown, opts?: Parameters<typeof normalizeText>[1]) =>
  normalizeText(JSON.stringify(value), opts);

describe('shapes', () => {
  test('event: a v1 log-backend line', () => {
    const result = fromJson(V1_EVENT);
    expect(expectOk(result).shape).toBe('event');
    expect(only(result)).toEqual({
      auditID: 'a3738298-44a8-498b-b0db-13c597edcdcc',
      stage: 'ResponseComplete',
      time: '2026-11-23T03:51:03.616102Z',
      stageTime: '2026-11-23T03:51:03.620301Z',
      apiVersion: 'audit.k8s.io/v1',
      shape: 'event',
      event: V1_EVENT,
    });
  });

  test('event: without apiVersion (as in many real files), unknown fields kept', () => {
    const doc = { ...withoutKeys(V1_EVENT, 'apiVersion'), extraField: { keep: true } };
    const event = only(fromJson(doc));
    expect(event.shape).toBe('event');
    expect(event.apiVersion).toBe('');
    expect(event.event).toEqual(doc);
  });

  test('event: without kind and apiVersion, recognised by its Event fields', () => {
    const event = only(fromJson(withoutKeys(V1_EVENT, 'kind', 'apiVersion')));
    expect(event.shape).toBe('event');
    expect(event.event.verb).toBe('create');
  });

  test('event: v1beta1 with only a top-level timestamp', () => {
    const doc = {
      ...withoutKeys(V1_EVENT, 'requestReceivedTimestamp', 'stageTimestamp'),
      apiVersion: 'audit.k8s.io/v1beta1',
      metadata: { creationTimestamp: '2017-09-11T19:55:05Z' },
      timestamp: '2017-09-11T19:55:05Z',
    };
    const event = only(fromJson(doc));
    expect(event.apiVersion).toBe('audit.k8s.io/v1beta1');
    expect(event.time).toBe('2017-09-11T19:55:05.000000Z');
    expect(event.stageTime).toBeUndefined();
    expect(event.event).toEqual(doc); // no field invented
  });

  test('event-list: a webhook body whose items carry no kind or apiVersion', () => {
    const item = withoutKeys(V1_EVENT, 'kind', 'apiVersion');
    const started = { ...item, auditID: 'b1', stage: 'ResponseStarted', verb: 'watch' };
    const body = {
      kind: 'EventList',
      apiVersion: 'audit.k8s.io/v1',
      metadata: {},
      items: [item, started],
    };
    const result = expectOk(fromJson(body));
    expect(result.shape).toBe('event-list');
    expect(result.rejected).toEqual([]);
    expect(result.events.map((e) => [e.auditID, e.stage, e.apiVersion, e.shape])).toEqual([
      ['a3738298-44a8-498b-b0db-13c597edcdcc', 'ResponseComplete', 'audit.k8s.io/v1', 'event-list'],
      ['b1', 'ResponseStarted', 'audit.k8s.io/v1', 'event-list'],
    ]);
    expect(result.events[0]?.event).toEqual(item);
  });

  test('event-list: kind dropped, items and an audit apiVersion kept', () => {
    const body = {
      apiVersion: 'audit.k8s.io/v1',
      items: [withoutKeys(V1_EVENT, 'kind', 'apiVersion')],
    };
    const result = expectOk(fromJson(body));
    expect(result.shape).toBe('event-list');
    expect(result.events).toHaveLength(1);
  });

  test('event-list: a bare JSON array of Events is a batch', () => {
    const result = expectOk(fromJson([V1_EVENT, { ...V1_EVENT, auditID: 'second' }]));
    expect(result.shape).toBe('event-list');
    expect(result.events.map((e) => e.auditID)).toEqual([V1_EVENT.auditID, 'second']);
  });

  test('fluentd: Event fields at the root plus shipper fields, which are stripped', () => {
    const doc = {
      ...withoutKeys(V1_EVENT, 'kind', 'apiVersion'),
      '@timestamp': '2026-11-23T03:51:03.621Z',
      time: '2026-11-23T03:51:03.620999999Z',
      tag: 'kube.audit',
      stream: 'stdout',
      hostname: 'kind-control-plane',
      kubernetes: { pod_name: 'kube-apiserver-kind-control-plane', namespace_name: 'kube-system' },
    };
    const result = fromJson(doc);
    expect(expectOk(result).shape).toBe('fluentd');
    const event = only(result);
    expect(event.shape).toBe('fluentd');
    expect(event.time).toBe('2026-11-23T03:51:03.616102Z'); // the Event's own time wins
    expect(event.event).toEqual(withoutKeys(V1_EVENT, 'kind', 'apiVersion'));
  });

  test('openshift-viaq: ViaQ document, audit level put back from k8s_audit_level', () => {
    const doc = {
      ...withoutKeys(V1_EVENT, 'requestReceivedTimestamp', 'stageTimestamp'),
      '@timestamp': '2023-10-18T17:32:47.415928452Z',
      level: 'default',
      k8s_audit_level: 'Metadata',
      log_type: 'audit',
      log_source: 'kubeAPI',
      openshift: { cluster_id: 'd24a392b-dd87-4eb8-a1a9-7384423567e3' },
      hostname: 'ip-10-0-187-180.us-east-2.compute.internal',
    };
    const event = only(fromJson(doc));
    expect(event.shape).toBe('openshift-viaq');
    expect(event.event.level).toBe('Metadata');
    expect(event.time).toBe('2023-10-18T17:32:47.415928Z'); // shipper time, truncated
    expect(Object.keys(event.event)).not.toContain('openshift');
  });

  test('fluentd-log-string: the Event JSON as a string under log, with a trailing newline', () => {
    const doc = {
      log: `${JSON.stringify(V1_EVENT)}\n`,
      stream: 'stdout',
      time: '2026-11-23T03:51:03.630000001Z',
      kubernetes: { pod_name: 'kube-apiserver-kind-control-plane' },
    };
    const result = fromJson(doc);
    expect(expectOk(result).shape).toBe('fluentd-log-string');
    const event = only(result);
    expect(event.event).toEqual(V1_EVENT);
    expect(event.time).toBe('2026-11-23T03:51:03.616102Z');
  });

  test('fluentd-log-string: under message, time from @timestamp when the Event has none', () => {
    const inner = withoutKeys(V1_EVENT, 'requestReceivedTimestamp', 'stageTimestamp');
    const doc = { '@timestamp': '2026-11-23T05:51:03.5+02:00', message: JSON.stringify(inner) };
    const event = only(fromJson(doc));
    expect(event.shape).toBe('fluentd-log-string');
    expect(event.time).toBe('2026-11-23T03:51:03.500000Z');
  });

  test('elastic-agent: the Event under kubernetes.audit, annotation keys re-dotted', () => {
    const audit = {
      ...V1_EVENT,
      annotations: { 'authorization_k8s_io/decision': 'allow', 'authorization_k8s_io/reason': '' },
    };
    const doc = {
      '@timestamp': '2026-11-23T03:51:03.620Z',
      agent: { type: 'filebeat', version: '8.15.0' },
      data_stream: { dataset: 'kubernetes.audit_logs', namespace: 'default', type: 'logs' },
      ecs: { version: '8.0.0' },
      event: {
        category: ['web'],
        dataset: 'kubernetes.audit_logs',
        kind: 'event',
        outcome: 'success',
      },
      input: { type: 'filestream' },
      log: { file: { path: '/var/log/kubernetes/kube-apiserver-audit.log' }, offset: 1234 },
      kubernetes: { audit },
    };
    const before = structuredClone(doc);
    const result = fromJson(doc);
    expect(expectOk(result).shape).toBe('elastic-agent');
    const event = only(result);
    expect(event.event).toEqual(V1_EVENT);
    expect(event.auditID).toBe(V1_EVENT.auditID);
    expect(normalize(doc).ok).toBe(true);
    expect(doc).toEqual(before); // the input is not modified
  });

  test('elastic-agent: dotted keys', () => {
    const doc = {
      '@timestamp': '2026-11-23T03:51:03.620Z',
      'event.dataset': 'kubernetes.audit_logs',
      'kubernetes.audit.apiVersion': 'audit.k8s.io/v1',
      'kubernetes.audit.auditID': 'dotted-1',
      'kubernetes.audit.stage': 'ResponseComplete',
      'kubernetes.audit.verb': 'get',
      'kubernetes.audit.user.username': 'alice',
      'kubernetes.audit.user.groups': ['system:authenticated'],
      'kubernetes.audit.objectRef.resource': 'secrets',
      'kubernetes.audit.responseStatus.code': 403,
      'kubernetes.audit.annotations.authorization.k8s.io/decision': 'forbid',
    };
    const event = only(fromJson(doc));
    expect(event.shape).toBe('elastic-agent');
    expect(event.time).toBe('2026-11-23T03:51:03.620000Z'); // from @timestamp
    expect(event.event).toEqual({
      apiVersion: 'audit.k8s.io/v1',
      auditID: 'dotted-1',
      stage: 'ResponseComplete',
      verb: 'get',
      user: { username: 'alice', groups: ['system:authenticated'] },
      objectRef: { resource: 'secrets' },
      responseStatus: { code: 403 },
      annotations: { 'authorization.k8s.io/decision': 'forbid' },
    });
  });
});

describe('rejections', () => {
  test('truncated JSON names the byte where the input ends', () => {
    const text = JSON.stringify(V1_EVENT).slice(0, 100);
    expect(expectReason(normalizeText(text))).toBe(
      'truncated JSON: input ends before the value is complete (at byte 100)',
    );
  });

  test('a line that is not JSON at all', () => {
    expect(expectReason(normalizeText('I1123 03:50:57.013 apiserver started'))).toBe(
      "not JSON: unexpected character 'I' at position 0",
    );
  });

  test('an empty line', () => {
    expect(expectReason(normalizeText(''))).toBe('empty line');
    expect(expectReason(normalizeText('  \r'))).toBe('empty line');
  });

  test('two events on one line', () => {
    const line = JSON.stringify(V1_EVENT) + JSON.stringify(V1_EVENT);
    expect(expectReason(normalizeText(line))).toMatch(
      /^not JSON: unexpected character '\{' at position \d+ after the end of the JSON value$/,
    );
  });

  test('a wrong audit apiVersion names it and the accepted ones', () => {
    expect(expectReason(fromJson({ ...V1_EVENT, apiVersion: 'audit.k8s.io/v2' }))).toBe(
      'unsupported apiVersion "audit.k8s.io/v2": expected audit.k8s.io/v1 or audit.k8s.io/v1beta1',
    );
  });

  test('a core Kubernetes Event (kind Event, apiVersion v1) is not an audit event', () => {
    const coreEvent = {
      kind: 'Event',
      apiVersion: 'v1',
      metadata: { name: 'web-0.17f9', namespace: 'demo' },
      involvedObject: { kind: 'Pod', name: 'web-0', namespace: 'demo' },
      reason: 'Scheduled',
      message: 'Successfully assigned demo/web-0 to node-1',
      type: 'Normal',
    };
    expect(expectReason(fromJson(coreEvent))).toBe(
      'unsupported apiVersion "v1" (that is a Kubernetes core Event, not an audit event): expected audit.k8s.io/v1 or audit.k8s.io/v1beta1',
    );
  });

  test('{"kind": 0}', () => {
    expect(expectReason(normalizeText('{"kind": 0}'))).toBe(
      'field kind: expected "Event" or "EventList", got number 0',
    );
  });

  test('a kind that is neither Event nor EventList', () => {
    expect(expectReason(fromJson({ kind: 'Pod', apiVersion: 'v1' }))).toBe(
      'field kind: expected "Event" or "EventList", got string "Pod"',
    );
  });

  test('JSON that is not an object', () => {
    expect(expectReason(normalizeText('42'))).toBe(
      'expected a JSON object (an audit Event, EventList or shipper document), got number 42',
    );
    expect(expectReason(normalizeText('"hello"'))).toMatch(
      /^expected a JSON object .*got string "hello"$/,
    );
    expect(expectReason(normalizeText('null'))).toMatch(/got null$/);
    expect(expectReason(normalizeText('[1, 2]'))).toBe(
      'JSON array holds no audit events (item 0: expected an Event object, got number 1)',
    );
    expect(expectReason(normalizeText('[]'))).toBe('empty JSON array: expected audit events');
  });

  test('an object that is no known shape lists what it found', () => {
    expect(expectReason(normalizeText('{"Item": []}'))).toMatch(
      /^not an audit event: found keys "Item"; expected/,
    );
    // Plain `items` without an audit apiVersion stays unknown (`Items` is Go-cased).
    expect(expectReason(normalizeText('{"items": [], "total": 0}'))).toMatch(
      /^not an audit event: found keys "items", "total"; expected .*OTLP logs \(resourceLogs\)$/,
    );
  });

  test.each([
    [{ verb: 5 }, 'field verb: expected a string, got number 5'],
    [{ user: 'bob' }, 'field user: expected an object, got string "bob"'],
    [
      { sourceIPs: '1.2.3.4' },
      'field sourceIPs: expected an array of strings, got string "1.2.3.4"',
    ],
    [
      { stage: 'Bogus' },
      'field stage: expected one of RequestReceived, ResponseStarted, ResponseComplete, Panic, got string "Bogus"',
    ],
    [
      { responseStatus: { code: '403' } },
      'field responseStatus.code: expected an integer, got string "403"',
    ],
    [{ user: { groups: ['a', 7] } }, 'field user.groups[1]: expected a string, got number 7'],
    [
      { annotations: { 'authorization.k8s.io/decision': true } },
      'field annotations["authorization.k8s.io/decision"]: expected a string, got boolean true',
    ],
  ])('a field of the wrong type: %j', (override, reason) => {
    expect(expectReason(fromJson({ ...V1_EVENT, ...override }))).toBe(reason);
  });

  test('an event over 5 MiB is rejected before parsing', () => {
    const huge = { ...V1_EVENT, requestObject: { data: { blob: 'x'.repeat(6.3 * 1024 * 1024) } } };
    expect(expectReason(fromJson(huge))).toBe('event is 6.3 MiB, over the 5.0 MiB limit');
  });

  test('the size limit counts UTF-8 bytes and follows maxEventBytes', () => {
    const event = { ...V1_EVENT, userAgent: 'é'.repeat(700) }; // 2 bytes each in UTF-8
    const text = JSON.stringify(event);
    expect(text.length).toBeLessThan(2048);
    expect(Buffer.byteLength(text)).toBeGreaterThan(2048);
    expect(expectReason(normalizeText(text, { maxEventBytes: 2048 }))).toMatch(
      /^event is 2\.\d KiB, over the 2\.0 KiB limit$/,
    );
    expect(normalizeText(text, { maxEventBytes: 4096 }).ok).toBe(true);
  });

  test('an EventList keeps its good items and sets aside bad and oversized ones by index', () => {
    const item = withoutKeys(V1_EVENT, 'kind', 'apiVersion');
    const list = {
      kind: 'EventList',
      apiVersion: 'audit.k8s.io/v1',
      items: [
        item,
        { ...item, verb: 5 },
        { ...item, auditID: 'big', requestObject: { blob: 'x'.repeat(6 * 1024 * 1024) } },
        'not an event',
        { ...item, auditID: 'last' },
      ],
    };
    const result = expectOk(normalize(list));
    expect(result.events.map((e) => e.auditID)).toEqual([V1_EVENT.auditID, 'last']);
    expect(result.rejected).toEqual([
      { index: 1, reason: 'field verb: expected a string, got number 5' },
      { index: 2, reason: 'event is 6.0 MiB, over the 5.0 MiB limit' },
      { index: 3, reason: 'expected an Event object, got string "not an event"' },
    ]);
  });

  test('an EventList with a wrong apiVersion or no items array is rejected whole', () => {
    expect(
      expectReason(fromJson({ kind: 'EventList', apiVersion: 'audit.k8s.io/v2', items: [] })),
    ).toBe(
      'EventList: unsupported apiVersion "audit.k8s.io/v2": expected audit.k8s.io/v1 or audit.k8s.io/v1beta1',
    );
    expect(expectReason(fromJson({ kind: 'EventList', items: {} }))).toBe(
      'EventList field items: expected an array, got object',
    );
  });

  test('a log string that is not JSON names the field', () => {
    expect(expectReason(fromJson({ log: 'I1123 started\n', stream: 'stderr' }))).toBe(
      "field log: not JSON: unexpected character 'I' at position 0",
    );
  });
});

describe('event time', () => {
  const at = (fields: Record<string, unknown>, opts?: Parameters<typeof normalizeText>[1]) =>
    fromJson(
      { ...withoutKeys(V1_EVENT, 'requestReceivedTimestamp', 'stageTimestamp'), ...fields },
      opts,
    );

  test.each([
    ['2026-11-23T03:50:58.107723999Z', '2026-11-23T03:50:58.107723Z'], // nanoseconds truncated
    ['2026-11-23T03:50:58.107723Z', '2026-11-23T03:50:58.107723Z'],
    ['2026-11-23T03:50:58.1Z', '2026-11-23T03:50:58.100000Z'],
    ['2026-11-23T03:50:58Z', '2026-11-23T03:50:58.000000Z'],
    ['2026-11-23T05:50:58.107723+02:00', '2026-11-23T03:50:58.107723Z'],
    ['2026-11-22T22:20:58.5-05:30', '2026-11-23T03:50:58.500000Z'], // crosses midnight
    ['2024-03-01T00:30:00+01:00', '2024-02-29T23:30:00.000000Z'], // into a leap day
    ['2026-11-23 03:50:58.38', '2026-11-23T03:50:58.380000Z'], // no offset: read as UTC
  ])('requestReceivedTimestamp %s → %s', (input, time) => {
    expect(only(at({ requestReceivedTimestamp: input })).time).toBe(time);
  });

  test('falls back from requestReceivedTimestamp to stageTimestamp, then timestamp, then the shipper', () => {
    expect(only(at({ stageTimestamp: '2026-11-23T03:50:58.2Z' })).time).toBe(
      '2026-11-23T03:50:58.200000Z',
    );
    expect(only(at({ timestamp: '2017-09-11T19:55:05Z' })).time).toBe(
      '2017-09-11T19:55:05.000000Z',
    );
    expect(only(at({ '@timestamp': '2026-11-23T03:50:59Z' })).time).toBe(
      '2026-11-23T03:50:59.000000Z',
    );
  });

  test('uses fallbackTime only when the event has no time at all', () => {
    const fallbackTime = '2026-01-02T03:04:05.123Z';
    expect(only(at({}, { fallbackTime })).time).toBe('2026-01-02T03:04:05.123000Z');
    expect(only(fromJson(V1_EVENT, { fallbackTime })).time).toBe(V1_EVENT.requestReceivedTimestamp);
  });

  test('no time at all is a rejection', () => {
    expect(expectReason(at({}))).toBe(
      'event has no time: none of requestReceivedTimestamp, stageTimestamp, timestamp or a shipper time field is set',
    );
  });

  test.each([
    ['requestReceivedTimestamp', 'yesterday'],
    ['stageTimestamp', '2026-02-30T00:00:00Z'],
    ['timestamp', '2026-11-23T24:00:00Z'],
  ])('an unparseable %s is a rejection naming the field', (field, value) => {
    expect(expectReason(at({ [field]: value }))).toBe(
      `field ${field}: cannot read string ${JSON.stringify(value)} as a time: expected RFC 3339, such as 2026-11-23T03:50:58.107723Z`,
    );
  });

  test('an invalid fallbackTime option throws', () => {
    expect(() => normalizeText('{}', { fallbackTime: 'soon' })).toThrow(RangeError);
  });
});

describe('auditID', () => {
  test('an event without auditID gets a stable content hash, whatever the key order', () => {
    const noId = withoutKeys(V1_EVENT, 'auditID');
    const reordered = Object.fromEntries(Object.entries(noId).reverse());
    const first = only(fromJson(noId)).auditID;
    expect(first).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(only(fromJson(reordered)).auditID).toBe(first);
    expect(only(fromJson({ ...noId, verb: 'delete' })).auditID).not.toBe(first);
  });

  test('shipper fields do not change the content hash', () => {
    const noId = withoutKeys(V1_EVENT, 'auditID');
    const shipped = { ...noId, '@timestamp': '2026-11-23T03:51:04Z', hostname: 'node-1' };
    expect(only(fromJson(shipped)).auditID).toBe(only(fromJson(noId)).auditID);
  });
});

// Real files from ../shared. A fresh clone may not have that folder: then only these tests
// report themselves skipped, naming it.
const SHARED = process.env.AUDITLENS_SHARED
  ? path.resolve(process.env.AUDITLENS_SHARED)
  : path.resolve(__dirname, '../../../shared');
const DATA = path.join(SHARED, 'data');
const hasData = fs.existsSync(DATA);
if (!hasData) console.warn(`Skipping tests on real audit files: ${DATA} does not exist`);

function dataFile(...parts: string[]): string {
  return fs.readFileSync(path.join(DATA, ...parts), 'utf8');
}

function dataDir(...parts: string[]): string[] {
  return fs
    .readdirSync(path.join(DATA, ...parts))
    .sort()
    .map((name) => path.join(...parts, name));
}

function nonEmptyLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** Every line normalized; a rejected line fails the test with its reason. */
function normalizeLines(text: string, where: string): AuditEvent[] {
  return nonEmptyLines(text).flatMap((line, i) => {
    const result = normalizeText(line);
    if (!result.ok) throw new Error(`${where} line ${i + 1}: ${result.reason}`);
    return result.events;
  });
}

describe.skipIf(!hasData)(`real audit files under ${DATA}`, () => {
  test('kube-apiserver v1.34 log backend: 1143 events, 554 requests', () => {
    const files = dataDir('kube-apiserver-v1.34', 'log').filter((f) => f.endsWith('.log'));
    const events = files.flatMap((f) => normalizeLines(dataFile(f), f));
    expect(events).toHaveLength(1143);
    expect(new Set(events.map((e) => e.auditID)).size).toBe(554);
    expect(events.every((e) => e.shape === 'event' && e.apiVersion === 'audit.k8s.io/v1')).toBe(
      true,
    );
    expect(events.filter(countsAsRequest)).toHaveLength(554);
    const stages = events.map((e) => e.stage);
    expect(stages.filter((s) => s === 'RequestReceived')).toHaveLength(553);
    expect(stages.filter((s) => s === 'ResponseComplete')).toHaveLength(553);
    expect(stages.filter((s) => s === 'ResponseStarted')).toHaveLength(37);
  });

  test('kube-apiserver v1.34 log backend: exact values of chosen events', () => {
    const rotated = nonEmptyLines(
      dataFile('kube-apiserver-v1.34/log/audit-2026-11-23T03-50-57.013.log'),
    );
    const first = only(normalizeText(rotated[0] ?? ''));
    expect([first.auditID, first.stage, first.event.verb, first.event.user?.username]).toEqual([
      'f6f4a52e-98a7-42c8-a89f-55f948cc73b5',
      'RequestReceived',
      'list',
      'system:apiserver',
    ]);
    expect(first.time).toBe('2026-11-23T03:50:54.983282Z');

    const lines = nonEmptyLines(
      dataFile('kube-apiserver-v1.34/log/audit-2026-11-23T03-51-14.319.log'),
    );
    const unauthenticated = only(normalizeText(lines[51] ?? ''));
    expect(unauthenticated.auditID).toBe('4b6945b4-2e7b-47c1-b341-75300dadb02d');
    expect(unauthenticated.stage).toBe('ResponseStarted');
    expect(unauthenticated.event.user).toEqual({});
    expect(unauthenticated.event.responseStatus?.code).toBe(401);
    expect(countsAsRequest(unauthenticated)).toBe(true);

    const impersonated = only(normalizeText(lines[71] ?? ''));
    expect(impersonated.auditID).toBe('6f24889d-0882-447c-9865-ff53e5bd8b89');
    expect([
      impersonated.stage,
      impersonated.event.verb,
      impersonated.event.user?.username,
    ]).toEqual(['ResponseComplete', 'list', 'admin']);
    expect(impersonated.event.impersonatedUser?.username).toBe('alice');
    expect(impersonated.event.responseStatus?.code).toBe(403);
    expect(impersonated.time).toBe('2026-11-23T03:50:59.922812Z');
  });

  test('kube-apiserver v1.34 webhook backend: every batch is an EventList, 1112 events', () => {
    const files = dataDir('kube-apiserver-v1.34', 'webhook').filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(17);
    const events = files.flatMap((f) => {
      const result = expectOk(normalizeText(dataFile(f)));
      expect(result.shape).toBe('event-list');
      expect(result.rejected).toEqual([]);
      return result.events;
    });
    expect(events).toHaveLength(1112);
    expect(new Set(events.map((e) => e.auditID)).size).toBe(554);
    expect(
      events.every((e) => e.apiVersion === 'audit.k8s.io/v1' && e.event.apiVersion === undefined),
    ).toBe(true);
  });

  test('liggitt/audit2rbac v1beta1 log: 757 events timed by their timestamp', () => {
    const f = 'audit-samples/liggitt-audit2rbac/demo.v1beta1.original-501d132.log';
    const events = normalizeLines(dataFile(f), f);
    expect(events).toHaveLength(757);
    expect(events.filter((e) => e.stage === 'RequestReceived')).toHaveLength(320);
    expect(events.filter((e) => e.stage === 'ResponseComplete')).toHaveLength(437);
    expect(events.every((e) => e.apiVersion === 'audit.k8s.io/v1beta1')).toBe(true);
    const first = events[0] as AuditEvent;
    expect(first).toMatchObject({
      auditID: '033d17af-082d-4b24-aa22-627752e83d71',
      stage: 'ResponseComplete',
      time: '2017-09-11T19:55:05.000000Z',
      stageTime: undefined,
    });
    expect(first.event.verb).toBe('list');
    expect(first.event.user?.username).toBe('system:admin');
    expect(first.event.impersonatedUser?.username).toBe('bob');
  });

  test('falco trace files: 51 events, most without apiVersion; {"kind": 0} rejected', () => {
    const dir = 'audit-samples/falcosecurity-falco/k8s_audit';
    const files = dataDir(dir).filter((f) => f.endsWith('.json'));
    const negative = path.join(dir, 'fal_01_003.json');
    const events = files
      .filter((f) => f !== negative)
      .flatMap((f) => normalizeLines(dataFile(f), f));
    expect(events).toHaveLength(51);
    expect(events.filter((e) => e.apiVersion === '')).toHaveLength(38);
    expect(expectReason(normalizeText(dataFile(negative)))).toBe(
      'field kind: expected "Event" or "EventList", got number 0',
    );

    const exec = only(normalizeText(dataFile(dir, 'exec_pod.json')));
    expect(exec).toMatchObject({
      auditID: 'ca1ed9f4-7bf4-4c85-81a8-1b11253d1ba6',
      stage: 'ResponseStarted',
      time: '2018-10-26T13:38:34.867116Z',
      stageTime: '2018-10-26T13:38:34.902914Z',
      apiVersion: '',
      shape: 'event',
    });
    expect(exec.event.verb).toBe('create');
    expect(exec.event.user?.username).toBe('minikube-user');
    expect(exec.event.responseStatus?.code).toBe(101);
  });

  test('OpenShift ViaQ shipper documents, with the audit level put back', () => {
    const f =
      'audit-samples/openshift-cluster-logging-operator/hack-logsamples/viaq_audit_kubernetes.json';
    const event = only(normalizeText(dataFile(f)));
    expect(event).toMatchObject({
      auditID: '0aa7d5c9-1afd-4fc4-920c-e5d9e0b7befa',
      stage: 'ResponseComplete',
      time: '2023-10-18T17:24:14.412707Z',
      shape: 'openshift-viaq',
    });
    expect(event.event.level).toBe('Metadata');
    expect(event.event.user?.username).toBe('system:apiserver');
  });
});
