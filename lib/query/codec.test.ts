import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DIMENSION_KEYS, type DimensionKey } from '@/lib/audit/dimensions';
import {
  canonicalizeQuery,
  DEFAULT_QUERY,
  defaultQuery,
  encodeParam,
  formatQuery,
  MAX_FILTER_VALUE_LENGTH,
  parseQuery,
  toURLSearchParams,
  type ParseResult,
} from './codec';
import { QueryParamError } from './errors';
import { MAX_MICROS, MAX_RELATIVE_SECONDS, microsToIso, MIN_MICROS } from './time';
import {
  SORTS,
  type AuditQuery,
  type DimensionFilter,
  type FilterValue,
  type TimeExpr,
} from './types';

function parse(search: string, extraParams?: readonly string[]): ParseResult {
  return parseQuery(new URLSearchParams(search), { extraParams });
}

function parseOk(search: string): AuditQuery {
  const r = parse(search);
  if (!r.ok) throw new Error(`expected ${search} to parse, got: ${r.error.message}`);
  return r.query;
}

function parseError(search: string | URLSearchParams): QueryParamError {
  const r = parseQuery(typeof search === 'string' ? new URLSearchParams(search) : search);
  if (r.ok) throw new Error(`expected ${String(search)} to fail`);
  return r.error;
}

function catchError(fn: () => unknown): QueryParamError {
  try {
    fn();
  } catch (e) {
    if (e instanceof QueryParamError) return e;
    throw e;
  }
  throw new Error('expected a QueryParamError');
}

function withFilters(...filters: DimensionFilter[]): AuditQuery {
  return { ...defaultQuery(), filters };
}

describe('defaults', () => {
  test('an empty search is the default query, and the default query writes as empty', () => {
    expect(parseOk('')).toEqual(defaultQuery());
    expect(formatQuery(defaultQuery())).toBe('');
  });

  test('default values given explicitly are omitted when written', () => {
    const q = parseOk('source=default&from=now-24h&to=now&sort=time-desc&limit=50&v=1&q=&cursor=');
    expect(q).toEqual(defaultQuery());
    expect(formatQuery(q)).toBe('');
  });

  test('an empty value reads as the default', () => {
    expect(parseOk('from=&to=&limit=&sort=&source=&v=')).toEqual(defaultQuery());
  });

  test('DEFAULT_QUERY is frozen and defaultQuery() is a fresh copy', () => {
    expect(Object.isFrozen(DEFAULT_QUERY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_QUERY.filters)).toBe(true);
    expect(defaultQuery().filters).not.toBe(defaultQuery().filters);
  });
});

describe('filters', () => {
  test('include, OR-ed repeats, exclude, prefix, empty, match-all', () => {
    const q = parseOk(
      'user!=system:anonymous&user=system:serviceaccount:*&stage=*&namespace=&verb=get&verb=list',
    );
    expect(q.filters).toEqual([
      {
        dimension: 'user',
        exclude: false,
        values: [{ op: 'prefix', value: 'system:serviceaccount:' }],
      },
      { dimension: 'user', exclude: true, values: [{ op: 'eq', value: 'system:anonymous' }] },
      {
        dimension: 'verb',
        exclude: false,
        values: [
          { op: 'eq', value: 'get' },
          { op: 'eq', value: 'list' },
        ],
      },
      { dimension: 'namespace', exclude: false, values: [{ op: 'eq', value: '' }] },
      { dimension: 'stage', exclude: false, values: [{ op: 'prefix', value: '' }] },
    ]);
  });

  test('an encoded ! in the key excludes too', () => {
    expect(parseOk('user%21=alice')).toEqual(parseOk('user!=alice'));
    expect(parseOk('user%21=alice').filters[0]?.exclude).toBe(true);
  });

  test('repeated values are dropped and filters are written in catalogue order', () => {
    const q = parseOk('verb=list&user=alice&verb=get&verb=list');
    expect(formatQuery(q)).toBe('user=alice&verb=list&verb=get');
  });

  test('escapes: \\* and \\\\ are literal, a star elsewhere is literal', () => {
    const values = (search: string) => parseOk(search).filters[0]?.values;
    expect(values('name=a%5C*')).toEqual([{ op: 'eq', value: 'a*' }]);
    expect(values('name=a%5C%5Cb')).toEqual([{ op: 'eq', value: 'a\\b' }]);
    expect(values('name=a*b')).toEqual([{ op: 'eq', value: 'a*b' }]);
    expect(values('name=a%5C%5C*')).toEqual([{ op: 'prefix', value: 'a\\' }]);
    expect(values('name=**')).toEqual([{ op: 'prefix', value: '*' }]);
    expect(values('name=%5C*')).toEqual([{ op: 'eq', value: '*' }]);
  });

  test('a value ending in a literal star is written escaped', () => {
    expect(
      formatQuery(
        withFilters({ dimension: 'name', exclude: false, values: [{ op: 'eq', value: 'a*' }] }),
      ),
    ).toBe('name=a%5C*');
    expect(
      formatQuery(
        withFilters({ dimension: 'name', exclude: false, values: [{ op: 'prefix', value: 'a*' }] }),
      ),
    ).toBe('name=a%5C**');
  });

  test('code takes numbers and numeric prefixes', () => {
    expect(parseOk('code=403&code=5*').filters[0]?.values).toEqual([
      { op: 'eq', value: '403' },
      { op: 'prefix', value: '5' },
    ]);
    expect(parseOk('code=').filters[0]?.values).toEqual([{ op: 'eq', value: '' }]);
  });
});

