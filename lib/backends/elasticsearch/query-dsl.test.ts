// Property tests of the query DSL builder: attacker-controlled filter values and free text
// never change the query's structure (same shape as a harmless value; the value appears
// only as a leaf under `value`), and wildcard escaping round-trips.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DIMENSIONS, type DimensionKey } from '@/lib/audit/dimensions';
import type { DimensionFilter, MatchOp } from '@/lib/query/types';
import { rangeQuery } from '@/lib/testing/expected-answers';
import type { ResolvedField } from './mapping';
import { buildQuery, escapeWildcard, filterClause, type Dsl, type QueryFields } from './query-dsl';

const keywordFields: QueryFields = {
  time: { path: '@timestamp', nanos: true },
  dims: Object.fromEntries(
    DIMENSIONS.map((d) => [d.key, { path: `f.${d.key}`, kind: 'keyword' }]),
  ) as Record<DimensionKey, ResolvedField>,
  requestURI: { path: 'requestURI', kind: 'keyword' },
};

/** The query with every string and number leaf replaced by its type: its structure. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]));
  }
  return typeof v;
}

/** Every object key in the query, at any depth. */
function keys(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => keys(x, out));
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      keys(x, out);
    }
  }
  return out;
}

/** [key, value] of every string leaf. */
function stringLeaves(v: unknown, key = '', out: Array<[string, string]> = []) {
  if (typeof v === 'string') out.push([key, v]);
  else if (Array.isArray(v)) v.forEach((x) => stringLeaves(x, key, out));
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) stringLeaves(x, k, out);
  }
  return out;
}

const hostile = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.string({ unit: 'binary', minLength: 1 }),
  fc.constantFrom(
    '"}}]}',
    '*',
    '?',
    '\\',
    '\\*',
    'a OR b',
    '{"match_all":{}}',
    '__proto__',
    'constructor',
    '" OR 1=1 --',
    '\n\r\t',
    '|= `x`',
    'field:value AND other:*',
  ),
);
const dimKey = fc.constantFrom(...DIMENSIONS.map((d) => d.key as DimensionKey));
const op = fc.constantFrom<MatchOp>('eq', 'prefix');

function filter(dimension: DimensionKey, exclude: boolean, o: MatchOp, value: string) {
  return { dimension, exclude, values: [{ op: o, value }] } satisfies DimensionFilter;
}

const range = { startMicros: 1_700_000_000_000_000, endMicros: 1_700_000_360_000_000 };

describe('filter values never change the query structure', () => {
  test('same shape as a harmless value, and the value only under `value`', () => {
    fc.assert(
      fc.property(dimKey, fc.boolean(), op, hostile, (d, exclude, o, value) => {
        const q = (v: string) =>
          buildQuery(rangeQuery(range, { filters: [filter(d, exclude, o, v)] }), keywordFields);
        const got = q(value);
        expect(shape(got)).toEqual(shape(q('harmless')));
        expect(keys(got)).toEqual(keys(q('harmless')));
        const where = stringLeaves(got).filter(([, v]) => v === value);
        expect(where.length).toBeGreaterThan(0);
        for (const [key] of where) expect(key).toBe('value');
      }),
      { numRuns: 500 },
    );
  });

  test('several hostile values in one filter: one clause each, same shape', () => {
    fc.assert(
      fc.property(dimKey, fc.array(hostile, { minLength: 2, maxLength: 5 }), (d, values) => {
        const f = (vs: string[]): DimensionFilter => ({
          dimension: d,
          exclude: false,
          values: vs.map((value) => ({ op: 'eq', value })),
        });
        const got = filterClause(f(values), keywordFields);
        const harmless = filterClause(f(values.map((_, i) => `v${i}`)), keywordFields);
        expect(shape(got)).toEqual(shape(harmless));
      }),
      { numRuns: 200 },
    );
  });
});

