import { expect, test } from 'vitest';
import { formatQuery, parseQuery } from '@/lib/query/codec';
import type { AuditQuery } from '@/lib/query/types';
import { clearFilters, exclude, includeOnly, removeFilterValue } from './filter-edits';
import { filterChips } from './filter-chips';

function q(search: string): AuditQuery {
  const r = parseQuery(new URLSearchParams(search));
  if (!r.ok) throw r.error;
  return r.query;
}

const get = { op: 'eq', value: 'get' } as const;

test('a breakdown click keeps only that value and drops it from the exclude filter', () => {
  expect(formatQuery(includeOnly(q('verb=list&verb=watch&verb!=get'), 'verb', get))).toBe(
    'verb=get',
  );
  expect(formatQuery(includeOnly(q('user=a&cursor=abc'), 'verb', get))).toBe('user=a&verb=get');
});

test('excluding adds to the exclude filter and drops the value from the include filter', () => {
  expect(formatQuery(exclude(q('verb=get&verb=list&verb!=watch'), 'verb', get))).toBe(
    'verb=list&verb!=watch&verb!=get',
  );
});

test('removing a chip and clearing all', () => {
  const query = q('user=system:serviceaccount:*&user!=system:anonymous&verb=get&q=x&from=now-1h');
  expect(filterChips(query).map((c) => c.label)).toEqual([
    'user = system:serviceaccount:*',
    'user ≠ system:anonymous',
    'verb = get',
  ]);
  expect(formatQuery(removeFilterValue(query, 'verb', false, get))).toBe(
    'from=now-1h&user=system:serviceaccount:*&user!=system:anonymous&q=x',
  );
  expect(formatQuery(clearFilters(query))).toBe('from=now-1h');
});
