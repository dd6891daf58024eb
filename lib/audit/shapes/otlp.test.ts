import { describe, expect, test } from 'vitest';
import { normalize, normalizeText } from '../normalize';
import { SAMPLES, eventAt, expectOk, fieldsOf, haveSamples, sampleText } from './shape-test-kit';

const EVENT = {
  kind: 'Event',
  apiVersion: 'audit.k8s.io/v1',
  level: 'Metadata',
  auditID: 'otlp-1',
  stage: 'ResponseComplete',
  requestURI: '/api/v1/namespaces/demo/pods/web-0/exec?command=sh',
  verb: 'create',
  user: { username: 'alice', groups: ['system:authenticated'] },
  sourceIPs: ['10.0.0.8'],
  objectRef: { resource: 'pods', namespace: 'demo', name: 'web-0', subresource: 'exec' },
  responseStatus: { metadata: {}, code: 101 },
};
const NANOS = '1734635994839162050'; // 2024-12-19T19:19:54.839162050Z

const stringRecord = (event: unknown, extra: Record<string, unknown> = {}) => ({
  timeUnixNano: NANOS,
  observedTimeUnixNano: NANOS,
  body: { stringValue: JSON.stringify(event) },
  ...extra,
});
const logs = (...scopes: unknown[][]) => ({
  resourceLogs: scopes.map((logRecords) => ({
    resource: { attributes: [{ key: 'log_type', value: { stringValue: 'audit' } }] },
    scopeLogs: [{ scope: {}, logRecords }],
  })),
});

describe('otlp: inline resourceLogs', () => {
  test('the Event as body.stringValue; time from timeUnixNano when the Event has none', () => {
    const result = expectOk(normalize(logs([stringRecord(EVENT)])));
    expect(result.shape).toBe('otlp');
    const event = eventAt(result, 0);
    expect(event.event).toEqual(EVENT);
    expect(event.time).toBe('2024-12-19T19:19:54.839162Z');
    const observed = expectOk(normalize(logs([stringRecord(EVENT, { timeUnixNano: '0' })])));
    expect(eventAt(observed, 0).time).toBe('2024-12-19T19:19:54.839162Z');
  });

  test('a body parsed by a collector into a kvlistValue', () => {
    const kv = (key: string, value: unknown) => ({ key, value });
    const body = {
      kvlistValue: {
        values: [
          kv('auditID', { stringValue: 'otlp-kv' }),
          kv('stage', { stringValue: 'ResponseComplete' }),
          kv('verb', { stringValue: 'delete' }),
          kv('user', {
            kvlistValue: {
              values: [
                kv('username', { stringValue: 'bob' }),
                kv('groups', { arrayValue: { values: [{ stringValue: 'ops' }] } }),
              ],
            },
          }),
          kv('responseStatus', { kvlistValue: { values: [kv('code', { intValue: '200' })] } }),
          kv('requestReceivedTimestamp', { stringValue: '2026-11-23T03:51:03.616102Z' }),
        ],
      },
    };
    const event = eventAt(expectOk(normalize(logs([{ timeUnixNano: NANOS, body }]))), 0);
    expect(event.event).toEqual({
      auditID: 'otlp-kv',
      stage: 'ResponseComplete',
      verb: 'delete',
      user: { username: 'bob', groups: ['ops'] },
      responseStatus: { code: 200 },
      requestReceivedTimestamp: '2026-11-23T03:51:03.616102Z',
    });
  });

  test('bad records are set aside with an index counted across all scopes, and their path', () => {
    const result = expectOk(
      normalize(
        logs(
          [stringRecord(EVENT), { timeUnixNano: NANOS, body: { intValue: '5' } }],
          [
            'junk',
            stringRecord({ ...EVENT, auditID: 'otlp-2' }),
            { body: { stringValue: 'GET /healthz 200' } },
          ],
        ),
      ),
    );
    expect(result.events.map((e) => e.auditID)).toEqual(['otlp-1', 'otlp-2']);
    expect(result.rejected).toEqual([
      {
        index: 1,
        reason:
          'resourceLogs[0].scopeLogs[0].logRecords[1]: field body: expected the Event as a stringValue or kvlistValue, got object',
      },
      {
        index: 2,
        reason:
          'resourceLogs[1].scopeLogs[0].logRecords[0]: expected a log record object, got string "junk"',
      },
      {
        index: 4,
        reason:
          "resourceLogs[1].scopeLogs[0].logRecords[2]: field body.stringValue: not JSON: unexpected character 'G' at position 0",
      },
    ]);
  });

  test('a malformed container is named by its path, without an index', () => {
    const result = expectOk(
      normalize({ resourceLogs: [{ scopeLogs: {} }, 5, { scopeLogs: [{ logRecords: 'x' }] }] }),
    );
    expect(result.events).toEqual([]);
    expect(result.rejected).toEqual([
      { reason: 'resourceLogs[0].scopeLogs: expected an array, got object' },
      { reason: 'resourceLogs[1]: expected an object, got number 5' },
      { reason: 'resourceLogs[2].scopeLogs[0].logRecords: expected an array, got string "x"' },
    ]);
  });
});

