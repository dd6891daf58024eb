import { describe, expect, test } from 'vitest';
import { normalize, normalizeText } from '../normalize';
import { SAMPLES, expectOk, fieldsOf, haveSamples, onlyEvent, sampleText } from './shape-test-kit';

const EVENT = {
  kind: 'Event',
  apiVersion: 'audit.k8s.io/v1',
  auditID: 'viaq-1',
  stage: 'ResponseComplete',
  requestURI: '/api/v1/namespaces/demo/configmaps',
  verb: 'list',
  user: { username: 'system:admin', groups: ['system:masters'] },
  responseStatus: { metadata: {}, code: 200 },
  requestReceivedTimestamp: '2023-10-18T17:24:14.412707Z',
  stageTimestamp: '2023-10-18T17:24:14.413483Z',
};
const VIAQ = {
  '@timestamp': '2023-10-18T17:32:47.415928452Z',
  timestamp: '2023-10-18T17:32:47.415928452Z',
  hostname: 'ip-10-0-187-180.us-east-2.compute.internal',
  level: 'default',
  log_type: 'audit',
  log_source: 'kubeAPI',
  openshift: { cluster_id: 'd24a392b-dd87-4eb8-a1a9-7384423567e3' },
  source_type: 'file',
  tag: '.k8s-audit.log',
};

describe('openshift-viaq: inline documents', () => {
  test('the level comes back from k8s_audit_level; ViaQ fields and its timestamp go', () => {
    const event = onlyEvent(normalize({ ...VIAQ, ...EVENT, k8s_audit_level: 'RequestResponse' }));
    expect(event.shape).toBe('openshift-viaq');
    expect(event.event).toEqual({ level: 'RequestResponse', ...EVENT });
  });

  test('a level the shipper kept as an audit level stays, with no warning', () => {
    const result = expectOk(normalize({ ...VIAQ, ...EVENT, level: 'Metadata' }));
    expect(result.warnings).toBeUndefined();
    expect(result.events[0]?.event.level).toBe('Metadata');
  });

  test('a level that cannot be recovered is left out, and a warning says so', () => {
    const result = expectOk(normalize({ ...VIAQ, ...EVENT }));
    expect(result.events).toHaveLength(1);
    expect(result.events[0]?.event.level).toBeUndefined();
    expect(result.warnings).toEqual([
      'event viaq-1: audit level unknown: the shipper left level "default" and no k8s_audit_level or openshift_audit_level',
    ]);
  });

  test('a v1beta1 Event keeps its own timestamp', () => {
    const v1beta1 = {
      ...VIAQ,
      apiVersion: 'audit.k8s.io/v1beta1',
      auditID: 'old',
      stage: 'ResponseComplete',
      timestamp: '2017-09-11T19:55:05Z',
      openshift_audit_level: 'Metadata',
    };
    const event = onlyEvent(normalize(v1beta1));
    expect(event.event.timestamp).toBe('2017-09-11T19:55:05Z');
    expect(event.time).toBe('2017-09-11T19:55:05.000000Z');
  });

  test('log_type "audit" alone marks ViaQ; other shipper documents stay fluentd', () => {
    const { openshift: _o, ...noOpenshift } = VIAQ;
    expect(onlyEvent(normalize({ ...noOpenshift, ...EVENT })).shape).toBe('openshift-viaq');
    const fluentd = { ...EVENT, stream: 'stdout', time: '2023-10-18T17:24:15Z' };
    expect(onlyEvent(normalize(fluentd)).shape).toBe('fluentd');
  });
});

const DIR = ['openshift-cluster-logging-operator', 'hack-logsamples'];

describe.skipIf(!haveSamples())(`openshift-viaq: real documents under ${SAMPLES}`, () => {
  test('viaq_audit_kubernetes.json: level from k8s_audit_level', () => {
    const result = expectOk(normalizeText(sampleText(...DIR, 'viaq_audit_kubernetes.json')));
    expect(result.warnings).toBeUndefined();
    const event = onlyEvent(result);
    expect(event.shape).toBe('openshift-viaq');
    expect(event.event.level).toBe('Metadata');
    expect(fieldsOf(event)).toEqual({
      auditID: '0aa7d5c9-1afd-4fc4-920c-e5d9e0b7befa',
      stage: 'ResponseComplete',
      time: '2023-10-18T17:24:14.412707Z',
      user: 'system:apiserver',
      groups: ['system:masters'],
      verb: 'watch',
      resource: 'flowschemas',
      apiGroup: 'flowcontrol.apiserver.k8s.io',
      sourceIPs: ['::1'],
      userAgent: 'kube-apiserver/v1.26.6+73ac561 (linux/amd64) kubernetes/cbbd0bd',
      code: 200,
    });
    for (const key of ['hostname', 'openshift', 'timestamp', '@timestamp', 'k8s_audit_level']) {
      expect(Object.keys(event.event)).not.toContain(key);
    }
  });

  test('viaq_audit_openshift.json: level from openshift_audit_level', () => {
    const event = onlyEvent(normalizeText(sampleText(...DIR, 'viaq_audit_openshift.json')));
    expect(event.event.level).toBe('Metadata');
    expect(fieldsOf(event)).toEqual({
      auditID: 'b38f72ea-4552-4cb4-8b63-7328d95b1a04',
      stage: 'ResponseComplete',
      time: '2023-10-18T17:34:31.808985Z',
      user: 'system:apiserver',
      groups: ['system:masters'],
      verb: 'get',
      resource: 'oauthaccesstokens',
      name: 'sha256~7okfJ3RYY4qZlKVCeTtF-gDhFBSkc30QAMvhdzkgLTg',
      apiGroup: 'oauth.openshift.io',
      sourceIPs: ['::1'],
      userAgent: 'Go-http-client/2.0',
      code: 200,
    });
  });
});
