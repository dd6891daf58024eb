// AuditQuery → LogQL pipeline, with the embedded store's semantics (sql-where.ts): the
// counting rule, filters per dimension, free text. Cheap line filters come first, then
// `| json` of only the fields the query reads, then label filters.
//
// Lists (groups, source IPs): Loki's parser unescapes a whole JSON array as text, which is
// ambiguous, so elements are extracted one by one (`user.groups[0]`, ...) up to `listSlots`.
// A line whose list may be longer gets OVERFLOW_LABEL="1" and passes the list condition;
// callers either re-check those lines (search) or retry with more slots (counts).

import { FINAL_STAGES, UNAUTHENTICATED_CODE } from '@/lib/audit/counting';
import {
  DIMENSIONS,
  getDimension,
  type Dimension,
  type DimensionKey,
} from '@/lib/audit/dimensions';
import type { DimensionFilter, FilterValue, ResolvedQuery, ResolvedRange } from '@/lib/query/types';
import { allOf, anyOf, match, not, type Cond } from './label-conditions';
import {
  elementLabel,
  labelOf,
  listLabel,
  MICROS_LABEL,
  MORE_LABEL,
  OVERFLOW_LABEL,
  URI_LABEL,
  EDGE_LABEL,
} from './labels';
import { filterLineFilter, textLineFilter } from './line-filters';
import { regexLiteral } from './logql-escape';
import type { Extraction, LabelExpr, LabelTemplate, LineFilter, LogPipeline } from './logql-model';

export interface PlanOptions {
  /** Elements extracted per list dimension. */
  listSlots: number;
  /** Keep only entries whose time lies in this range (when the query window is wider). */
  micros?: ResolvedRange | null;
  /** Timeline: set EDGE_LABEL="1" on entries exactly on a multiple of this many seconds. */
  edgeStepSeconds?: number | null;
  /** Extract a dimension's value for grouping (list dimensions: one element index). */
  group?: { dimension: DimensionKey; index?: number } | null;
  /** Further conditions, after the query's own (they may read the group label). */
  extra?: (groupLabel: string) => Cond;
}

export interface Plan {
  pipeline: LogPipeline;
  /** The filters contradict each other: no event can match (no need to ask Loki). */
  matchesNothing: boolean;
  /** OVERFLOW_LABEL is computed: group counts by it and retry with more slots when set. */
  overflow: boolean;
  /** Label holding the grouped value, when `group` was given. */
  groupLabel: string | null;
}

/** Matches a list label that is missing, null or an empty array. */
const EMPTY_LIST = '(?:\\[\\s*\\])?';
/** A separator between two strings in the unescaped list text; counts bound the length. */
const SEPARATOR_TEMPLATE_REGEX = '"\\"\\\\s*,"';

/** Fields free text searches besides source IPs and the request URI (sql-where.ts). */
const TEXT_DIMENSIONS: DimensionKey[] = [
  'user',
  'verb',
  'resource',
  'namespace',
  'name',
  'userAgent',
  'auditID',
];

function prefixPattern(prefix: string): string {
  return `(?s)${regexLiteral(prefix)}.*`;
}

class PlanBuilder {
  readonly extractions = new Map<string, Extraction>();
  readonly overflowLists = new Set<DimensionKey>();

  constructor(readonly slots: number) {}

  extract(label: string, path: ReadonlyArray<string | number>): string {
    if (!this.extractions.has(label)) this.extractions.set(label, { label, path });
    return label;
  }

  single(d: Dimension): string {
    return this.extract(labelOf(d), d.path);
  }

  list(d: Dimension): string {
    return this.extract(listLabel(d.key as DimensionKey), d.path);
  }

  element(d: Dimension, i: number): string {
    return this.extract(elementLabel(d.key as DimensionKey, i), [...d.path, i]);
  }

  /** `test` over the first `slots` elements, OR-ed (any element matches). */
  anyElement(d: Dimension, test: (label: string) => Cond): Cond {
    this.list(d);
    const parts: Cond[] = [];
    for (let i = 0; i < this.slots; i++) parts.push(test(this.element(d, i)));
    return anyOf(parts);
  }

  valueCond(d: Dimension, v: FilterValue): { cond: Cond; elements: boolean } {
    const test = (label: string): Cond =>
      v.op === 'eq'
        ? match(label, '=', v.value)
        : v.value === ''
          ? true
          : match(label, '=~', prefixPattern(v.value));
    if (!d.multi) return { cond: test(this.single(d)), elements: false };
    if (v.value === '') {
      // eq '' is an empty list; prefix '' any non-empty list.
      return {
        cond: match(this.list(d), v.op === 'eq' ? '=~' : '!~', EMPTY_LIST),
        elements: false,
      };
    }
    return { cond: this.anyElement(d, test), elements: true };
  }

  filterCond(f: DimensionFilter): Cond {
    const d = getDimension(f.dimension);
    const parts = f.values.map((v) => this.valueCond(d, v));
    const any = anyOf(parts.map((p) => p.cond));
    const cond = f.exclude ? not(any) : any;
    if (!parts.some((p) => p.elements)) return cond;
    this.overflowLists.add(d.key as DimensionKey);
    return anyOf([cond, match(OVERFLOW_LABEL, '=', '1')]);
  }