describe('free text', () => {
  test('any text gives the same structure, as an escaped wildcard leaf', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const q = (t: string) => buildQuery(rangeQuery(range, { text: t }), keywordFields);
        const got = q(text);
        expect(shape(got)).toEqual(shape(q('harmless')));
        expect(keys(got)).toEqual(keys(q('harmless')));
        // Nine text fields (user, verb, resource, namespace, name, user agent, auditID,
        // source IPs, requestURI), each with the escaped text between two stars.
        const patterns = stringLeaves(got).filter(([k, v]) => k === 'value' && v.startsWith('*'));
        expect(patterns.map(([, p]) => p)).toEqual(Array(9).fill(`*${escapeWildcard(text)}*`));
      }),
      { numRuns: 500 },
    );
  });

  test('escaping leaves no unescaped wildcard and round-trips', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeWildcard(text);
        // Reading the escapes back gives the text; every * and ? is escaped.
        let plain = '';
        for (let i = 0; i < escaped.length; i++) {
          const c = escaped[i]!;
          if (c === '\\') plain += escaped[++i] ?? '';
          else {
            expect(c === '*' || c === '?').toBe(false);
            plain += c;
          }
        }
        expect(plain).toBe(text);
      }),
    );
  });
});

// A small evaluator of the DSL subset the builder emits, to check number prefixes exactly.
type Doc = Record<string, number | undefined>;
function only(o: Dsl): [string, Dsl] {
  const entries = Object.entries(o);
  if (entries.length !== 1) throw new Error(`expected one key in ${JSON.stringify(o)}`);
  return entries[0] as [string, Dsl];
}
function matches(q: Dsl, doc: Doc): boolean {
  const [kind, body] = only(q);
  if (kind === 'match_all') return true;
  if (kind === 'match_none') return false;
  if (kind === 'bool') {
    const all = (k: string) => (body[k] as Dsl[] | undefined) ?? [];
    return (
      all('filter').every((c) => matches(c, doc)) &&
      !all('must_not').some((c) => matches(c, doc)) &&
      (all('should').length === 0 || all('should').some((c) => matches(c, doc)))
    );
  }
  if (kind === 'exists') return doc[body.field as string] !== undefined;
  const [field, cond] = only(body);
  const v = doc[field];
  if (v === undefined) return false;
  if (kind === 'term') return v === cond.value;
  if (kind === 'range') {
    return (
      (cond.gte === undefined || v >= (cond.gte as number)) &&
      (cond.lte === undefined || v <= (cond.lte as number)) &&
      (cond.lt === undefined || v < (cond.lt as number))
    );
  }
  throw new Error(`unexpected clause ${kind}`);
}

describe('a number field (a dynamic mapping makes responseStatus.code a long)', () => {
  const numberFields: QueryFields = {
    ...keywordFields,
    dims: { ...keywordFields.dims, code: { path: 'code', kind: 'number' } },
  };
  const codeFilter = (o: MatchOp, value: string) =>
    filterClause(filter('code', false, o, value), numberFields);

  test('prefix matches exactly the integers whose text starts with it', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -99_999, max: 99_999 }), fc.constantFrom(0, 4, 40, 401, 4010)),
        fc.oneof(
          fc.stringMatching(/^-?[0-9]{0,4}$/),
          fc.constantFrom('4', '40', '0', '-', '-4', '01', 'x', '4x'),
        ),
        (n, prefix) => {
          expect(matches(codeFilter('prefix', prefix), { code: n })).toBe(
            String(n).startsWith(prefix),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('eq matches the integer a value spells, and nothing for other text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999, max: 999 }), fc.string(), (n, text) => {
        expect(matches(codeFilter('eq', String(n)), { code: n })).toBe(true);
        expect(matches(codeFilter('eq', text), { code: n })).toBe(text === String(n));
      }),
    );
  });

  test("eq '' matches a missing code only", () => {
    expect(matches(codeFilter('eq', ''), {})).toBe(true);
    expect(matches(codeFilter('eq', ''), { code: 200 })).toBe(false);
  });
});