describe('errors name the parameter and say what is expected', () => {
  const cases: Array<[string, string, string]> = [
    [
      'vrb=get',
      'vrb',
      'unknown parameter "vrb": expected one of source, from, to, q, sort, limit, cursor, v, or a dimension (user, group, verb, resource, subresource, namespace, name, apiGroup, code, stage, level, sourceIP, userAgent, decision, impersonatedUser, auditID), optionally suffixed with ! to exclude; did you mean "verb"?',
    ],
    ['limit=abc', 'limit', 'parameter "limit": expected an integer from 1 to 1000, got "abc"'],
    ['limit=0', 'limit', 'parameter "limit": expected an integer from 1 to 1000, got "0"'],
    ['limit=1001', 'limit', 'parameter "limit": expected an integer from 1 to 1000, got "1001"'],
    ['limit=1.5', 'limit', 'parameter "limit": expected an integer from 1 to 1000, got "1.5"'],
    ['limit=-1', 'limit', 'parameter "limit": expected an integer from 1 to 1000, got "-1"'],
    ['code=abc', 'code', 'parameter "code": expected a number or a prefix like 4*, got "abc"'],
    ['code!=4x*', 'code!', 'parameter "code!": expected a number or a prefix like 4*, got "4x*"'],
    ['code=%5C*', 'code', 'parameter "code": expected a number or a prefix like 4*, got "\\*"'],
    ['sort=newest', 'sort', 'parameter "sort": expected time-desc or time-asc, got "newest"'],
    [
      'source=a%20b',
      'source',
      'parameter "source": expected a source name of 1 to 64 letters, digits, _ . or -, got "a b"',
    ],
    [
      'cursor=a%2Fb',
      'cursor',
      'parameter "cursor": expected the cursor of a previous page (1 to 1024 of A-Z a-z 0-9 _ - = . :), got "a/b"',
    ],
    ['v=2', 'v', 'parameter "v": expected format version 1, got "2"'],
    ['v=1&v=1', 'v', 'parameter "v": given 2 times, expected at most once'],
    ['from=now-1h&from=now-2h', 'from', 'parameter "from": given 2 times, expected at most once'],
    ['q=a&q=b&q=c', 'q', 'parameter "q": given 3 times, expected at most once'],
    ['source=a&source=b', 'source', 'parameter "source": given 2 times, expected at most once'],
    ['cursor=a&cursor=b', 'cursor', 'parameter "cursor": given 2 times, expected at most once'],
    [
      'sort=time-asc&sort=time-asc',
      'sort',
      'parameter "sort": given 2 times, expected at most once',
    ],
    ['to=now&to=now', 'to', 'parameter "to": given 2 times, expected at most once'],
    [
      'to=soon',
      'to',
      'parameter "to": expected now, now-<n><unit> (unit s, m, h, d or w, at most 400 days) or an ISO-8601 time like 2026-11-23T03:50:58Z, got "soon"',
    ],
    [
      'from=now-1h&to=now-2h',
      'from',
      'parameter "from": expected a time before "to", got from now-1h and to now-2h',
    ],
    [
      'from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z',
      'from',
      'parameter "from": expected a time before "to", got from 2026-01-02T00:00:00.000000Z and to 2026-01-01T00:00:00.000000Z',
    ],
    [
      'name=C:%5CWindows',
      'name',
      'parameter "name": expected \\\\ (backslash) or \\* (star) after a backslash, got "\\W"',
    ],
    [
      'name=a%5C',
      'name',
      'parameter "name": expected \\\\ for a literal backslash, got a lone \\ at the end',
    ],
    ['q=' + 'x'.repeat(1001), 'q', 'parameter "q": expected at most 1000 characters, got 1001'],
    [
      'userAgent=' + 'x'.repeat(1001),
      'userAgent',
      'parameter "userAgent": expected a value of at most 1000 characters, got 1001',
    ],
    [
      Array.from({ length: 101 }, (_, i) => `verb!=v${i}`).join('&'),
      'verb!',
      'parameter "verb!": expected at most 100 values, got 101',
    ],
  ];
  const short = (s: string) => (s.length > 50 ? `${s.slice(0, 50)}…` : s);
  test.each(cases.map(([search, param, message]) => [short(search), search, param, message]))(
    '%s',
    (_label, search, param, message) => {
      const error = parseError(search);
      expect(error).toBeInstanceOf(QueryParamError);
      expect(error.param).toBe(param);
      expect(error.message).toBe(message);
    },
  );

  test('an unknown exclude key suggests the exclude form', () => {
    const error = parseError('usr!=x');
    expect(error.param).toBe('usr!');
    expect(error.message).toMatch(/^unknown parameter "usr!": expected one of /);
    expect(error.message).toMatch(/did you mean "user!"\?$/);
  });

  test('a far-off unknown key gets no suggestion, and control characters in it are shown escaped', () => {
    const error = parseError('utm_source%0A=x');
    expect(error.param).toBe('utm_source\n');
    expect(error.message).toMatch(/^unknown parameter "utm_source\\n": expected one of /);
    expect(error.message).not.toMatch(/did you mean/);
  });

  test('keys that look like object properties are unknown, not special', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(parseError(`${key}=1`).param).toBe(key);
    }
    expect(parseError('v=__proto__').param).toBe('v');
  });

  test('a lone surrogate never reaches the parser, and a query holding one is not written', () => {
    const params = new URLSearchParams();
    params.append('user', 'a\uD800b');
    expect(params.get('user')).toBe('a\uFFFDb');
    const q = withFilters({
      dimension: 'user',
      exclude: false,
      values: [{ op: 'eq', value: 'a\uD800b' }],
    });
    const error = catchError(() => formatQuery(q));
    expect(error.param).toBe('user');
    expect(error.message).toBe(
      'parameter "user": expected well-formed Unicode text, got a lone surrogate (it has no UTF-8 encoding)',
    );
    expect(catchError(() => formatQuery({ ...defaultQuery(), text: '\uDC00' })).param).toBe('q');
  });

  test('invalid UTF-8 in the URL decodes to U+FFFD and is accepted as text', () => {
    expect(parseOk('user=%FF').filters[0]?.values).toEqual([{ op: 'eq', value: '\uFFFD' }]);
  });
});