  textCond(text: string): Cond {
    const pattern = `(?is).*${regexLiteral(text.toLowerCase())}.*`;
    const test = (label: string): Cond => match(label, '=~', pattern);
    const parts = TEXT_DIMENSIONS.map((k) => test(this.single(getDimension(k))));
    parts.push(test(this.extract(URI_LABEL, ['requestURI'])));
    const ips = getDimension('sourceIP');
    parts.push(this.anyElement(ips, test));
    this.overflowLists.add('sourceIP');
    parts.push(match(OVERFLOW_LABEL, '=', '1'));
    return anyOf(parts);
  }

  countedCond(): Cond {
    const stage = this.single(getDimension('stage'));
    const code = this.single(getDimension('code'));
    const finals = FINAL_STAGES.map(regexLiteral).join('|');
    return anyOf([
      match(stage, '=~', `(?:${finals})?`),
      allOf([match(stage, '=', 'ResponseStarted'), match(code, '=', String(UNAUTHENTICATED_CODE))]),
    ]);
  }

  overflowTemplate(): LabelTemplate {
    const tests = [...this.overflowLists].map(
      (k) => `(ge (count ${SEPARATOR_TEMPLATE_REGEX} .${listLabel(k)}) ${this.slots})`,
    );
    const test = tests.length === 1 ? tests[0]!.slice(1, -1) : `or ${tests.join(' ')}`;
    return { label: OVERFLOW_LABEL, template: `{{ if ${test} }}1{{ end }}` };
  }
}

function byCatalogueOrder(a: DimensionFilter, b: DimensionFilter): number {
  const index = (k: string) => DIMENSIONS.findIndex((d) => d.key === k);
  return index(a.dimension) - index(b.dimension);
}

function flatten(c: Cond): LabelExpr[] {
  if (typeof c === 'boolean') return [];
  return c.kind === 'and' ? c.items : [c];
}

/** The LogQL pipeline of a query. `selector` comes from the source's configuration. */
export function planQuery(selector: string, q: ResolvedQuery, opts: PlanOptions): Plan {
  if (!Number.isSafeInteger(opts.listSlots) || opts.listSlots < 1) {
    throw new RangeError(`listSlots must be a positive integer, got ${opts.listSlots}`);
  }
  const b = new PlanBuilder(opts.listSlots);
  const conds: Cond[] = [];
  const lineFilters: LineFilter[] = [];

  const stageInclude = q.filters.some((f) => f.dimension === 'stage' && !f.exclude);
  if (!stageInclude) conds.push(b.countedCond());
  for (const f of [...q.filters].sort(byCatalogueOrder)) {
    conds.push(b.filterCond(f));
    const lf = filterLineFilter(f);
    if (lf) lineFilters.push(lf);
  }
  if (q.text) {
    conds.push(b.textCond(q.text));
    const lf = textLineFilter(q.text);
    if (lf) lineFilters.push(lf);
  }

  const templates: LabelTemplate[] = [];
  // Labels no filter reads are computed last, only on the lines that matched.
  const lateTemplates: LabelTemplate[] = [];
  let groupLabel: string | null = null;
  if (opts.group) {
    const d = getDimension(opts.group.dimension);
    if (d.multi) {
      const index = opts.group.index ?? 0;
      groupLabel = b.element(d, index);
      const list = b.list(d);
      lateTemplates.push({
        label: MORE_LABEL,
        template: `{{ if ge (count ${SEPARATOR_TEMPLATE_REGEX} .${list}) ${index + 1} }}1{{ end }}`,
      });
    } else {
      groupLabel = b.single(d);
    }
  }
  if (opts.extra && groupLabel) conds.push(opts.extra(groupLabel));
  if (b.overflowLists.size) templates.push(b.overflowTemplate());

  let lateCond: Cond = true;
  if (opts.micros) {
    lateTemplates.push({ label: MICROS_LABEL, template: '{{ (__timestamp__).UnixMicro }}' });
    lateCond = allOf([
      { kind: 'number', label: MICROS_LABEL, op: '>=', value: opts.micros.startMicros },
      { kind: 'number', label: MICROS_LABEL, op: '<', value: opts.micros.endMicros },
    ]);
  }
  if (opts.edgeStepSeconds) {
    if (!Number.isSafeInteger(opts.edgeStepSeconds) || opts.edgeStepSeconds < 1) {
      throw new RangeError(`edge step must be whole seconds, got ${opts.edgeStepSeconds}`);
    }
    // Most entries leave at the nanosecond test; the modulo runs for whole seconds only.
    lateTemplates.push({
      label: EDGE_LABEL,
      template: `{{ with __timestamp__ }}{{ if .Nanosecond }}{{ else if eq (mod .Unix ${opts.edgeStepSeconds}) 0 }}1{{ end }}{{ end }}`,
    });
  }

  const all = allOf(conds);
  return {
    pipeline: {
      selector,
      lineFilters,
      extractions: [...b.extractions.values()],
      templates,
      filters: flatten(all),
      lateTemplates,
      lateFilters: flatten(lateCond),
    },
    matchesNothing: all === false,
    overflow: b.overflowLists.size > 0,
    groupLabel,
  };
}
