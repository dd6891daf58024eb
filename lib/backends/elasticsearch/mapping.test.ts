// How a mapping is read: keyword fields as they are, `.keyword` sub-fields of dynamic text,
// numbers, and clear errors for what cannot be queried exactly.

import { expect, test } from 'vitest';
import { StoreError } from '../errors';
import { resolveMapping } from './mapping';
import { fieldMapFor } from './presets';
import { indexTemplate } from './index-template';

const fields = fieldMapFor({
  name: 'src',
  type: 'elasticsearch',
  url: 'http://es:9200',
  index: 'k8s-audit-*',
  preset: 'fluentd',
  timeoutMs: 1000,
});
const ctx = {
  source: 'src',
  indexPattern: 'k8s-audit-*',
  fields,
  where: 'Elasticsearch at http://es:9200',
};
const template = indexTemplate(fields, { indexPattern: 'x' }) as {
  template: { mappings: Record<string, unknown> };
};

const dynamicText = { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } };
const dynamic = {
  '@timestamp': { type: 'date' },
  auditID: dynamicText,
  stage: dynamicText,
  verb: dynamicText,
  user: { properties: { username: dynamicText } },
  responseStatus: { properties: { code: { type: 'long' } } },
};

function misconfigured(mappings: unknown): string {
  try {
    resolveMapping(ctx, mappings);
  } catch (e) {
    expect(e).toBeInstanceOf(StoreError);
    expect((e as StoreError).kind).toBe('misconfigured');
    return (e as StoreError).message;
  }
  throw new Error('expected a misconfigured error');
}

test('the Auditlens template resolves to keyword fields and a nanosecond time', () => {
  const m = resolveMapping(ctx, { 'k8s-audit-1': { mappings: template.template.mappings } });
  expect(m.time).toEqual({ path: '@timestamp', nanos: true });
  expect(m.dims?.user).toEqual({ path: 'user.username', kind: 'keyword' });
  expect(m.dims?.decision).toEqual({
    path: 'annotations.authorization.k8s.io/decision',
    kind: 'keyword',
  });
  expect(m.warnings).toEqual([]);
});

test('a dynamic mapping uses .keyword sub-fields and a numeric code, with warnings', () => {
  const m = resolveMapping(ctx, { 'k8s-audit-1': { mappings: { properties: dynamic } } });
  expect(m.dims?.user).toEqual({ path: 'user.username.keyword', kind: 'keyword' });
  expect(m.dims?.code).toEqual({ path: 'responseStatus.code', kind: 'number' });
  expect(m.dims?.namespace).toEqual({ path: 'objectRef.namespace', kind: 'absent' });
  expect(m.warnings.join('\n')).toContain('millisecond precision');
  expect(m.warnings.join('\n')).toContain('user.username.keyword');
});

test('no index, missing fields, text-only fields and mixed mappings are named', () => {
  expect(misconfigured({})).toBe(
    'source "src": index pattern "k8s-audit-*" (preset fluentd) matches no index on Elasticsearch at http://es:9200',
  );
  expect(
    misconfigured({ a: { mappings: { properties: { message: { type: 'text' } } } } }),
  ).toContain('has no mapping for @timestamp, auditID, stage, verb in a');
  const textUser = { ...dynamic, user: { properties: { username: { type: 'text' } } } };
  expect(misconfigured({ a: { mappings: { properties: textUser } } })).toContain(
    'user.username is text without a keyword sub-field in a',
  );
  expect(
    misconfigured({
      a: { mappings: { properties: dynamic } },
      b: { mappings: template.template.mappings },
    }),
  ).toContain(
    'maps auditID, responseStatus.code, stage, user.username, verb differently across a, b',
  );
});
