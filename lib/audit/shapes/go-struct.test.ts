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
  sampleText,
} from './shape-test-kit';

const GO_ITEM = {
  Level: 'Request',
  AuditID: 'go-1',
  Stage: 'ResponseComplete',
  RequestURI: '/api/v1/namespaces/demo/pods/web-0/exec',
  Verb: 'create',
  User: { Username: 'alice', UID: '', Groups: ['dev'], Extra: { 'Scopes.Example/x': ['a'] } },
  ImpersonatedUser: null,
  SourceIPs: ['10.0.0.9'],
  UserAgent: 'kubectl/v1.31.0',
  ObjectRef: {
    Resource: 'pods',
    Namespace: 'demo',
    Name: 'web-0',
    UID: '',
    APIGroup: '',
    APIVersion: 'v1',
    ResourceVersion: '',
    Subresource: 'exec',
  },
  ResponseStatus: { metadata: {}, Code: 101 },
  RequestObject: { Kind: 'PodExecOptions', Command: ['sh'] },
  RequestReceivedTimestamp: '2026-11-23T03:51:03.616102Z',
  StageTimestamp: '2026-11-23T03:51:03.620301Z',
  Annotations: { 'authorization.k8s.io/decision': 'allow' },
};

describe('go-struct: inline bodies', () => {
  test('field names mapped case-insensitively, nested structs too, bodies and maps untouched', () => {
    const result = expectOk(normalize({ Items: [GO_ITEM] }));
    expect(result.shape).toBe('go-struct');
    expect(eventAt(result, 0).event).toEqual({
      level: 'Request',
      auditID: 'go-1',
      stage: 'ResponseComplete',
      requestURI: '/api/v1/namespaces/demo/pods/web-0/exec',
      verb: 'create',
      user: { username: 'alice', uid: '', groups: ['dev'], extra: { 'Scopes.Example/x': ['a'] } },
      impersonatedUser: null,
      sourceIPs: ['10.0.0.9'],
      userAgent: 'kubectl/v1.31.0',
      // An untagged struct writes "" for each unset (omitempty) field: those are dropped.
      objectRef: {
        resource: 'pods',
        namespace: 'demo',
        name: 'web-0',
        apiVersion: 'v1',
        subresource: 'exec',
      },
      responseStatus: { metadata: {}, code: 101 },
      requestObject: { Kind: 'PodExecOptions', Command: ['sh'] },
      requestReceivedTimestamp: '2026-11-23T03:51:03.616102Z',
      stageTimestamp: '2026-11-23T03:51:03.620301Z',
      annotations: { 'authorization.k8s.io/decision': 'allow' },
    });
  });

  test('the list apiVersion is read in any case; a wrong one rejects the body', () => {
    const result = expectOk(
      normalize({ Kind: 'EventList', APIVersion: 'audit.k8s.io/v1', Items: [GO_ITEM] }),
    );
    expect(eventAt(result, 0).apiVersion).toBe('audit.k8s.io/v1');
    expect(expectReason(normalize({ APIVersion: 'v1', Items: [] }))).toBe(
      'EventList: unsupported apiVersion "v1" (that is a Kubernetes core Event, not an audit event): expected audit.k8s.io/v1 or audit.k8s.io/v1beta1',
    );
  });

  test('bad items are set aside by index', () => {
    const result = expectOk(
      normalize({
        ITEMS: [GO_ITEM, 'x', { ...GO_ITEM, Verb: 7 }, { ...GO_ITEM, AuditID: 'go-2' }],
      }),
    );
    expect(result.events.map((e) => e.auditID)).toEqual(['go-1', 'go-2']);
    expect(result.rejected).toEqual([
      { index: 1, reason: 'expected an Event object, got string "x"' },
      { index: 2, reason: 'field verb: expected a string, got number 7' },
    ]);
  });

  test('a single Go-cased Event', () => {
    const event = onlyEvent(normalize(GO_ITEM));
    expect(event).toMatchObject({ shape: 'go-struct', auditID: 'go-1', stage: 'ResponseComplete' });
  });

  test('of two spellings of one field the later wins, as in Go', () => {
    const event = onlyEvent(normalize({ Items: [{ ...GO_ITEM, verb: 'get' }] }));
    expect(event.event.verb).toBe('get');
    const { Verb: _v, ...noVerb } = GO_ITEM;
    expect(
      onlyEvent(normalize({ Items: [{ verb: 'get', ...noVerb, VERB: 'list' }] })).event.verb,
    ).toBe('list');
  });
});

describe.skipIf(!haveSamples())(
  `go-struct: the real crowdsec webhook body under ${SAMPLES}`,
  () => {
    test('webhook_body_valid_json.json: two items (the same event twice)', () => {
      const text = sampleText('crowdsecurity-crowdsec', 'webhook_body_valid_json.json');
      const result = expectOk(normalizeText(text));
      expect([result.shape, result.rejected, result.events.length]).toEqual(['go-struct', [], 2]);
      const expected = {
        auditID: '2fca7950-03b6-41fa-95cd-08c5bcec8487',
        stage: 'ResponseComplete',
        time: '2022-09-26T15:24:52.316938Z',
        user: 'minikube-user',
        groups: ['system:masters', 'system:authenticated'],
        verb: 'create',
        resource: 'pods',
        subresource: undefined,
        namespace: 'default',
        name: 'test-pod-hostpath',
        apiGroup: undefined,
        sourceIPs: ['192.168.9.212'],
        userAgent: 'kubectl.exe/v1.25.2 (windows/amd64) kubernetes/5835544',
        code: 201,
      };
      for (const event of result.events) {
        expect(fieldsOf(event)).toEqual(expected);
        expect(event.event.impersonatedUser).toBeNull();
        expect(event.event.level).toBe('RequestResponse');
        expect(event.event.annotations?.['pod-security.kubernetes.io/enforce-policy']).toBe(
          'privileged:latest',
        );
        expect(event.apiVersion).toBe('');
      }
    });
  },
);