describe('route parameters (extras)', () => {
  test('listed extras pass through in order, others are still errors', () => {
    const r = parse('split=verb&verb=get&interval=5m&split=user', ['split', 'interval']);
    expect(r).toEqual({
      ok: true,
      query: parseOk('verb=get'),
      extras: { split: ['verb', 'user'], interval: ['5m'] },
    });
    const bad = parse('top=10', ['split', 'interval']);
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.error.message).toMatch(
        /^unknown parameter "top": expected one of .*v, split, interval, or/,
      );
  });

  test('extras named like object properties are plain arrays', () => {
    const r = parse('constructor=a&constructor=b', ['constructor']);
    expect(r.ok && r.extras).toEqual({ constructor: ['a', 'b'] });
  });

  test('extras are written sorted by name, before the cursor, and parse back', () => {
    const q = { ...parseOk('verb=get'), cursor: 'abc' };
    const s = formatQuery(q, { top: '10', dimension: ['user'] });
    expect(s).toBe('verb=get&dimension=user&top=10&cursor=abc');
    expect(parse(s, ['dimension', 'top'])).toEqual({
      ok: true,
      query: q,
      extras: { dimension: ['user'], top: ['10'] },
    });
  });

  test('an extra that collides with a query parameter is a programming error', () => {
    expect(() => parse('', ['limit'])).toThrow(/collides/);
    expect(() => parse('', ['user!'])).toThrow(/collides/);
    expect(() => formatQuery(defaultQuery(), { verb: 'x' })).toThrow(/collides/);
  });
});

