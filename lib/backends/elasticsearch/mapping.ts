// Reads the mapping of the source's indices and resolves each field Auditlens queries to
// what it can use: a keyword field (or the `.keyword` sub-field a dynamic mapping adds to
// text), a number, or nothing. Missing or unusable fields are a 'misconfigured' error
// naming them; precision and length limits become warnings shown by health().

import { DIMENSIONS, type DimensionKey } from '@/lib/audit/dimensions';
import { isRecord, type JsonRecord } from '@/lib/audit/json-value';
import { StoreError } from '../errors';
import type { FieldMap } from './presets';
import type { SearchHttp } from './search-http';

export type FieldKind = 'keyword' | 'number' | 'absent';

export interface ResolvedField {
  /** The path to query (may be a `.keyword` sub-field). */
  path: string;
  kind: FieldKind;
}

export interface ResolvedMapping {
  indices: string[];
  time: { path: string; nanos: boolean };
  dims: Record<DimensionKey, ResolvedField> | null;
  requestURI: ResolvedField;
  logField: string | null;
  warnings: string[];
}

interface LeafMapping {
  type: string;
  /** Sub-field of type keyword (`fields.keyword` of a dynamic mapping), if any. */
  keywordSub: string | null;
  ignoreAbove: number | null;
}

const NUMBER_TYPES = new Set([
  'long',
  'integer',
  'short',
  'byte',
  'double',
  'float',
  'half_float',
  'scaled_float',
  'unsigned_long',
]);
const KEYWORD_TYPES = new Set(['keyword', 'constant_keyword', 'wildcard']);
const DATE_TYPES = new Set(['date', 'date_nanos']);

/** Every leaf of a mapping by dotted path (objects walked; multi-fields noted on their parent). */
export function flattenMapping(properties: unknown, prefix = ''): Map<string, LeafMapping> {
  const out = new Map<string, LeafMapping>();
  if (!isRecord(properties)) return out;
  for (const [name, def] of Object.entries(properties)) {
    if (!isRecord(def)) continue;
    const path = prefix + name;
    if (isRecord(def.properties) && (def.type === undefined || def.type === 'object')) {
      for (const [k, v] of flattenMapping(def.properties, `${path}.`)) out.set(k, v);
      continue;
    }
    const type = typeof def.type === 'string' ? def.type : 'object';
    let keywordSub: string | null = null;
    let ignoreAbove: number | null = typeof def.ignore_above === 'number' ? def.ignore_above : null;
    if (isRecord(def.fields)) {
      for (const [sub, subDef] of Object.entries(def.fields)) {
        if (isRecord(subDef) && subDef.type === 'keyword') {
          keywordSub = sub;
          ignoreAbove = typeof subDef.ignore_above === 'number' ? subDef.ignore_above : null;
          break;
        }
      }
    }
    out.set(path, { type, keywordSub, ignoreAbove });
  }
  return out;
}

type Resolution =
  { ok: true; field: ResolvedField; ignoreAbove: number | null } | { ok: false; problem: string };

function resolveLeaf(path: string, leaf: LeafMapping | undefined): Resolution {
  if (!leaf) return { ok: true, field: { path, kind: 'absent' }, ignoreAbove: null };
  if (KEYWORD_TYPES.has(leaf.type)) {
    return { ok: true, field: { path, kind: 'keyword' }, ignoreAbove: leaf.ignoreAbove };
  }
  if (NUMBER_TYPES.has(leaf.type)) {
    return { ok: true, field: { path, kind: 'number' }, ignoreAbove: null };
  }
  if (leaf.type === 'text' && leaf.keywordSub) {
    return {
      ok: true,
      field: { path: `${path}.${leaf.keywordSub}`, kind: 'keyword' },
      ignoreAbove: leaf.ignoreAbove,
    };
  }
  if (leaf.type === 'text') {
    return { ok: false, problem: `${path} is text without a keyword sub-field` };
  }
  return { ok: false, problem: `${path} is mapped as ${leaf.type}` };
}

function sameField(a: ResolvedField, b: ResolvedField): boolean {
  return a.path === b.path && a.kind === b.kind;
}

interface Context {
  source: string;
  indexPattern: string;
  fields: FieldMap;
  /** "Elasticsearch at http://…", for messages. */
  where?: string;
}

function misconfigured(ctx: Context, what: string): StoreError {
  return new StoreError(
    'misconfigured',
    ctx.source,
    `source "${ctx.source}": index pattern "${ctx.indexPattern}" (preset ${ctx.fields.preset}) ${what}`,
  );
}

const PRESET_HINT: Record<FieldMap['preset'], string> = {
  fluentd: 'the Event fields at the document root (Fluentd/Fluent Bit)',
  'elastic-agent': 'the Event under kubernetes.audit.* (Elastic Agent/Filebeat)',
  'fluentd-log-string': 'the Event JSON as a string under log',
  custom: 'the fields named in the source configuration',
};

