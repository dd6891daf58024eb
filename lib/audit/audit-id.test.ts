import { describe, expect, test } from 'vitest';

import { canonicalJson, contentAuditId } from './audit-id';

describe('contentAuditId', () => {
  test('is sha256: and 32 hex digits, equal for equal content in any key order', () => {
    const a = { verb: 'get', user: { username: 'alice', groups: ['g1', 'g2'] } };
    const b = { user: { groups: ['g1', 'g2'], username: 'alice' }, verb: 'get' };
    expect(contentAuditId(a)).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(contentAuditId(a)).toBe(contentAuditId(b));
  });

  test('differs when content differs, including array order', () => {
    const a = { user: { groups: ['g1', 'g2'] } };
    const b = { user: { groups: ['g2', 'g1'] } };
    expect(contentAuditId(a)).not.toBe(contentAuditId(b));
  });

  test('keeps a __proto__ key from parsed JSON as content', () => {
    const parsed: unknown = JSON.parse('{"b":1,"__proto__":{"x":1}}');
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"x":1},"b":1}');
  });
});
