import { describe, expect, test } from 'vitest';
import { normalize, normalizeText } from '../normalize';
import { millisToIso, unixNanoToIso } from './wrapped';
import {
  SAMPLES,
  eventAt,
  expectOk,
  expectReason,
  fieldsOf,
  haveSamples,
  onlyEvent,
  sampleLines,
} from './shape-test-kit';

const EVENT = {
  kind: 'Event',
  apiVersion: 'audit.k8s.io/v1',
  level: 'Metadata',
  auditID: 'eks-1',
  stage: 'ResponseComplete',
  requestURI: '/api/v1/namespaces/kube-system/secrets',
  verb: 'list',
  user: { username: 'arn:aws:iam::111122223333:role/admin', groups: ['system:masters'] },
  sourceIPs: ['198.51.100.4'],
  userAgent: 'kubectl/v1.31.0 (linux/amd64) kubernetes/9edcffc',
  objectRef: { resource: 'secrets', namespace: 'kube-system', apiVersion: 'v1' },
  responseStatus: { metadata: {}, code: 200 },
  requestReceivedTimestamp: '2026-11-23T03:51:03.616102Z',
  stageTimestamp: '2026-11-23T03:51:03.620301Z',
};
const LOG_STREAM = 'kube-apiserver-audit-0123456789abcdef0123456789abcdef';
// 2026-11-23T03:51:04.250Z in epoch milliseconds.
const AT = Date.UTC(2026, 10, 23, 3, 51, 4, 250);

const logEvent = (message: unknown, extra: Record<string, unknown> = {}) => ({
  logStreamName: LOG_STREAM,
  timestamp: AT,
  message,
  ingestionTime: AT + 900,
  eventId: '38000000000000000000000000000000000000000000000000000000',
  ...extra,
});

describe('eks-cloudwatch: inline exports', () => {
  test('filter-log-events output: good events kept, bad ones set aside by index', () => {
    const { requestReceivedTimestamp: _r, stageTimestamp: _s, ...timeless } = EVENT;
    const result = expectOk(
      normalize({
        events: [
          logEvent(JSON.stringify(EVENT)),
          logEvent('time="2026-11-23T03:51:04Z" level=info msg="access granted"'),
          logEvent(JSON.stringify({ ...timeless, auditID: 'eks-2' })),
          logEvent(null),
          logEvent(JSON.stringify(['not', 'an', 'event'])),
        ],
        searchedLogStreams: [{ logStreamName: LOG_STREAM, searchedCompletely: true }],
      }),
    );
    expect(result.shape).toBe('eks-cloudwatch');
    expect(result.events.map((e) => [e.auditID, e.time, e.shape])).toEqual([
      ['eks-1', '2026-11-23T03:51:03.616102Z', 'eks-cloudwatch'],
      ['eks-2', '2026-11-23T03:51:04.250000Z', 'eks-cloudwatch'], // the log event's timestamp
    ]);
    expect(eventAt(result, 0).event).toEqual(EVENT);
    expect(result.rejected).toEqual([
      { index: 1, reason: "field message: not JSON: unexpected character 'i' at position 1" },
      { index: 3, reason: 'field message: expected the Event as JSON text, got null' },
      {
        index: 4,
        reason: 'field message: expected the JSON of an audit Event object, got array',
      },
    ]);
  });

  test('get-log-events output with no events is an empty result', () => {
    const result = expectOk(
      normalize({ events: [], nextForwardToken: 'f/1', nextBackwardToken: 'b/1' }),
    );
    expect([result.shape, result.events, result.rejected]).toEqual(['eks-cloudwatch', [], []]);
  });

  test('subscription filter DATA_MESSAGE', () => {
    const payload = {
      messageType: 'DATA_MESSAGE',
      owner: '111122223333',
      logGroup: '/aws/eks/demo/cluster',
      logStream: LOG_STREAM,
      subscriptionFilters: ['auditlens'],
      logEvents: [{ id: '1', timestamp: AT, message: JSON.stringify(EVENT) }],
    };
    const event = onlyEvent(normalizeText(JSON.stringify(payload)));
    expect(event).toMatchObject({ shape: 'eks-cloudwatch', auditID: 'eks-1' });
  });

  test('subscription filter CONTROL_MESSAGE: no events, nothing set aside, a warning', () => {
    const result = expectOk(
      normalize({
        messageType: 'CONTROL_MESSAGE',
        owner: 'CloudwatchLogs',
        logGroup: '',
        logStream: '',
        subscriptionFilters: [],
        logEvents: [
          {
            id: '',
            timestamp: AT,
            message: 'CWL CONTROL MESSAGE: Checking health of destination Firehose.',
          },
        ],
      }),
    );
    expect(result).toEqual({
      ok: true,
      shape: 'eks-cloudwatch',
      events: [],
      rejected: [],
      warnings: [
        'CloudWatch Logs CONTROL_MESSAGE: a subscription health check, which holds no audit events',
      ],
    });
  });

  test('an unknown messageType or a logEvents that is no array is rejected whole', () => {
    expect(expectReason(normalize({ messageType: 'PING', logEvents: [] }))).toBe(
      'field messageType: expected DATA_MESSAGE or CONTROL_MESSAGE, got string "PING"',
    );
    expect(expectReason(normalize({ messageType: 'DATA_MESSAGE', logEvents: {} }))).toBe(
      'field logEvents: expected an array, got object',
    );
  });

  test('epoch times', () => {
    expect(millisToIso(AT)).toBe('2026-11-23T03:51:04.250Z');
    expect(millisToIso('1700000000000')).toBe('2023-11-14T22:13:20.000Z');
    expect(millisToIso(-5)).toBeUndefined();
    expect(millisToIso('soon')).toBeUndefined();
    expect(unixNanoToIso('1734635994839162050')).toBe('2024-12-19T19:19:54.839162Z');
    expect(unixNanoToIso('999')).toBe('1970-01-01T00:00:00.000000Z');
    expect(unixNanoToIso('0')).toBeUndefined(); // OTLP: unset
    expect(unixNanoToIso('12a')).toBeUndefined();
  });
});

