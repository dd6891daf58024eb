import { describe, expect, test } from 'vitest';
import { normalize, normalizeText } from '../normalize';
import {
  SAMPLES,
  eventAt,
  expectOk,
  expectReason,
  fieldsOf,
  haveSamples,
  onlyEvent,
  sampleLines,
  sampleText,
} from './shape-test-kit';

const EVENT = {
  kind: 'Event',
  apiVersion: 'audit.k8s.io/v1',
  level: 'Metadata',
  auditID: 'aks-1',
  stage: 'ResponseComplete',
  requestURI: '/api/v1/namespaces/demo/secrets/db',
  verb: 'get',
  user: { username: 'alice@example.com', groups: ['system:authenticated'] },
  sourceIPs: ['20.1.2.3'],
  objectRef: { resource: 'secrets', namespace: 'demo', name: 'db', apiVersion: 'v1' },
  responseStatus: { metadata: {}, code: 200 },
  requestReceivedTimestamp: '2026-11-23T03:51:03.616102Z',
  stageTimestamp: '2026-11-23T03:51:03.620301Z',
};

const record = (log: unknown, extra: Record<string, unknown> = {}) => ({
  operationName: 'Microsoft.ContainerService/managedClusters/diagnosticLogs/Read',
  category: 'kube-audit',
  properties: { log, stream: 'stdout', pod: 'kube-apiserver-6df5497d6d-g2vd7' },
  time: '2026-11-23T03:51:04.0000000Z',
  ...extra,
});

describe('aks: inline records', () => {
  test('a single record whose properties.log is the Event as JSON text', () => {
    const event = onlyEvent(normalize(record(JSON.stringify(EVENT))));
    expect(event).toMatchObject({ shape: 'aks', auditID: 'aks-1', apiVersion: 'audit.k8s.io/v1' });
    expect(event.event).toEqual(EVENT);
  });

  test('properties.log as an object, category kube-audit-admin', () => {
    const event = onlyEvent(normalize(record(EVENT, { category: 'kube-audit-admin' })));
    expect(event.event).toBe(EVENT);
  });

  test('the record time is used only when the Event has none', () => {
    const { requestReceivedTimestamp: _r, stageTimestamp: _s, ...timeless } = EVENT;
    expect(onlyEvent(normalize(record(EVENT))).time).toBe('2026-11-23T03:51:03.616102Z');
    expect(onlyEvent(normalize(record(timeless))).time).toBe('2026-11-23T03:51:04.000000Z');
    expect(expectReason(normalize(record(timeless, { time: undefined })))).toMatch(/no time/);
  });

  test('a records batch keeps good records and sets aside the others by index', () => {
    const batch = {
      records: [
        record(JSON.stringify(EVENT)),
        record('I1123 03:51:03.616 started', { category: 'kube-apiserver' }),
        record('{"kind":"Event", "verb": '),
        record(42),
        'not a record',
        record(JSON.stringify({ ...EVENT, auditID: 'aks-2' })),
      ],
    };
    const result = expectOk(normalize(batch));
    expect(result.shape).toBe('aks');
    expect(result.events.map((e) => e.auditID)).toEqual(['aks-1', 'aks-2']);
    expect(result.rejected).toEqual([
      {
        index: 1,
        reason:
          'diagnostic record of category "kube-apiserver" holds no audit event: expected category kube-audit or kube-audit-admin',
      },
      {
        index: 2,
        reason:
          'field properties.log: truncated JSON: input ends before the value is complete (at byte 25)',
      },
      {
        index: 3,
        reason: 'field properties.log: expected the Event as JSON text or an object, got number 42',
      },
      { index: 4, reason: 'expected an Azure diagnostic record object, got string "not a record"' },
    ]);
  });

  test('a single record of another category is rejected naming it', () => {
    expect(expectReason(normalize(record('x', { category: 'guard' })))).toMatch(
      /^diagnostic record of category "guard" holds no audit event/,
    );
  });

  test('an oversized record or Event is set aside', () => {
    const big = JSON.stringify({ ...EVENT, requestObject: { blob: 'x'.repeat(3000) } });
    const opts = { maxEventBytes: 2048 };
    const result = expectOk(normalize({ records: [record(big), record(EVENT)] }, opts));
    expect(result.events).toHaveLength(1);
    expect(result.rejected).toEqual([
      { index: 0, reason: expect.stringMatching(/^event is 3\.\d KiB, over the 2\.0 KiB limit$/) },
    ]);
    expect(expectReason(normalize(record(big), opts))).toMatch(
      /^field properties\.log: event is 3\.\d KiB, over the 2\.0 KiB limit$/,
    );
  });

  test('a plain Event is still an Event, not AKS', () => {
    expect(expectOk(normalize(EVENT)).shape).toBe('event');
  });
});

