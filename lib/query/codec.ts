/**
 * URL format of an AuditQuery (full reference with examples: docs/url-format.md).
 *
 *   ?source=prod&from=now-7d&to=now&verb=delete&user!=system:*&code=4*&q=kubectl&limit=100
 *
 * - `source`, `from`, `to`, `q`, `sort`, `limit`, `cursor`, `v` appear at most once; defaults
 *   are omitted when writing (and an empty value reads as the default).
 * - Every catalogue dimension is a parameter (`verb=get`); `user!=x` excludes. Repeating a
 *   parameter ORs its values. A trailing unescaped `*` makes a prefix match (`stage=*` is every
 *   stage); `\` escapes the next `*` or `\`. Filters are normalised: one include and one
 *   exclude filter per dimension, values deduplicated, dimensions in catalogue order.
 * - Writing percent-encodes only what URLSearchParams or a browser would misread, so `:`, `/`,
 *   `*`, `!`, `@` stay readable.
 *
 * History: v1 (current) is the first version; URLs without `v` are v1. A future v2 writes
 * `v=2` and adds an entry to UPGRADES that rewrites v1 params, so old links keep working.
 */

import { DIMENSIONS, DIMENSION_KEYS, getDimension, isDimensionKey } from '@/lib/audit/dimensions';
import type { DimensionKey } from '@/lib/audit/dimensions';
import { invalid, ok, quote, QueryParamError, type ParamResult } from './errors';
import {
  checkOrderWithoutClock,
  DEFAULT_FROM,
  DEFAULT_TO,
  formatTimeExpr,
  parseTimeExpr,
  validateTimeExpr,
} from './time';
import {
  SORTS,
  type AuditQuery,
  type DimensionFilter,
  type FilterValue,
  type Sort,
  type TimeExpr,
} from './types';

export const FORMAT_VERSION = '1';
export const DEFAULT_SOURCE = 'default';
export const DEFAULT_SORT: Sort = 'time-desc';
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;
export const MAX_TEXT_LENGTH = 1000;
export const MAX_FILTER_VALUE_LENGTH = 1000;
export const MAX_VALUES_PER_FILTER = 100;
export const MAX_CURSOR_LENGTH = 1024;

export const DEFAULT_QUERY: Readonly<Omit<AuditQuery, 'filters'>> & {
  readonly filters: readonly DimensionFilter[];
} = Object.freeze({
  source: DEFAULT_SOURCE,
  from: DEFAULT_FROM,
  to: DEFAULT_TO,
  filters: Object.freeze([]),
  text: '',
  sort: DEFAULT_SORT,
  limit: DEFAULT_LIMIT,
  cursor: null,
});

/** A fresh, mutable copy of the default query. */
export function defaultQuery(): AuditQuery {
  return { ...DEFAULT_QUERY, filters: [] };
}

export type ParseResult =
  | { ok: true; query: AuditQuery; extras: Record<string, string[]> }
  | { ok: false; error: QueryParamError };

export interface ParseOptions {
  /** Route-specific params (`split`, `interval`, `dimension`, `top`) returned in `extras` instead of rejected. */
  extraParams?: readonly string[];
}

const SINGLE_PARAMS = ['source', 'from', 'to', 'q', 'sort', 'limit', 'cursor', 'v'] as const;
type SingleParam = (typeof SINGLE_PARAMS)[number];
const SINGLE_SET: ReadonlySet<string> = new Set(SINGLE_PARAMS);

/** Rewrites params of an older format version into v1 params; empty while v1 is the only version. */
const UPGRADES: ReadonlyMap<string, (params: URLSearchParams) => URLSearchParams> = new Map();

const SOURCE_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const CURSOR = new RegExp(`^[A-Za-z0-9_\\-=.:]{1,${MAX_CURSOR_LENGTH}}$`);
const LIMIT = /^[0-9]{1,4}$/;
const NUMBER_VALUE = /^(?:0|[1-9][0-9]{0,8})?$/;
const LONE_SURROGATE = /\p{Cs}/u;