describe.skipIf(!haveSamples())(`eks-cloudwatch: real EKS Events under ${SAMPLES}`, () => {
  // Panther's EKS rule tests hold raw EKS audit Events (plus Panther's p_* fields, which a
  // CloudWatch message would not have): wrapped here as `aws logs filter-log-events` prints them.
  const message = (line: number): string => {
    const lines = sampleLines('panther-labs-panther-analysis', 'rule_tests_eks_raw_event.jsonl');
    const parsed: unknown = JSON.parse(lines[line - 1] ?? '');
    const fields = Object.entries(parsed ?? {}).filter(([key]) => !key.startsWith('p_'));
    return JSON.stringify(Object.fromEntries(fields));
  };

  test('four EKS Events in a filter-log-events export', () => {
    const exported = { events: [3, 9, 17, 18].map((line) => logEvent(message(line))) };
    const result = expectOk(normalizeText(JSON.stringify(exported)));
    expect(result.rejected).toEqual([]);
    expect(result.events.map(fieldsOf)).toEqual([
      {
        auditID: 'd976bfc6-a2bc-49d5-bdeb-074441e0b875',
        stage: 'ResponseComplete',
        time: '2024-11-13T18:34:10.595141Z',
        user: 'system:anonymous',
        groups: ['system:unauthenticated'],
        verb: 'get',
        sourceIPs: ['44.238.138.237'],
        userAgent: 'python-requests/2.31.0',
        code: 200,
      },
      {
        auditID: '35506555-dffc-4337-b2b1-c4af52b88e18',
        stage: 'ResponseStarted',
        time: '2022-11-29T00:09:04.380000Z',
        user: 'kubernetes-admin',
        groups: ['system:masters', 'system:authenticated'],
        verb: 'get',
        resource: 'pods',
        subresource: 'log',
        namespace: 'default',
        name: 'kube-bench-drn4j',
        sourceIPs: ['5.5.5.5'],
        userAgent: 'kubectl/v1.25.4 (darwin/arm64) kubernetes/872a965',
        code: 200,
      },
      {
        auditID: '43410f6e-9c19-482b-b2c7-f2cde260b0e9',
        stage: 'ResponseComplete',
        time: '2022-12-01T18:20:25.054000Z',
        user: 'eks:addon-manager',
        groups: ['system:authenticated'],
        verb: 'get',
        resource: 'deployments',
        namespace: 'kube-system',
        name: 'coredns',
        apiGroup: 'apps',
        sourceIPs: ['35.163.244.48'],
        userAgent: 'Go-http-client/1.1',
        code: 200,
      },
      {
        auditID: 'e5ca89e7-8686-4b7c-b666-f8b863b6f21c',
        stage: 'ResponseComplete',
        time: '2025-08-26T17:40:49.320496Z',
        user: 'system:node:ip-192-168-3-178.us-west-2.compute.internal',
        groups: ['system:nodes', 'system:authenticated'],
        verb: 'create',
        resource: 'serviceaccounts',
        subresource: 'token',
        namespace: 'kube-system',
        name: 'kube-proxy',
        sourceIPs: ['54.212.83.236'],
        userAgent: 'kubelet/v1.32.0 (linux/arm64) kubernetes/e105b10',
        code: 201,
      },
    ]);
    expect(result.events.every((e) => e.shape === 'eks-cloudwatch')).toBe(true);
  });
});
