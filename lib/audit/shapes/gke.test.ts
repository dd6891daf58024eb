import { describe, expect, test } from 'vitest';
import { normalize, normalizeText } from '../normalize';
import { ORIGINAL_KEY } from '../types';
import { kubernetesCall } from './gke-call';
import { AUDIT_LOG_TYPE } from './gke';
import { httpStatusOfGrpcCode } from './grpc-status';
import {
  SAMPLES,
  expectOk,
  expectReason,
  fieldsOf,
  haveSamples,
  onlyEvent,
  sampleLines,
  sampleText,
} from './shape-test-kit';

// A GKE exec as Cloud Logging writes it (values made up).
const EXEC_ENTRY = {
  insertId: 'b2d2e4f0-1',
  logName: 'projects/demo/logs/cloudaudit.googleapis.com%2Factivity',
  operation: { id: 'op-exec-1', producer: 'k8s.io', first: true, last: false },
  protoPayload: {
    '@type': AUDIT_LOG_TYPE,
    authenticationInfo: { principalEmail: 'alice@example.com' },
    authorizationInfo: [
      {
        granted: true,
        permission: 'io.k8s.core.v1.pods.exec.create',
        resource: 'core/v1/namespaces/demo/pods/web-0/exec',
      },
    ],
    methodName: 'io.k8s.core.v1.pods.exec.create',
    requestMetadata: { callerIp: '203.0.113.7', callerSuppliedUserAgent: 'kubectl/v1.31.0' },
    resourceName: 'core/v1/namespaces/demo/pods/web-0/exec',
    serviceName: 'k8s.io',
    status: {},
  },
  labels: { 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': '' },
  resource: { type: 'k8s_cluster', labels: { cluster_name: 'demo', project_id: 'demo' } },
  timestamp: '2026-11-23T03:51:03.616102345Z',
  receiveTimestamp: '2026-11-23T03:51:04.100000Z',
};

const BODIES = { request: { '@type': 'k8s.io/Exec' }, response: { ok: true } };

const entry = (payload: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ...EXEC_ENTRY,
  protoPayload: { ...EXEC_ENTRY.protoPayload, ...payload },
  ...extra,
});

describe('gke: names to a Kubernetes request', () => {
  test.each([
    [
      'io.k8s.core.v1.pods.exec.create',
      'core/v1/namespaces/demo/pods/web-0/exec',
      {
        verb: 'create',
        objectRef: {
          resource: 'pods',
          subresource: 'exec',
          namespace: 'demo',
          name: 'web-0',
          apiVersion: 'v1',
        },
      },
    ],
    [
      'io.k8s.apps.v1.deployments.patch',
      'apps/v1/namespaces/x/deployments/y',
      {
        verb: 'patch',
        objectRef: {
          resource: 'deployments',
          namespace: 'x',
          name: 'y',
          apiGroup: 'apps',
          apiVersion: 'v1',
        },
      },
    ],
    [
      'io.k8s.authorization.rbac.v1.clusterrolebindings.create',
      'rbac.authorization.k8s.io/v1/clusterrolebindings/admin-binding',
      {
        verb: 'create',
        objectRef: {
          resource: 'clusterrolebindings',
          name: 'admin-binding',
          apiGroup: 'rbac.authorization.k8s.io',
          apiVersion: 'v1',
        },
      },
    ],
    [
      'io.k8s.core.v1.pods.list',
      'core/v1/namespaces/default/pods',
      { verb: 'list', objectRef: { resource: 'pods', namespace: 'default', apiVersion: 'v1' } },
    ],
    [
      'io.k8s.core.v1.namespaces.delete',
      'core/v1/namespaces/demo',
      { verb: 'delete', objectRef: { resource: 'namespaces', name: 'demo', apiVersion: 'v1' } },
    ],
    [
      'io.k8s.core.v1.namespaces.finalize.update',
      'core/v1/namespaces/demo/finalize',
      {
        verb: 'update',
        objectRef: {
          resource: 'namespaces',
          subresource: 'finalize',
          name: 'demo',
          apiVersion: 'v1',
        },
      },
    ],
    [
      'io.k8s.coordination.v1beta1.leases.update',
      undefined,
      { verb: 'update', objectRef: { resource: 'leases', apiVersion: 'v1beta1' } },
    ],
    ['io.k8s.readyz', undefined, { requestURI: '/readyz' }],
    ['io.k8s.readyz', '/readyz', { requestURI: '/readyz' }],
  ])('%s %s', (method, resourceName, want) => {
    expect(kubernetesCall(method, resourceName, 'k8s.io')).toEqual(want);
  });

  test('methods of other services and malformed ones are not Kubernetes calls', () => {
    expect(
      kubernetesCall(
        'v2.deploymentmanager.deployments.insert',
        undefined,
        'deploymentmanager.googleapis.com',
      ),
    ).toBe(
      'protoPayload.methodName "v2.deploymentmanager.deployments.insert" is not a Kubernetes API call (expected io.k8s.…): not a GKE audit event',
    );
    expect(kubernetesCall('io.k8s.core.v1.pods', undefined, 'k8s.io')).toBe(
      'protoPayload.methodName "io.k8s.core.v1.pods": expected io.k8s.<group>.<version>.<resource>.<verb>',
    );
  });

  test.each([
    [0, 200],
    [3, 400],
    [5, 404],
    [6, 409],
    [7, 403],
    [8, 429],
    [10, 409],
    [13, 500],
    [14, 503],
    [16, 401],
    [17, undefined],
    [-1, undefined],
    [1.5, undefined],
  ])('gRPC code %d is HTTP %s', (grpc, http) => {
    expect(httpStatusOfGrpcCode(grpc)).toBe(http);
  });
});