export function parseQuery(params: URLSearchParams, opts: ParseOptions = {}): ParseResult {
  const extraNames = new Set(opts.extraParams ?? []);
  for (const name of extraNames) assertNotQueryParam(name);
  const upgraded = upgradeToCurrent(params);
  if (!upgraded.ok) return upgraded;

  const singles = new Map<SingleParam, string>();
  const filters: DimensionFilter[] = [];
  const extras: Record<string, string[]> = {};
  for (const [key, raw] of upgraded.value) {
    if (isSingleParam(key)) {
      if (singles.has(key)) {
        const times = upgraded.value.getAll(key).length;
        return invalid(key, `given ${times} times, expected at most once`);
      }
      singles.set(key, raw);
      continue;
    }
    const target = filterTarget(key);
    if (target) {
      const value = parseFilterValue(raw, key);
      if (!value.ok) return value;
      filters.push({ ...target, values: [value.value] });
    } else if (extraNames.has(key)) {
      // hasOwn, not ??=: a route param named like `constructor` must not find Object.prototype's.
      if (Object.hasOwn(extras, key)) extras[key]?.push(raw);
      else extras[key] = [raw];
    } else {
      return { ok: false, error: unknownParamError(key, [...extraNames]) };
    }
  }

  const draft = buildDraft(singles, filters);
  if (!draft.ok) return draft;
  try {
    return { ok: true, query: canonicalizeQuery(draft.value), extras };
  } catch (e) {
    if (e instanceof QueryParamError) return { ok: false, error: e };
    throw e;
  }
}

/** The search string (no leading `?`) of a query, canonical, defaults omitted, minimally escaped. */
export function formatQuery(q: AuditQuery, extras: Record<string, string | string[]> = {}): string {
  const c = canonicalizeQuery(q);
  const parts: string[] = [];
  const add = (key: string, value: string) =>
    parts.push(`${encodeParam(key)}=${encodeParam(value)}`);

  if (c.source !== DEFAULT_SOURCE) add('source', c.source);
  if (!sameTimeExpr(c.from, DEFAULT_FROM)) add('from', formatTimeExpr(c.from));
  if (!sameTimeExpr(c.to, DEFAULT_TO)) add('to', formatTimeExpr(c.to));
  for (const f of c.filters) {
    for (const v of f.values) add(filterParamName(f), formatFilterValue(v));
  }
  if (c.text !== '') add('q', c.text);
  if (c.sort !== DEFAULT_SORT) add('sort', c.sort);
  if (c.limit !== DEFAULT_LIMIT) add('limit', String(c.limit));
  for (const key of Object.keys(extras).sort()) {
    assertNotQueryParam(key);
    const values = extras[key] ?? [];
    for (const v of typeof values === 'string' ? [values] : values) add(key, v);
  }
  if (c.cursor !== null) add('cursor', c.cursor);
  return parts.join('&');
}

/**
 * Validates a query and puts it in canonical form: filters merged per dimension and
 * direction, values deduplicated, catalogue order, absolute times in UTC with microseconds.
 * Throws a QueryParamError naming the URL parameter of the first invalid field.
 */
export function canonicalizeQuery(q: AuditQuery): AuditQuery {
  const source = check(validateSource(q.source));
  const from = check(validateTimeExpr(q.from, 'from'));
  const to = check(validateTimeExpr(q.to, 'to'));
  const order = checkOrderWithoutClock(from, to);
  if (order) throw order;
  return {
    source,
    from,
    to,
    filters: check(normalizeFilters(q.filters)),
    text: check(validateText(q.text)),
    sort: check(validateSort(q.sort)),
    limit: check(validateLimit(q.limit)),
    cursor: q.cursor === null ? null : check(validateCursor(q.cursor)),
  };
}

/** Next.js hands `searchParams` over as a record; this keeps repeated params in order. */
export function toURLSearchParams(
  record: Record<string, string | string[] | undefined>,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const v of value === undefined ? [] : typeof value === 'string' ? [value] : value) {
      params.append(key, v);
    }
  }
  return params;
}

/** The URL parameter of a filter: `user`, or `user!` when it excludes. */
export function filterParamName(f: Pick<DimensionFilter, 'dimension' | 'exclude'>): string {
  return f.exclude ? `${f.dimension}!` : f.dimension;
}

/** Reads one filter value: a trailing unescaped `*` makes a prefix, `\*` and `\\` are literal. */
export function parseFilterValue(raw: string, param: string): ParamResult<FilterValue> {
  let value = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '*' && i === raw.length - 1) return ok({ op: 'prefix', value });
    if (c !== '\\') {
      value += c;
      continue;
    }
    const next = raw[++i];
    if (next === '\\' || next === '*') {
      value += next;
    } else if (next === undefined) {
      return invalid(param, 'expected \\\\ for a literal backslash, got a lone \\ at the end');
    } else {
      const escape = quote(`\\${next}`);
      return invalid(
        param,
        `expected \\\\ (backslash) or \\* (star) after a backslash, got ${escape}`,
      );
    }
  }
  return ok({ op: 'eq', value });
}

