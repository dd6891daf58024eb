import { expect, test } from 'vitest';
import { MASK, maskSecrets } from './mask-secrets';

const secret = { kind: 'Secret', metadata: { name: 's' }, data: { a: 'YQ==', b: 'Yg==' } };

test('masks data and stringData of a Secret, keeping the keys', () => {
  const r = maskSecrets({ ...secret, stringData: { c: 'plain' } }, false);
  expect(r.count).toBe(3);
  expect(r.body).toMatchObject({ data: { a: MASK, b: MASK }, stringData: { c: MASK } });
  expect(JSON.stringify(r.body)).not.toContain('YQ==');
});

test('masks every item of a SecretList and list bodies of a secrets request', () => {
  const list = { kind: 'SecretList', items: [{ data: { a: 'x' } }, { data: { b: 'y' } }] };
  expect(maskSecrets(list, false).count).toBe(2);
  expect(maskSecrets({ kind: 'List', items: [{ data: { a: 'x' } }] }, true).count).toBe(1);
});

test('masks patches of a secrets request, not other kinds', () => {
  const merge = maskSecrets({ data: { a: 'x' } }, true);
  expect(merge.body).toEqual({ data: { a: MASK } });
  const json = maskSecrets(
    [
      { op: 'replace', path: '/data/a', value: 'x' },
      { op: 'remove', path: '/metadata/labels/x' },
    ],
    true,
  );
  expect(json.body).toEqual([
    { op: 'replace', path: '/data/a', value: MASK },
    { op: 'remove', path: '/metadata/labels/x' },
  ]);
  expect(maskSecrets({ kind: 'ConfigMap', data: { a: 'x' } }, false).count).toBe(0);
  expect(maskSecrets({ kind: 'Status', message: 'denied' }, true).count).toBe(0);
});