/** Resolves the source's fields against the mappings of every index the pattern matches. */
export function resolveMapping(ctx: Context, mappings: unknown): ResolvedMapping {
  const perIndex = new Map<string, Map<string, LeafMapping>>();
  if (isRecord(mappings)) {
    for (const [index, def] of Object.entries(mappings)) {
      const m = isRecord(def) && isRecord(def.mappings) ? def.mappings : ({} as JsonRecord);
      perIndex.set(index, flattenMapping(m.properties));
    }
  }
  if (perIndex.size === 0)
    throw misconfigured(ctx, `matches no index${ctx.where ? ` on ${ctx.where}` : ''}`);
  const indices = [...perIndex.keys()].sort();
  const warnings: string[] = [];
  const problems: string[] = [];
  const mixed: string[] = [];

  const resolve = (path: string): { field: ResolvedField; ignoreAbove: number | null } => {
    let chosen: { field: ResolvedField; ignoreAbove: number | null } | null = null;
    for (const [index, leaves] of perIndex) {
      const r = resolveLeaf(path, leaves.get(path));
      if (!r.ok) {
        problems.push(`${r.problem} in ${index}`);
        continue;
      }
      if (r.field.kind === 'absent') continue;
      if (chosen && !sameField(chosen.field, r.field)) mixed.push(path);
      chosen ??= r;
    }
    return chosen ?? { field: { path, kind: 'absent' }, ignoreAbove: null };
  };

  // The time field: a date in every index that has it.
  let timeNanos = true;
  let timeSeen = false;
  for (const [index, leaves] of perIndex) {
    const leaf = leaves.get(ctx.fields.time);
    if (!leaf) continue;
    timeSeen = true;
    if (!DATE_TYPES.has(leaf.type)) {
      problems.push(`time field ${ctx.fields.time} is mapped as ${leaf.type} in ${index}`);
    }
    if (leaf.type !== 'date_nanos') timeNanos = false;
  }
  const missing: string[] = timeSeen ? [] : [ctx.fields.time];

  let dims: ResolvedMapping['dims'] = null;
  let requestURI: ResolvedField = { path: ctx.fields.requestURI, kind: 'absent' };
  const shortKeywords: string[] = [];
  if (ctx.fields.dims) {
    dims = {} as Record<DimensionKey, ResolvedField>;
    const paths = ctx.fields.dims;
    const pathOf = (key: DimensionKey): string => {
      const path = paths[key];
      if (path === undefined) throw new Error(`preset has no field for dimension ${key}`);
      return path;
    };
    for (const d of DIMENSIONS) {
      const r = resolve(pathOf(d.key));
      dims[d.key] = r.field;
      if (r.ignoreAbove !== null && r.ignoreAbove < 1024) shortKeywords.push(r.field.path);
    }
    const uri = resolve(ctx.fields.requestURI);
    requestURI = uri.field;
    if (uri.ignoreAbove !== null && uri.ignoreAbove < 1024) shortKeywords.push(uri.field.path);
    // Every apiserver event has these; without them the preset does not fit the documents.
    for (const key of ['auditID', 'stage', 'verb'] as const) {
      if (dims[key]?.kind !== 'keyword') missing.push(pathOf(key));
    }
  } else if (ctx.fields.logField) {
    const seen = indices.some((i) => perIndex.get(i)!.has(ctx.fields.logField!));
    if (!seen) missing.push(ctx.fields.logField);
  }

  const faults: string[] = [];
  if (missing.length) {
    faults.push(
      `has no mapping for ${missing.join(', ')} in ${indices.join(', ')}; ` +
        `preset ${ctx.fields.preset} expects ${PRESET_HINT[ctx.fields.preset]}`,
    );
  }
  if (problems.length) {
    faults.push(
      `maps fields Auditlens cannot filter exactly: ${problems.join('; ')} ` +
        '(map them as keyword, and the time field as date_nanos, as the Auditlens index template does)',
    );
  }
  if (faults.length) {
    throw misconfigured(
      ctx,
      `${faults.join('; it also ')}. Check the preset (or fields/timeField), ` +
        'or load events with npm run ingest -- --to elasticsearch',
    );
  }
  if (mixed.length) {
    throw misconfigured(
      ctx,
      `maps ${[...new Set(mixed)].sort().join(', ')} differently across ${indices.join(', ')}; ` +
        'narrow the pattern to indices with one mapping',
    );
  }
  if (!timeNanos) {
    warnings.push(
      `time field ${ctx.fields.time} is a date with millisecond precision: events within one ` +
        'millisecond cannot be told apart; map it as date_nanos (the Auditlens index template does)',
    );
  }
  if (shortKeywords.length) {
    warnings.push(
      `${shortKeywords.join(', ')} ignore values longer than their ignore_above (dynamic mapping: 256 ` +
        'characters), so longer values cannot be filtered or searched',
    );
  }
  return {
    indices,
    time: { path: ctx.fields.time, nanos: timeNanos },
    dims,
    requestURI,
    logField: ctx.fields.logField,
    warnings,
  };
}

export async function readMapping(http: SearchHttp, ctx: Context): Promise<ResolvedMapping> {
  const body = await http.ok('GET', `${encodeURIComponent(ctx.indexPattern)}/_mapping`);
  const { product, url } = http.context;
  return resolveMapping({ ...ctx, where: `${product} at ${url}` }, body);
}