describe('gke: inline LogEntries', () => {
  test('an exec that started: every field, and the entry kept without its bodies', () => {
    const withBodies = entry(BODIES);
    const event = onlyEvent(normalize(withBodies));
    expect(event.shape).toBe('gke');
    expect(fieldsOf(event)).toEqual({
      auditID: 'op-exec-1',
      stage: 'ResponseStarted', // operation.first without last: a long-running call began
      time: '2026-11-23T03:51:03.616102Z',
      user: 'alice@example.com',
      groups: undefined,
      verb: 'create',
      resource: 'pods',
      subresource: 'exec',
      namespace: 'demo',
      name: 'web-0',
      apiGroup: undefined,
      sourceIPs: ['203.0.113.7'],
      userAgent: 'kubectl/v1.31.0',
      code: 200,
    });
    expect(event.apiVersion).toBe('');
    expect(event.event.level).toBeUndefined(); // GKE does not record it
    expect(event.event.annotations).toEqual(EXEC_ENTRY.labels);
    expect(event.event.requestObject).toEqual({ '@type': 'k8s.io/Exec' });
    expect(event.event.responseObject).toEqual({ ok: true });
    // The entry minus the bodies now in requestObject and responseObject.
    expect(event.event[ORIGINAL_KEY]).toEqual(EXEC_ENTRY);
    expect(withBodies).toEqual(entry(BODIES)); // the input is not modified
  });

  test('stage: a last entry, or one without operation, is ResponseComplete', () => {
    const last = entry({}, { operation: { id: 'op-exec-1', first: false, last: true } });
    expect(onlyEvent(normalize(last)).stage).toBe('ResponseComplete');
    const { operation: _o, ...noOperation } = EXEC_ENTRY;
    const event = onlyEvent(normalize(noOperation));
    expect(event).toMatchObject({ stage: 'ResponseComplete', auditID: 'b2d2e4f0-1' }); // insertId
  });

  test('code: a Kubernetes Status response gives the exact code; else the gRPC code maps', () => {
    const status = {
      '@type': 'core.k8s.io/v1.Status',
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'AlreadyExists',
      message: 'pods "web-0" already exists',
      code: 409,
    };
    const conflict = onlyEvent(normalize(entry({ status: { code: 6 }, response: status })));
    expect(conflict.event.responseStatus).toEqual({
      code: 409,
      status: 'Failure',
      reason: 'AlreadyExists',
      message: 'pods "web-0" already exists',
    });
    const denied = onlyEvent(normalize(entry({ status: { code: 7, message: 'Forbidden' } })));
    expect(denied.event.responseStatus).toEqual({ code: 403, message: 'Forbidden' });
    const unknown = onlyEvent(normalize(entry({ status: { code: 99 } })));
    expect(unknown.event.responseStatus).toEqual({});
    const { status: _s, ...noStatus } = EXEC_ENTRY.protoPayload;
    const none = onlyEvent(normalize({ ...EXEC_ENTRY, protoPayload: noStatus }));
    expect(none.event.responseStatus).toBeUndefined();
  });

  test('time: timestamp, else receiveTimestamp, else the fallback time', () => {
    const { timestamp: _t, ...received } = EXEC_ENTRY;
    expect(onlyEvent(normalize(received)).time).toBe('2026-11-23T03:51:04.100000Z');
    const { receiveTimestamp: _r, ...timeless } = received;
    expect(expectReason(normalize(timeless))).toMatch(/no time/);
    const fallbackTime = '2026-11-24T00:00:00Z';
    expect(onlyEvent(normalize(timeless, { fallbackTime })).time).toBe(
      '2026-11-24T00:00:00.000000Z',
    );
    expect(expectReason(normalize({ ...EXEC_ENTRY, timestamp: 'yesterday' }))).toMatch(
      /^field timestamp: cannot read string "yesterday" as a time/,
    );
  });

  test('a non-resource call keeps its path as the request URI', () => {
    const readyz = entry({ methodName: 'io.k8s.readyz', resourceName: '/readyz' });
    const event = onlyEvent(normalize(readyz));
    expect(event.event.requestURI).toBe('/readyz');
    expect(event.event.verb).toBeUndefined();
    expect(event.event.objectRef).toBeUndefined();
  });

  test('an entries list keeps good entries and sets the others aside by index', () => {
    const result = expectOk(
      normalize({
        entries: [
          EXEC_ENTRY,
          entry({ methodName: 'compute.instances.list', serviceName: 'compute.googleapis.com' }),
          entry({ '@type': 'type.googleapis.com/google.cloud.audit.DataAccess' }),
          { ...EXEC_ENTRY, protoPayload: 'x' },
          7,
          entry({ methodName: 5 }),
        ],
        nextPageToken: 'abc',
      }),
    );
    expect(result.shape).toBe('gke');
    expect(result.events.map((e) => e.auditID)).toEqual(['op-exec-1']);
    expect(result.rejected).toEqual([
      {
        index: 1,
        reason:
          'protoPayload.methodName "compute.instances.list" is not a Kubernetes API call (expected io.k8s.…): not a GKE audit event',
      },
      {
        index: 2,
        reason:
          'field protoPayload.@type: expected "type.googleapis.com/google.cloud.audit.AuditLog", got "type.googleapis.com/google.cloud.audit.DataAccess"',
      },
      {
        index: 3,
        reason: 'field protoPayload: expected a Cloud Audit Logs AuditLog object, got string "x"',
      },
      { index: 4, reason: 'expected a Cloud Logging LogEntry object, got number 7' },
      { index: 5, reason: 'field protoPayload.methodName: expected a string, got number 5' },
    ]);
  });

  test('an entry whose labels are not all strings keeps only the string ones as annotations', () => {
    const event = onlyEvent(normalize({ ...EXEC_ENTRY, labels: { a: 'b', n: 3 } }));
    expect(event.event.annotations).toEqual({ a: 'b' });
  });
});