describe('formatQuery', () => {
  test('writes parameters in a stable order and skips defaults', () => {
    const q = parseOk(
      'cursor=next:1&limit=100&sort=time-asc&q=kubectl&code=4*&verb=delete&to=now-1h&from=now-7d&source=prod',
    );
    expect(formatQuery(q)).toBe(
      'source=prod&from=now-7d&to=now-1h&verb=delete&code=4*&q=kubectl&sort=time-asc&limit=100&cursor=next:1',
    );
  });

  test('percent-encodes minimally', () => {
    expect(encodeParam("azAZ09-._~:/*!@,$;'()")).toBe("azAZ09-._~:/*!@,$;'()");
    expect(encodeParam('%&=+#? "\\`<>[]{}|^')).toBe(
      '%25%26%3D%2B%23%3F%20%22%5C%60%3C%3E%5B%5D%7B%7D%7C%5E',
    );
    expect(encodeParam('\n\t\0é😀')).toBe('%0A%09%00%C3%A9%F0%9F%98%80');
  });

  test('keeps service account names readable', () => {
    const q = parseOk(
      'user!=system:serviceaccount:kube-system:*&userAgent=kubectl/v1.34.0%20(linux/amd64)',
    );
    expect(formatQuery(q)).toBe(
      'user!=system:serviceaccount:kube-system:*&userAgent=kubectl/v1.34.0%20(linux/amd64)',
    );
  });

  test('canonicalizes before writing: merges filters, drops empty ones, normalizes times', () => {
    const q: AuditQuery = {
      ...defaultQuery(),
      from: { kind: 'absolute', iso: '2026-11-23T04:50:58.1+01:00' },
      filters: [
        { dimension: 'verb', exclude: false, values: [{ op: 'eq', value: 'get' }] },
        { dimension: 'user', exclude: true, values: [] },
        { dimension: 'user', exclude: false, values: [{ op: 'eq', value: 'a' }] },
        {
          dimension: 'verb',
          exclude: false,
          values: [
            { op: 'eq', value: 'get' },
            { op: 'eq', value: 'list' },
          ],
        },
      ],
    };
    expect(formatQuery(q)).toBe('from=2026-11-23T03:50:58.100000Z&user=a&verb=get&verb=list');
    expect(canonicalizeQuery(q).filters.map((f) => f.dimension)).toEqual(['user', 'verb']);
  });

  test('throws a QueryParamError for a query that could not be parsed back', () => {
    const bad: Array<[Partial<AuditQuery>, string]> = [
      [{ limit: 0 }, 'limit'],
      [{ limit: 2.5 }, 'limit'],
      [{ source: '' }, 'source'],
      [{ cursor: 'a b' }, 'cursor'],
      [{ text: '\uD800' }, 'q'],
      [{ from: { kind: 'relative', offsetSeconds: -1 } }, 'from'],
      [{ to: { kind: 'absolute', iso: 'yesterday' } }, 'to'],
      [{ from: { kind: 'relative', offsetSeconds: 0 } }, 'from'],
      [
        { filters: [{ dimension: 'code', exclude: false, values: [{ op: 'eq', value: '4xx' }] }] },
        'code',
      ],
    ];
    for (const [patch, param] of bad) {
      expect(catchError(() => formatQuery({ ...defaultQuery(), ...patch })).param).toBe(param);
    }
  });
});

describe('toURLSearchParams', () => {
  test('turns a Next.js searchParams record into params, keeping repeats', () => {
    const params = toURLSearchParams({ verb: ['get', 'list'], 'user!': 'bob', q: undefined });
    expect(params.toString()).toBe('verb=get&verb=list&user%21=bob');
    expect(parseQuery(params).ok).toBe(true);
  });
});