describe.skipIf(!haveSamples())(`aks: real records under ${SAMPLES}`, () => {
  test('sysdig Event Hubs batch: 22 kube-audit records, Events as JSON text', () => {
    const result = expectOk(normalizeText(sampleText('sysdiglabs-aks-audit-log', 'event.json')));
    expect(result.shape).toBe('aks');
    expect(result.rejected).toEqual([]);
    expect(result.events).toHaveLength(22);
    expect(fieldsOf(eventAt(result, 2))).toEqual({
      auditID: 'c8a9b881-23a1-464b-8c82-dae1981b34c1',
      stage: 'ResponseComplete',
      time: '2020-05-05T16:16:37.699072Z',
      user: 'aksService',
      groups: ['system:masters', 'system:authenticated'],
      verb: 'create',
      resource: 'configmaps',
      subresource: undefined,
      namespace: 'kube-system',
      name: 'coredns-custom',
      apiGroup: undefined,
      sourceIPs: ['172.31.9.219'],
      userAgent: 'kubectl/v1.13.2 (linux/amd64) kubernetes/cff46ab',
      code: 409,
    });
    expect(fieldsOf(eventAt(result, 11))).toEqual({
      auditID: 'a7d1e9a6-eb19-42cd-92b4-719b2dc477db',
      stage: 'ResponseStarted',
      time: '2020-05-05T16:16:38.104915Z',
      user: 'nodeclient',
      groups: ['system:nodes', 'system:authenticated'],
      verb: 'watch',
      resource: 'configmaps',
      subresource: undefined,
      namespace: 'kube-system',
      name: 'container-azm-ms-agentconfig',
      apiGroup: undefined,
      sourceIPs: ['52.141.212.165'],
      userAgent: 'kubelet/v1.15.10 (linux/amd64) kubernetes/059c666',
      code: 200,
    });
    expect(fieldsOf(eventAt(result, 14))).toEqual({
      auditID: 'adf28da3-018f-4756-9e4a-beb1009cab70',
      stage: 'ResponseComplete',
      time: '2020-05-05T16:16:38.279927Z',
      user: 'aksService',
      groups: ['system:masters', 'system:authenticated'],
      verb: 'get',
      resource: 'clusterrolebindings',
      subresource: undefined,
      namespace: undefined,
      name: 'aks-cluster-admin-binding',
      apiGroup: 'rbac.authorization.k8s.io',
      sourceIPs: ['172.31.9.219'],
      userAgent: 'kubectl/v1.13.2 (linux/amd64) kubernetes/cff46ab',
      code: 200,
    });
  });

  test('sysdig single diagnostic record (BOM, properties.log as JSON text)', () => {
    const text = sampleText('sysdiglabs-aks-audit-log', 'sample_EventHubs_event.json');
    const event = onlyEvent(normalizeText(text));
    expect(event.shape).toBe('aks');
    expect(fieldsOf(event)).toEqual({
      auditID: '4e2a4193-cb3d-4ff7-bf37-32c392fbc23b',
      stage: 'ResponseComplete',
      time: '2020-05-08T22:44:17.862201Z',
      user: 'system:serviceaccount:kube-system:generic-garbage-collector',
      groups: [
        'system:serviceaccounts',
        'system:serviceaccounts:kube-system',
        'system:authenticated',
      ],
      verb: 'get',
      sourceIPs: ['172.31.9.19'],
      userAgent:
        'hyperkube/v1.15.10 (linux/amd64) kubernetes/059c666/system:serviceaccount:kube-system:generic-garbage-collector',
      code: 200,
    });
    expect(event.event.requestURI).toBe('/apis/autoscaling/v2beta1?timeout=32s');
  });

  test('Panther rule tests: no record has a time, so each needs a fallback time', () => {
    const lines = sampleLines('panther-labs-panther-analysis', 'rule_tests_aks_diagnostic.jsonl');
    expect(lines).toHaveLength(34);
    for (const line of lines) expect(expectReason(normalizeText(line))).toMatch(/no time/);
    const fallbackTime = '2024-03-20T10:00:00Z';
    const anonymous = onlyEvent(normalizeText(lines[1] ?? '', { fallbackTime }));
    expect(fieldsOf(anonymous)).toEqual({
      auditID: 'abc-123',
      stage: 'ResponseComplete',
      time: '2024-03-20T10:00:00.000000Z',
      user: 'system:anonymous',
      groups: ['system:unauthenticated'],
      verb: 'get',
      resource: 'pods',
      namespace: 'default',
      name: 'test-pod',
      sourceIPs: ['10.0.0.1'],
      userAgent: 'kubectl/v1.28.0',
      code: 200,
    });
    const exec = onlyEvent(normalizeText(lines[7] ?? '', { fallbackTime }));
    expect(fieldsOf(exec)).toMatchObject({
      stage: 'ResponseStarted',
      user: 'masterclient',
      groups: ['system:masters', 'system:authenticated'],
      verb: 'get',
      resource: 'pods',
      subresource: 'exec',
      namespace: 'default',
      name: 'nginx-pod',
      sourceIPs: ['20.43.245.209', '172.31.52.37'],
      userAgent: 'kubectl/v1.35.0',
      code: 101,
    });
    expect(exec.auditID).toMatch(/^sha256:/); // the rule test gives no auditID
  });
});