const KHI = 'GoogleCloudPlatform-khi';
const PANTHER = 'panther-labs-panther-analysis';

describe.skipIf(!haveSamples())(`gke: real LogEntries under ${SAMPLES}`, () => {
  const khi = (n: string) =>
    onlyEvent(
      normalizeText(sampleText(KHI, `k8s_audit__container_recorder_test_${n}.converted.jsonl`)),
    );

  test('KHI: a pod create and its status patches (Cloud Audit Logs activity log)', () => {
    const create = khi('1_1');
    expect(fieldsOf(create)).toEqual({
      auditID: '85371f7c-2383-4041-96e8-dad63d2d1990',
      stage: 'ResponseComplete',
      time: '2024-01-01T01:00:00.000000Z',
      user: 'system:serviceaccount:kube-system:replicaset-controller',
      groups: undefined,
      verb: 'create',
      resource: 'pods',
      subresource: undefined,
      namespace: '1-2-deployment-update',
      name: 'nginx-deployment-surge-8655b4b8c5-xf5f4',
      apiGroup: undefined,
      sourceIPs: ['172.16.0.3'],
      userAgent:
        'kube-controller-manager/v1.28.14 (linux/amd64) kubernetes/a4ef1a6/system:serviceaccount:kube-system:replicaset-controller',
      code: 200,
    });
    expect(create.event.annotations?.['pod-security.kubernetes.io/enforce-policy']).toBe(
      'privileged:latest',
    );
    expect(create.event.requestObject).toMatchObject({
      '@type': 'core.k8s.io/v1.Pod',
      kind: 'Pod',
    });
    for (const [n, auditID] of [
      ['1_2', 'c7842d26-11fe-446a-b985-b2b67ddbab09'],
      ['1_3', '7bf65423-5d85-43a0-aaf7-30a2ce7475df'],
    ] as const) {
      expect(fieldsOf(khi(n))).toEqual({
        auditID,
        stage: 'ResponseComplete',
        time: '2024-01-01T01:00:00.000000Z',
        user: 'system:node:gke-sample-cluster-default-abcdefgh-abcd',
        groups: undefined,
        verb: 'patch',
        resource: 'pods',
        subresource: 'status',
        namespace: '1-2-deployment-update',
        name: 'nginx-deployment-surge-8655b4b8c5-xf5f4',
        apiGroup: undefined,
        sourceIPs: ['10.146.0.7'],
        userAgent: 'kubelet/v1.28.14 (linux/amd64) kubernetes/a4ef1a6',
        code: 200,
      });
    }
  });

  test('Panther: 14 of 57 kept; the others are not Kubernetes calls or have no time', () => {
    const lines = sampleLines(PANTHER, 'rule_tests_gke_cloud_audit.jsonl');
    expect(lines).toHaveLength(57);
    const results = lines.map((line) => normalizeText(line));
    const kept = results.flatMap((r, i) => (r.ok ? [i + 1] : []));
    expect(kept).toEqual([10, 11, 12, 15, 16, 17, 18, 19, 20, 21, 22, 23, 42, 43]);
    const reasons = results.flatMap((r) => (r.ok ? [] : [r.reason]));
    expect(reasons.filter((r) => /not a Kubernetes API call/.test(r))).toHaveLength(6);
    expect(reasons.filter((r) => /no time/.test(r))).toHaveLength(37);
  });

  test('Panther: a 409 from the Status response, space-separated time, callerIP', () => {
    const lines = sampleLines(PANTHER, 'rule_tests_gke_cloud_audit.jsonl');
    expect(fieldsOf(onlyEvent(normalizeText(lines[17] ?? '')))).toEqual({
      auditID: expect.stringMatching(/^sha256:/),
      stage: 'ResponseComplete',
      time: '2024-02-13T13:13:24.079140Z',
      user: 'john.doe@company.com',
      groups: undefined,
      verb: 'create',
      resource: 'pods',
      subresource: undefined,
      namespace: 'default',
      name: 'test-privileged-pod',
      apiGroup: undefined,
      sourceIPs: ['1.2.3.4'],
      userAgent: undefined,
      code: 409,
    });
  });

  test('Panther: an exec, a denied list and an RBAC patch (given a fallback time)', () => {
    const lines = sampleLines(PANTHER, 'rule_tests_gke_cloud_audit.jsonl');
    const fallbackTime = '2024-02-13T00:00:00Z';
    const at = (line: number) =>
      fieldsOf(onlyEvent(normalizeText(lines[line - 1] ?? '', { fallbackTime })));
    expect(at(4)).toEqual({
      auditID: expect.stringMatching(/^sha256:/),
      stage: 'ResponseComplete',
      time: '2024-02-13T00:00:00.000000Z',
      user: 'disallowed.user@example.com',
      groups: undefined,
      verb: 'create',
      resource: 'pods',
      subresource: 'exec',
      namespace: 'example',
      name: 'one-off-valerii-tovstyk-1646666967280',
      apiGroup: undefined,
      sourceIPs: ['88.88.88.88'],
      userAgent: 'kubectl/v1.40.8 (darwin/amd64) kubernetes/6575935',
      code: undefined,
    });
    expect(at(36)).toMatchObject({
      user: 'user@example.com',
      verb: 'list',
      resource: 'pods',
      namespace: 'default',
      name: undefined,
      sourceIPs: ['1.2.3.4'],
      userAgent: 'kubectl/v1.27.0',
      code: 403,
    });
    expect(at(57)).toMatchObject({
      user: 'user@company.com',
      verb: 'patch',
      resource: 'roles',
      namespace: 'kube-system',
      name: 'system:controller',
      apiGroup: 'rbac.authorization.k8s.io',
      sourceIPs: ['8.8.8.8'],
    });
  });
});