describe('docs/url-format.md', () => {
  const doc = readFileSync(new URL('../../docs/url-format.md', import.meta.url), 'utf8');
  const blocks = (lang: string) =>
    [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] ?? '');

  test('every example parses', () => {
    const examples = blocks('url').flatMap((b) => b.split('\n').filter((l) => l.startsWith('?')));
    expect(examples.length).toBeGreaterThan(10);
    for (const e of examples) parseOk(e.slice(1));
  });

  test('every error example fails with the documented message', () => {
    const lines = blocks('url-error').flatMap((b) => b.split('\n').filter((l) => l !== ''));
    expect(lines.length).toBeGreaterThan(10);
    for (let i = 0; i < lines.length; i += 2) {
      expect(parseError((lines[i] ?? '').slice(1)).message).toBe(lines[i + 1]);
    }
  });

  test('examples mean what the text says', () => {
    expect(parseOk('from=2026-11-23T04:50:58.107723456%2B01:00').from).toEqual({
      kind: 'absolute',
      iso: '2026-11-23T03:50:58.107723Z',
    });
    expect(parseOk('from=2026-11-23T04:50:58.107723456+01:00')).toEqual(
      parseOk('from=2026-11-23T04:50:58.107723456%2B01:00'),
    );
    expect(formatQuery(parseOk('from=now-2w&to=now-60m'))).toBe('from=now-14d&to=now-1h');
    expect(parseOk('name=a*b').filters[0]?.values).toEqual([{ op: 'eq', value: 'a*b' }]);
    expect(parseOk('name=a%2A').filters[0]?.values).toEqual([{ op: 'prefix', value: 'a' }]);
    expect(parseOk('name=%22%3B%20DROP%20TABLE%20events%3B--').filters[0]?.values).toEqual([
      { op: 'eq', value: '"; DROP TABLE events;--' },
    ]);
  });
});

// Property tests. FC_RUNS=10000 runs the bench-sized version.
const numRuns = Number(process.env.FC_RUNS ?? 300);

const HOSTILE = [
  '"',
  "'",
  '\\',
  '`',
  '\n',
  '\r',
  '\t',
  '\0',
  '|=',
  '&',
  '=',
  '#',
  '%',
  '%20',
  '%zz',
  '+',
  '*',
  '\\*',
  '?',
  '!',
  '!=',
  ' ',
  ':',
  '/',
  ';',
  '<',
  '>',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\uffff',
  'é',
  'ß',
  '😀',
  '👩‍👩‍👧',
  '\u{10ffff}',
  'a',
  'Z',
  '0',
  '~',
  '{',
  '}',
  '[',
  ']',
  '$',
  '@',
  '(',
  ')',
] as const;
const hostileUnit = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const hostileString = (maxLength: number) => fc.string({ unit: hostileUnit, maxLength });

const filterValue = (dimension: DimensionKey): fc.Arbitrary<FilterValue> =>
  fc.record({
    op: fc.constantFrom('eq' as const, 'prefix' as const),
    value:
      dimension === 'code'
        ? fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 999_999_999 }).map(String))
        : hostileString(30).map((s) => s.slice(0, MAX_FILTER_VALUE_LENGTH)),
  });

const dimensionFilter: fc.Arbitrary<DimensionFilter> = fc
  .record({ dimension: fc.constantFrom(...DIMENSION_KEYS), exclude: fc.boolean() })
  .chain(({ dimension, exclude }) =>
    fc
      .uniqueArray(filterValue(dimension), {
        minLength: 1,
        maxLength: 5,
        selector: (v) => `${v.op}:${v.value}`,
      })
      .map((values) => ({ dimension, exclude, values })),
  );

const canonicalFilters = fc
  .uniqueArray(dimensionFilter, {
    maxLength: 6,
    selector: (f) => `${f.dimension}${f.exclude ? '!' : ''}`,
  })
  .map((fs) => {
    const rank = (f: DimensionFilter) =>
      DIMENSION_KEYS.indexOf(f.dimension) * 2 + (f.exclude ? 1 : 0);
    return [...fs].sort((a, b) => rank(a) - rank(b));
  });

const relative = fc
  .integer({ min: 0, max: MAX_RELATIVE_SECONDS })
  .map((offsetSeconds): TimeExpr => ({ kind: 'relative', offsetSeconds }));
const absolute = fc
  .integer({ min: MIN_MICROS, max: MAX_MICROS - 1 })
  .map((us): TimeExpr => ({ kind: 'absolute', iso: microsToIso(us) }));