const DIR = ['openshift-cluster-logging-operator', 'hack-logsamples'];

describe.skipIf(!haveSamples())(`otlp: real OpenShift exports under ${SAMPLES}`, () => {
  test('otlp_audit_kube.json: 3 records', () => {
    const result = expectOk(normalizeText(sampleText(...DIR, 'otlp_audit_kube.json')));
    expect([result.shape, result.rejected]).toEqual(['otlp', []]);
    expect(result.events.map(fieldsOf)).toEqual([
      {
        auditID: '90aab58a-d0c7-4c4c-9cba-b28799b9cd7d',
        stage: 'ResponseStarted',
        time: '2024-12-19T19:19:54.793861Z',
        user: 'system:multus:ip-10-0-74-191.ec2.internal',
        groups: ['system:multus', 'system:authenticated'],
        verb: 'watch',
        resource: 'network-attachment-definitions',
        apiGroup: 'k8s.cni.cncf.io',
        sourceIPs: ['10.0.33.68'],
        userAgent: 'multus-daemon/v0.0.0 (linux/amd64) kubernetes/$Format',
        code: 200,
      },
      {
        auditID: '5d313e2b-0db0-4df4-a799-74c36bfbef61',
        stage: 'ResponseComplete',
        time: '2024-12-19T19:19:54.824255Z',
        user: 'system:serviceaccount:openshift-cluster-csi-drivers:aws-ebs-csi-driver-controller-sa',
        groups: [
          'system:serviceaccounts',
          'system:serviceaccounts:openshift-cluster-csi-drivers',
          'system:authenticated',
        ],
        verb: 'get',
        resource: 'leases',
        namespace: 'openshift-cluster-csi-drivers',
        name: 'external-resizer-ebs-csi-aws-com',
        apiGroup: 'coordination.k8s.io',
        sourceIPs: ['10.130.0.12'],
        userAgent: 'csi-resizer/v0.0.0 (linux/amd64) kubernetes/$Format',
        code: 200,
      },
      {
        auditID: '4e7a95f1-d2a2-4ff5-89f7-6a2d592b37e7',
        stage: 'ResponseComplete',
        time: '2024-12-19T19:19:54.974692Z',
        user: 'system:apiserver',
        groups: ['system:masters'],
        verb: 'get',
        resource: 'endpoints',
        namespace: 'default',
        name: 'kubernetes',
        sourceIPs: ['::1'],
        userAgent: 'kube-apiserver/v1.29.7+4510e9c (linux/amd64) kubernetes/22026a0',
        code: 200,
      },
    ]);
  });

  test('otlp_audit_openshift.json: 3 records, one with two source IPs', () => {
    const result = expectOk(normalizeText(sampleText(...DIR, 'otlp_audit_openshift.json')));
    expect(result.rejected).toEqual([]);
    expect(result.events.map((e) => e.auditID)).toEqual([
      '49dd24b1-c07d-4bc3-8d62-677c4f0c72eb',
      '822ebfc9-ed28-440d-8997-b7f041d7fd3c',
      'b1f92ef4-96ed-42fa-90fb-c2cd53411ed8',
    ]);
    expect(fieldsOf(eventAt(result, 0))).toEqual({
      auditID: '49dd24b1-c07d-4bc3-8d62-677c4f0c72eb',
      stage: 'ResponseComplete',
      time: '2024-12-19T19:23:30.782088Z',
      user: 'system:serviceaccount:openshift-console-operator:console-operator',
      groups: [
        'system:serviceaccounts',
        'system:serviceaccounts:openshift-console-operator',
        'system:authenticated',
      ],
      verb: 'get',
      resource: 'routes',
      namespace: 'openshift-console',
      name: 'console',
      apiGroup: 'route.openshift.io',
      sourceIPs: ['10.0.62.189', '10.130.0.2'],
      userAgent: 'console/v0.0.0 (linux/amd64) kubernetes/$Format',
      code: 200,
    });
    expect(fieldsOf(eventAt(result, 2))).toEqual({
      auditID: 'b1f92ef4-96ed-42fa-90fb-c2cd53411ed8',
      stage: 'ResponseComplete',
      time: '2024-12-19T19:23:31.306699Z',
      user: 'system:serviceaccount:openshift-monitoring:prometheus-k8s',
      groups: ['system:authenticated'],
      verb: 'get',
      sourceIPs: ['10.129.2.10'],
      userAgent: 'Prometheus/2.52.0',
      code: 200,
    });
  });
});
