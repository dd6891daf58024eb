import { describe, expect, test } from 'vitest';
import {
  diffValues,
  maskChanges,
  mergePatchLines,
  patchKind,
  patchOps,
  showValue,
} from './body-changes';
import { MASK } from './mask-secrets';

describe('what changed', () => {
  test('diffs an update field by field, ignoring managedFields', () => {
    const req = {
      metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'a' }, managedFields: [1] },
      spec: { replicas: 2, ports: [80] },
    };
    const res = {
      metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'b' }, resourceVersion: '7' },
      spec: { replicas: 2, ports: [80, 443] },
    };
    expect(diffValues(req, res)).toEqual([
      { path: 'metadata.labels["app.kubernetes.io/name"]', before: 'a', after: 'b' },
      { path: 'metadata.resourceVersion', before: undefined, after: '7' },
      { path: 'spec.ports[1]', before: undefined, after: 443 },
    ]);
  });

  test('infers the patch type', () => {
    expect(patchKind([{ op: 'add', path: '/a', value: 1 }])).toBe('json-patch');
    expect(patchKind({ spec: { containers: [{ name: 'a', $patch: 'delete' }] } })).toBe(
      'strategic-merge',
    );
    expect(patchKind({ $setElementOrder: 1, ['$setElementOrder/containers']: [] })).toBe(
      'strategic-merge',
    );
    expect(patchKind({ apiVersion: 'v1', kind: 'Pod', metadata: {} })).toBe('apply');
    expect(patchKind({ metadata: { labels: { a: null } } })).toBe('merge');
  });

  test('lists JSON patch ops and merge patch leaves', () => {
    expect(
      patchOps([
        { op: 'move', from: '/a', path: '/b' },
        { op: 'replace', path: '/c', value: 1 },
        7,
      ]),
    ).toEqual([
      { op: 'move', from: '/a', path: '/b', hasValue: false, value: undefined },
      { op: 'replace', path: '/c', hasValue: true, value: 1 },
      { op: '?', path: '7', hasValue: false },
    ]);
    expect(mergePatchLines({ metadata: { labels: { a: null, b: 'x' } }, spec: {} })).toEqual([
      { path: 'metadata.labels.a', before: undefined, after: null },
      { path: 'metadata.labels.b', before: undefined, after: 'x' },
      { path: 'spec', before: undefined, after: {} },
    ]);
  });

  test('masks Secret data in changes', () => {
    const { changes, count } = maskChanges([
      { path: 'data.password', before: 'YQ==', after: 'Yg==' },
      { path: 'data', before: undefined, after: { a: 'eA==' } },
      { path: 'stringData["x.y"]', before: undefined, after: 'z' },
      { path: 'metadata.name', before: 'a', after: 'b' },
    ]);
    expect(changes.map((c) => [showValue(c.before), showValue(c.after)])).toEqual([
      [MASK, MASK],
      ['(absent)', MASK],
      ['(absent)', MASK],
      ['"a"', '"b"'],
    ]);
    expect(count).toBe(4);
  });
});
