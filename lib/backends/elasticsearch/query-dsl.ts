// Turns a resolved AuditQuery into Elasticsearch/OpenSearch query DSL: one bool filter of
// term/terms/prefix/range/exists/wildcard clauses. Values only ever land in a clause's
// `value` (never in a field name, never in a query-string parser), so no value can change
// the query's structure. Semantics follow the embedded store (sql-where.ts).

import { FINAL_STAGES, UNAUTHENTICATED_CODE } from '@/lib/audit/counting';
import { getDimension, type DimensionKey } from '@/lib/audit/dimensions';
import { STAGES } from '@/lib/audit/types';
import { microsToIso } from '@/lib/query/time';
import type { DimensionFilter, FilterValue, ResolvedQuery } from '@/lib/query/types';
import type { ResolvedField } from './mapping';

export type Dsl = Record<string, unknown>;

export interface QueryFields {
  time: { path: string; nanos: boolean };
  dims: Record<DimensionKey, ResolvedField>;
  requestURI: ResolvedField;
}

/** The field of a dimension (every key of the catalogue has one once the mapping resolved). */
export function dimField(fields: Pick<QueryFields, 'dims'>, key: DimensionKey): ResolvedField {
  const f = fields.dims[key];
  if (!f) throw new Error(`no field resolved for dimension ${key}`);
  return f;
}

export const MATCH_ALL: Dsl = { match_all: {} };
export const MATCH_NONE: Dsl = { match_none: {} };

/** Dates sent to the server carry microseconds; this format reads them at full precision. */
export const DATE_FORMAT = 'strict_date_optional_time_nanos';

const any = (clauses: Dsl[]): Dsl =>
  clauses.length === 1 ? clauses[0]! : { bool: { should: clauses, minimum_should_match: 1 } };
const not = (clause: Dsl): Dsl => ({ bool: { must_not: [clause] } });
const exists = (field: string): Dsl => ({ exists: { field } });
export const term = (field: string, value: string | number): Dsl => ({
  term: { [field]: { value } },
});

/**
 * [start, end) on the time field. A date_nanos field takes the microseconds as they are; a
 * millisecond date stores the event time truncated, so t >= start holds for a stored
 * millisecond m exactly when m >= ceil(start / 1000) (and likewise for the end).
 */
export function timeRange(
  field: string,
  startMicros: number,
  endMicros: number,
  nanos: boolean,
): Dsl {
  if (!nanos) {
    const ms = (us: number) => Math.ceil(us / 1000);
    return {
      range: { [field]: { gte: ms(startMicros), lt: ms(endMicros), format: 'epoch_millis' } },
    };
  }
  return {
    range: {
      [field]: { gte: microsToIso(startMicros), lt: microsToIso(endMicros), format: DATE_FORMAT },
    },
  };
}

// ---- numbers (a dynamic mapping makes responseStatus.code a long) ----

const MAX_DIGITS = 15; // every 15-digit integer is exact in a double

/** A value compared as text with a number field: the integer it spells, or null if none does. */
function canonicalInteger(v: string): number | null {
  if (!/^-?(0|[1-9][0-9]{0,14})$/.test(v) || v === '-0') return null;
  return Number(v);
}

/**
 * Integers whose decimal text starts with `prefix`, as ranges: "4" is 4, 40–49, 400–499, …
 * (what the embedded store's starts_with on the number's text matches).
 */
function numberPrefix(field: string, prefix: string): Dsl {
  const negative = prefix.startsWith('-');
  const digits = negative ? prefix.slice(1) : prefix;
  if (digits === '') return negative ? { range: { [field]: { lt: 0 } } } : MATCH_ALL;
  if (!/^[0-9]+$/.test(digits) || digits.length > MAX_DIGITS) return MATCH_NONE;
  if (digits.startsWith('0')) return digits === '0' && !negative ? term(field, 0) : MATCH_NONE;
  const ranges: Dsl[] = [];
  const base = Number(digits);
  for (let extra = 0; digits.length + extra <= MAX_DIGITS; extra++) {
    const lo = base * 10 ** extra;
    const hi = (base + 1) * 10 ** extra - 1;
    ranges.push({
      range: { [field]: negative ? { gte: -hi, lte: -lo } : { gte: lo, lte: hi } },
    });
  }
  return any(ranges);
}

