// Property tests: hostile filter values and free text never change a query's structure.
// Each generated query is parsed with Grafana's LogQL grammar (@grafana/lezer-logql); its
// nodes must be exactly those the model describes, and its string literals, decoded as
// Loki decodes them, must be exactly the model's values, in order.

import { parser } from '@grafana/lezer-logql';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DIMENSIONS, type DimensionKey } from '@/lib/audit/dimensions';
import type { DimensionFilter, ResolvedQuery } from '@/lib/query/types';
import { rangeQuery } from '@/lib/testing/expected-answers';
import { planQuery } from './logql-builder';
import { jsonPathExpression, logqlString, regexLiteral } from './logql-escape';
import { renderCount, renderPipeline, type LabelExpr, type LogPipeline } from './logql-model';

/** Loki's string decoding (Prometheus strutil.Unquote, double quotes), written out again. */
function unquote(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  const body = literal.slice(1, -1);
  expect(body).not.toContain('\n');
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"') throw new Error(`bare quote inside ${literal}`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"' };
    if (e !== undefined && e in simple) out += simple[e];
    else if (e === 'u') {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else throw new Error(`unexpected escape \\${e} in ${literal}`);
  }
  return out;
}

interface Shape {
  counts: Record<string, number>;
  strings: string[];
  errors: number;
}

const COUNTED = [
  'Matcher',
  'LineFilter',
  'LabelExtractionExpression',
  'LabelFormatMatcher',
  'NumberFilter',
  'Or',
  'And',
];

function shapeOf(query: string): Shape {
  const counts: Record<string, number> = Object.fromEntries(COUNTED.map((n) => [n, 0]));
  const strings: string[] = [];
  let errors = 0;
  parser.parse(query).iterate({
    enter: (n) => {
      if (n.type.isError) errors++;
      if (n.name in counts) counts[n.name]! += 1;
      if (n.name === 'String') {
        strings.push(unquote(query.slice(n.from, n.to)));
        return false;
      }
      return undefined;
    },
  });
  return { counts, strings, errors };
}

/** What the model says the parse must hold: node counts and string values in text order. */
function expectedShape(p: LogPipeline, selectorValues: string[]): Omit<Shape, 'errors'> {
  const counts: Record<string, number> = Object.fromEntries(COUNTED.map((n) => [n, 0]));
  const strings = [...selectorValues];
  counts.Matcher = selectorValues.length;
  for (const f of p.lineFilters) {
    counts.LineFilter! += 1;
    strings.push(
      f.kind === 'contains'
        ? f.text
        : `${f.ignoreCase ? '(?i)' : ''}${f.texts.map(regexLiteral).join('|')}`,
    );
  }
  for (const x of p.extractions) {
    counts.LabelExtractionExpression! += 1;
    strings.push(jsonPathExpression(x.path));
  }
  for (const t of p.templates) {
    counts.LabelFormatMatcher! += 1;
    strings.push(t.template);
  }
  if (p.extractions.length || p.templates.length) {
    counts.Matcher! += 1;
    strings.push('');
  }
  const walk = (e: LabelExpr) => {
    if (e.kind === 'match') {
      counts.Matcher! += 1;
      strings.push(e.value);
    } else if (e.kind === 'number') {
      counts.NumberFilter! += 1;
    } else {
      counts[e.kind === 'or' ? 'Or' : 'And']! += e.items.length - 1;
      e.items.forEach(walk);
    }
  };
  // Top-level stages are separate `| ...`; an and inside one is an And node too.
  p.filters.forEach(walk);
  for (const t of p.lateTemplates) {
    counts.LabelFormatMatcher! += 1;
    strings.push(t.template);
  }
  p.lateFilters.forEach(walk);
  return { counts, strings };
}

const HOSTILE = [
  '"',
  '\\',
  '`',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u007f',
  '|=',
  '|~',
  '!=',
  '=~',
  '}',
  '{',
  ')',
  '(',
  '[',
  ']',
  '*',
  '.',
  '+',
  '?',
  '^',
  '$',
  '#',
  ' or ',
  ' and ',
  '| json',
  '{{',
  '}}',
  "'",
  'ä',
  '😀',
  '\u2028',
  'a',
  'Z',
  '0',
  ':',
  '/',
  '-',
  '_',
  'sum(',
  '[5m]',
  '\\"',
  '\\u0041',
];
const hostileString = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 4, unit: 'binary' })), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