// from before to whenever that is decidable without a clock; mixed kinds are checked at resolve time.
const timeRange = fc.oneof(
  fc
    .tuple(relative, relative)
    .filter(
      ([a, b]) =>
        a.kind === 'relative' && b.kind === 'relative' && a.offsetSeconds > b.offsetSeconds,
    ),
  fc
    .tuple(absolute, absolute)
    .filter(([a, b]) => a.kind === 'absolute' && b.kind === 'absolute' && a.iso < b.iso),
  fc.tuple(relative, absolute),
  fc.tuple(absolute, relative),
  fc.constant([DEFAULT_QUERY.from, DEFAULT_QUERY.to] as const),
);

const canonicalQuery: fc.Arbitrary<AuditQuery> = fc
  .record({
    source: fc.oneof(fc.constant('default'), fc.stringMatching(/^[A-Za-z0-9_.-]{1,64}$/)),
    range: timeRange,
    filters: canonicalFilters,
    text: fc.oneof(fc.constant(''), hostileString(60)),
    sort: fc.constantFrom(...SORTS),
    limit: fc.oneof(fc.constant(50), fc.integer({ min: 1, max: 1000 })),
    cursor: fc.option(fc.stringMatching(/^[A-Za-z0-9_\-=.:]{1,64}$/)),
  })
  .map(({ range: [from, to], ...rest }) => ({ ...rest, from, to }));

const ALLOWED_OUTPUT = /^[A-Za-z0-9\-._~:/*!@,$;'()%=&]*$/;

describe('round trip (fast-check)', () => {
  test('parse(format(q)) deep-equals q for every canonical query', () => {
    fc.assert(
      fc.property(canonicalQuery, (q) => {
        const s = formatQuery(q);
        expect(s).toMatch(ALLOWED_OUTPUT);
        const r = parseQuery(new URLSearchParams(s));
        expect(r).toEqual({ ok: true, query: q, extras: {} });
      }),
      { numRuns },
    );
  });

  test('a browser re-encoding the URL does not change the query', () => {
    fc.assert(
      fc.property(canonicalQuery, (q) => {
        const url = new URL(`https://auditlens.example/explore?${formatQuery(q)}#event`);
        const again = new URL(url.href);
        const r = parseQuery(again.searchParams);
        expect(r.ok && r.query).toEqual(q);
      }),
      { numRuns },
    );
  });

  test('extras survive the round trip', () => {
    fc.assert(
      fc.property(canonicalQuery, fc.array(hostileString(20), { maxLength: 3 }), (q, splits) => {
        const s = formatQuery(q, { split: splits });
        const r = parseQuery(new URLSearchParams(s), { extraParams: ['split'] });
        expect(r).toEqual({
          ok: true,
          query: q,
          extras: splits.length > 0 ? { split: splits } : {},
        });
      }),
      { numRuns },
    );
  });

  test('any query, canonical or not, formats to the URL of its canonical form', () => {
    const messyQuery = canonicalQuery.chain((q) =>
      fc
        .array(dimensionFilter, { maxLength: 6 })
        .map((extra): AuditQuery => ({ ...q, filters: [...extra, ...q.filters, ...extra] })),
    );
    fc.assert(
      fc.property(messyQuery, (q) => {
        const canonical = canonicalizeQuery(q);
        expect(canonicalizeQuery(canonical)).toEqual(canonical);
        expect(formatQuery(q)).toBe(formatQuery(canonical));
        const r = parseQuery(new URLSearchParams(formatQuery(q)));
        expect(r.ok && r.query).toEqual(canonical);
      }),
      { numRuns },
    );
  });

  test('arbitrary params never throw, and whatever parses formats to a fixed point', () => {
    const key = fc.oneof(
      fc.constantFrom(
        ...DIMENSION_KEYS,
        ...DIMENSION_KEYS.map((k) => `${k}!`),
        'from',
        'to',
        'q',
        'limit',
        'sort',
      ),
      hostileString(8),
    );
    const value = fc.oneof(
      hostileString(20),
      fc.constantFrom(
        'now',
        'now-1h',
        'now-400d',
        '2026-11-23T03:50:58Z',
        '4*',
        '*',
        '',
        '100',
        'time-asc',
      ),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 8 }), (pairs) => {
        const r = parseQuery(new URLSearchParams(pairs));
        if (!r.ok) {
          expect(r.error).toBeInstanceOf(QueryParamError);
          expect(r.error.message).toMatch(/^(unknown )?parameter "/);
          return;
        }
        const again = parseQuery(new URLSearchParams(formatQuery(r.query)));
        expect(again.ok && again.query).toEqual(r.query);
      }),
      { numRuns },
    );
  });
});