// ---- one value of a dimension filter ----

function matchValue(f: ResolvedField, multi: boolean, v: FilterValue): Dsl {
  if (f.kind === 'number') {
    if (v.op === 'prefix') return numberPrefix(f.path, v.value);
    if (v.value === '') return not(exists(f.path));
    const n = canonicalInteger(v.value);
    return n === null ? MATCH_NONE : term(f.path, n);
  }
  if (v.op === 'prefix') {
    // A list matches `prefix ''` when it has an element; a single field always does ('' too).
    if (v.value === '') return multi ? exists(f.path) : MATCH_ALL;
    return { prefix: { [f.path]: { value: v.value } } };
  }
  if (v.value === '') {
    // Missing or empty: for a list that is "no elements"; for one value, absent or "".
    return multi ? not(exists(f.path)) : any([not(exists(f.path)), term(f.path, '')]);
  }
  return term(f.path, v.value);
}

export function filterClause(f: DimensionFilter, fields: QueryFields): Dsl {
  const d = getDimension(f.dimension);
  const field = dimField(fields, f.dimension);
  const hit = any(f.values.map((v) => matchValue(field, d.multi, v)));
  return f.exclude ? not(hit) : hit;
}

/** The value `v` of a breakdown or split row ('' for missing/empty) as a filter. */
export function valueClause(field: ResolvedField, multi: boolean, value: string): Dsl {
  if (value === '' && field.kind !== 'number') {
    // A breakdown's '' row counts absent fields and "" values alike, for lists too.
    return any([not(exists(field.path)), term(field.path, '')]);
  }
  return matchValue(field, multi, { op: 'eq', value });
}

// ---- counting rule (lib/audit/counting.ts) ----

/**
 * Only the event that counts a request: not RequestReceived, and not a ResponseStarted
 * unless its code is 401. Equal to "ResponseComplete, Panic, no stage, or ResponseStarted
 * with 401" for the stages normalize() keeps.
 */
export function countedClause(fields: QueryFields): Dsl {
  const stage = dimField(fields, 'stage').path;
  const code = dimField(fields, 'code');
  const notCounting = STAGES.filter(
    (s) => !(FINAL_STAGES as readonly string[]).includes(s) && s !== 'ResponseStarted',
  );
  const code401 =
    code.kind === 'number'
      ? term(code.path, UNAUTHENTICATED_CODE)
      : term(code.path, String(UNAUTHENTICATED_CODE));
  return {
    bool: {
      must_not: [
        ...notCounting.map((s) => term(stage, s)),
        { bool: { filter: [term(stage, 'ResponseStarted')], must_not: [code401] } },
      ],
    },
  };
}

// ---- free text ----

/** Escapes the wildcard query's own syntax: `*`, `?` and the escape character `\`. */
export function escapeWildcard(text: string): string {
  return text.replace(/[\\*?]/g, (c) => `\\${c}`);
}

const TEXT_DIMENSIONS = [
  'user',
  'verb',
  'resource',
  'namespace',
  'name',
  'userAgent',
  'auditID',
  'sourceIP',
] as const;

/** Case-insensitive substring of any text field: wildcard `*text*` on keyword fields. */
export function textClause(text: string, fields: QueryFields): Dsl {
  const targets = [...TEXT_DIMENSIONS.map((k) => dimField(fields, k)), fields.requestURI].filter(
    (f) => f.kind !== 'number',
  );
  const value = `*${escapeWildcard(text)}*`;
  return any(targets.map((f) => ({ wildcard: { [f.path]: { value, case_insensitive: true } } })));
}

// ---- the whole query ----

export function hasStageInclude(q: ResolvedQuery): boolean {
  return q.filters.some((f) => f.dimension === 'stage' && !f.exclude);
}

/** The query of a ResolvedQuery: time range, counting rule, filters, free text. */
export function buildQuery(q: ResolvedQuery, fields: QueryFields): Dsl {
  const filter: Dsl[] = [
    timeRange(fields.time.path, q.range.startMicros, q.range.endMicros, fields.time.nanos),
  ];
  if (!hasStageInclude(q)) filter.push(countedClause(fields));
  for (const f of q.filters) filter.push(filterClause(f, fields));
  if (q.text) filter.push(textClause(q.text, fields));
  return { bool: { filter } };
}