const KEYS = DIMENSIONS.map((d) => d.key) as DimensionKey[];
const filterArb: fc.Arbitrary<DimensionFilter> = fc.record({
  dimension: fc.constantFrom(...KEYS),
  exclude: fc.boolean(),
  values: fc.array(
    fc.record({ op: fc.constantFrom('eq' as const, 'prefix' as const), value: hostileString }),
    { minLength: 1, maxLength: 3 },
  ),
});
const queryArb = fc.record({
  filters: fc.uniqueArray(filterArb, {
    maxLength: 4,
    selector: (f) => `${f.dimension}/${f.exclude}`,
  }),
  text: fc.oneof(fc.constant(''), hostileString),
  slots: fc.integer({ min: 1, max: 5 }),
  micros: fc.boolean(),
});

const SELECTOR = '{job="kubernetes-audit", cluster="a\\"b"}';
const SELECTOR_VALUES = ['kubernetes-audit', 'a"b'];
const RANGE = { startMicros: 1_795_410_000_000_001, endMicros: 1_795_417_200_000_000 };

function buildQuery(r: { filters: DimensionFilter[]; text: string }): ResolvedQuery {
  return rangeQuery(RANGE, { filters: r.filters, text: r.text });
}

describe('escapers', () => {
  test('a string literal decodes to exactly its value', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.string({ unit: 'binary' })), (s) => {
        const literal = logqlString(s);
        expect(unquote(literal)).toBe(s.replace(/\p{Surrogate}/gu, '\ufffd'));
        const shape = shapeOf(`{a=${literal}}`);
        expect(shape.errors).toBe(0);
        expect(shape.strings).toEqual([unquote(literal)]);
      }),
      { numRuns: 500 },
    );
  });

  test('a regex literal matches exactly its text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ maxLength: 3 }), (s, extra) => {
        const re = new RegExp(`^(?:${regexLiteral(s)})$`, 'su');
        expect(re.test(s)).toBe(true);
        if (extra) expect(re.test(s + extra)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  test('the four contexts of a hostile value', () => {
    const v = 'a"b\\c`d\ne|= "x" }';
    expect(logqlString(v)).toBe('"a\\"b\\\\c`d\\ne|= \\"x\\" }"');
    expect(regexLiteral('n\\a.m*e(|)[x]{1}^$+?')).toBe(
      'n\\\\a\\.m\\*e\\(\\|\\)\\[x\\]\\{1\\}\\^\\$\\+\\?',
    );
    expect(jsonPathExpression(['annotations', 'authorization.k8s.io/decision'])).toBe(
      'annotations["authorization.k8s.io/decision"]',
    );
    expect(jsonPathExpression(['user', 'groups', 3])).toBe('user.groups[3]');
  });
});

describe('queries built from hostile filters keep their structure', () => {
  test('log queries and metric queries', () => {
    fc.assert(
      fc.property(queryArb, (r) => {
        const q = buildQuery(r);
        const plan = planQuery(SELECTOR, q, {
          listSlots: r.slots,
          micros: r.micros ? RANGE : null,
          edgeStepSeconds: r.micros ? 300 : null,
          group: { dimension: 'user' },
        });
        if (plan.matchesNothing) return;
        const want = expectedShape(plan.pipeline, SELECTOR_VALUES);
        for (const query of [
          renderPipeline(plan.pipeline),
          renderCount(plan.pipeline, 7_200_000, [plan.groupLabel!]),
        ]) {
          const got = shapeOf(query);
          expect(got.errors, query).toBe(0);
          expect(got.counts, query).toEqual(want.counts);
          expect(got.strings, query).toEqual(want.strings);
        }
        // Label names come from our code, never from data.
        for (const x of plan.pipeline.extractions)
          expect(x.label).toMatch(/^auditlens_[A-Za-z0-9_]+$/);
      }),
      { numRuns: 400 },
    );
  });

  test('every filter value reaches the query as a whole string literal', () => {
    fc.assert(
      fc.property(filterArb, (f) => {
        // prefix '' matches everything: such a filter folds away (or matches nothing).
        if (f.values.some((v) => v.op === 'prefix' && v.value === '')) return;
        const plan = planQuery(SELECTOR, buildQuery({ filters: [f], text: '' }), { listSlots: 2 });
        const strings = shapeOf(renderPipeline(plan.pipeline)).strings;
        for (const v of f.values) {
          if (v.value === '') continue;
          const literal = v.op === 'eq' ? v.value : `(?s)${regexLiteral(v.value)}.*`;
          expect(strings).toContain(literal);
        }
      }),
      { numRuns: 400 },
    );
  });
});