/** Writes one filter value: backslashes doubled, a final `*` escaped, `*` appended for a prefix. */
export function formatFilterValue(v: FilterValue): string {
  const escaped = v.value.replaceAll('\\', '\\\\');
  const body = escaped.endsWith('*') ? `${escaped.slice(0, -1)}\\*` : escaped;
  return v.op === 'prefix' ? `${body}*` : body;
}

/**
 * Percent-encodes a key or value for a query string, leaving `A-Za-z0-9 - . _ ~ : / * ! @ , $ ; ' ( )`
 * readable. Everything else (`%&=+#?`, space, `"`, `\`, controls, non-ASCII as UTF-8) is encoded.
 */
export function encodeParam(s: string): string {
  return encodeURIComponent(s).replace(/%(3A|2F|40|2C|24|3B)/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

function upgradeToCurrent(params: URLSearchParams): ParamResult<URLSearchParams> {
  const versions = params.getAll('v');
  if (versions.length > 1)
    return invalid('v', `given ${versions.length} times, expected at most once`);
  const v = versions[0] ?? '';
  if (v === '' || v === FORMAT_VERSION) return ok(params);
  const upgrade = UPGRADES.get(v);
  if (upgrade) return ok(upgrade(params));
  return invalid('v', `expected format version ${FORMAT_VERSION}, got ${quote(v)}`);
}

function buildDraft(
  singles: Map<SingleParam, string>,
  filters: DimensionFilter[],
): ParamResult<AuditQuery> {
  // An empty value reads as the default, so a GET form with blank fields still works.
  const get = (key: SingleParam) => {
    const value = singles.get(key);
    return value === '' ? undefined : value;
  };
  const fromRaw = get('from');
  const toRaw = get('to');
  const from = fromRaw === undefined ? ok(DEFAULT_FROM) : parseTimeExpr(fromRaw, 'from');
  if (!from.ok) return from;
  const to = toRaw === undefined ? ok(DEFAULT_TO) : parseTimeExpr(toRaw, 'to');
  if (!to.ok) return to;
  const limitRaw = get('limit');
  const limit = limitRaw === undefined ? ok(DEFAULT_LIMIT) : parseLimit(limitRaw);
  if (!limit.ok) return limit;
  const sort = validateSort(get('sort') ?? DEFAULT_SORT);
  if (!sort.ok) return sort;
  return ok({
    source: get('source') ?? DEFAULT_SOURCE,
    from: from.value,
    to: to.value,
    filters,
    text: get('q') ?? '',
    sort: sort.value,
    limit: limit.value,
    cursor: get('cursor') ?? null,
  });
}

function normalizeFilters(filters: readonly DimensionFilter[]): ParamResult<DimensionFilter[]> {
  const merged = new Map<string, { filter: DimensionFilter; seen: Set<string> }>();
  for (const f of filters) {
    const param = filterParamName(f);
    if (!isDimensionKey(f.dimension)) return { ok: false, error: unknownParamError(param, []) };
    let entry = merged.get(param);
    if (!entry) {
      entry = {
        filter: { dimension: f.dimension, exclude: f.exclude, values: [] },
        seen: new Set(),
      };
      merged.set(param, entry);
    }
    for (const v of f.values) {
      const checked = validateFilterValue(f.dimension, v, param);
      if (!checked.ok) return checked;
      const id = `${v.op}:${v.value}`;
      if (entry.seen.has(id)) continue;
      entry.seen.add(id);
      entry.filter.values.push({ op: v.op, value: v.value });
    }
  }
  const out = [...merged.values()].map((e) => e.filter).filter((f) => f.values.length > 0);
  const tooMany = out.find((f) => f.values.length > MAX_VALUES_PER_FILTER);
  if (tooMany) {
    const got = tooMany.values.length;
    return invalid(
      filterParamName(tooMany),
      `expected at most ${MAX_VALUES_PER_FILTER} values, got ${got}`,
    );
  }
  const rank = (f: DimensionFilter) =>
    DIMENSION_KEYS.indexOf(f.dimension) * 2 + (f.exclude ? 1 : 0);
  return ok(out.sort((a, b) => rank(a) - rank(b)));
}

function validateFilterValue(
  dimension: DimensionKey,
  v: FilterValue,
  param: string,
): ParamResult<FilterValue> {
  if (v.op !== 'eq' && v.op !== 'prefix')
    return invalid(param, `expected op eq or prefix, got ${quote(String(v.op))}`);
  if (LONE_SURROGATE.test(v.value)) return invalid(param, loneSurrogateMessage);
  if (v.value.length > MAX_FILTER_VALUE_LENGTH) {
    return invalid(
      param,
      `expected a value of at most ${MAX_FILTER_VALUE_LENGTH} characters, got ${v.value.length}`,
    );
  }
  if (getDimension(dimension).type === 'number' && !NUMBER_VALUE.test(v.value)) {
    return invalid(
      param,
      `expected a number or a prefix like 4*, got ${quote(formatFilterValue(v))}`,
    );
  }
  return ok(v);
}

const loneSurrogateMessage =
  'expected well-formed Unicode text, got a lone surrogate (it has no UTF-8 encoding)';

function validateSource(s: string): ParamResult<string> {
  if (SOURCE_NAME.test(s)) return ok(s);
  return invalid(
    'source',
    `expected a source name of 1 to 64 letters, digits, _ . or -, got ${quote(s)}`,
  );
}

function validateText(s: string): ParamResult<string> {
  if (LONE_SURROGATE.test(s)) return invalid('q', loneSurrogateMessage);
  if (s.length > MAX_TEXT_LENGTH) {
    return invalid('q', `expected at most ${MAX_TEXT_LENGTH} characters, got ${s.length}`);
  }
  return ok(s);
}

function validateSort(s: string): ParamResult<Sort> {
  const sort = SORTS.find((x) => x === s);
  return sort ? ok(sort) : invalid('sort', `expected ${SORTS.join(' or ')}, got ${quote(s)}`);
}

const limitExpected = `expected an integer from 1 to ${MAX_LIMIT}`;

function parseLimit(s: string): ParamResult<number> {
  return LIMIT.test(s)
    ? validateLimit(Number(s))
    : invalid('limit', `${limitExpected}, got ${quote(s)}`);
}

function validateLimit(n: number): ParamResult<number> {
  if (Number.isInteger(n) && n >= 1 && n <= MAX_LIMIT) return ok(n);
  return invalid('limit', `${limitExpected}, got ${quote(String(n))}`);
}

function validateCursor(s: string): ParamResult<string> {
  if (CURSOR.test(s)) return ok(s);
  const expected = `expected the cursor of a previous page (1 to ${MAX_CURSOR_LENGTH} of A-Z a-z 0-9 _ - = . :)`;
  return invalid('cursor', `${expected}, got ${quote(s)}`);
}

function sameTimeExpr(a: TimeExpr, b: TimeExpr): boolean {
  if (a.kind === 'relative') return b.kind === 'relative' && a.offsetSeconds === b.offsetSeconds;
  return b.kind === 'absolute' && a.iso === b.iso;
}

function isSingleParam(key: string): key is SingleParam {
  return SINGLE_SET.has(key);
}

function filterTarget(key: string): Pick<DimensionFilter, 'dimension' | 'exclude'> | null {
  const exclude = key.endsWith('!');
  const dimension = exclude ? key.slice(0, -1) : key;
  return isDimensionKey(dimension) ? { dimension, exclude } : null;
}

function assertNotQueryParam(name: string): void {
  if (isSingleParam(name) || filterTarget(name)) {
    throw new Error(`extra parameter "${name}" collides with a query parameter`);
  }
}

function unknownParamError(key: string, extraNames: readonly string[]): QueryParamError {
  const names = [...SINGLE_PARAMS, ...extraNames];
  const dims = DIMENSIONS.map((d) => d.key).join(', ');
  const hint = suggest(key, [...names, ...DIMENSION_KEYS]);
  const message =
    `unknown parameter ${quote(key)}: expected one of ${names.join(', ')}, or a dimension (${dims}), ` +
    `optionally suffixed with ! to exclude${hint ? `; did you mean "${hint}"?` : ''}`;
  return new QueryParamError(key, message);
}

/** The known name closest to a mistyped one (edit distance ≤ 2), for a "did you mean" hint. */
function suggest(key: string, known: readonly string[]): string | null {
  const bare = key.endsWith('!') ? key.slice(0, -1) : key;
  if (bare.length > 40) return null;
  let best: { name: string; d: number } | null = null;
  for (const name of known) {
    const d = editDistance(bare.toLowerCase(), name.toLowerCase());
    if (d <= 2 && d < bare.length && (!best || d < best.d)) best = { name, d };
  }
  if (!best) return null;
  return key.endsWith('!') && isDimensionKey(best.name) ? `${best.name}!` : best.name;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

function check<T>(r: ParamResult<T>): T {
  if (!r.ok) throw r.error;
  return r.value;
}
