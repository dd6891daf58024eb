// A small model of the LogQL Auditlens sends, rendered in one place. Builders fill the
// model with raw values; only `renderPipeline` turns them into text, through the escapers,
// so no code path splices a value into a query by hand.

import { checkLabelName, jsonPathExpression, logqlString, regexLiteral } from './logql-escape';

/** A line filter: a substring (`|=`) or an RE2 pattern (`|~`) over the raw line. */
export type LineFilter =
  | { kind: 'contains'; text: string }
  /** Any of the texts, as literal alternatives; `ignoreCase` adds (?i). */
  | { kind: 'anyOf'; texts: string[]; ignoreCase: boolean };

/** `label="path"` of `| json`. */
export interface Extraction {
  label: string;
  path: ReadonlyArray<string | number>;
}

/** `label="template"` of `| label_format`; templates are constants of our code. */
export interface LabelTemplate {
  label: string;
  template: string;
}

export type MatchOp = '=' | '!=' | '=~' | '!~';

export type LabelExpr =
  /** A string matcher; for =~ and !~ `value` is an RE2 pattern, anchored by Loki. */
  | { kind: 'match'; label: string; op: MatchOp; value: string }
  | { kind: 'number'; label: string; op: '>=' | '<'; value: number }
  | { kind: 'and' | 'or'; items: LabelExpr[] };

export interface LogPipeline {
  /** The source's stream selector, from server configuration. */
  selector: string;
  lineFilters: LineFilter[];
  extractions: Extraction[];
  templates: LabelTemplate[];
  /** Stages after parsing, and-ed. */
  filters: LabelExpr[];
  /**
   * Formats and filters after `filters`: templates cost per line, so the ones the filters do
   * not read run only on the lines that got through.
   */
  lateTemplates: LabelTemplate[];
  lateFilters: LabelExpr[];
}

function renderLineFilter(f: LineFilter): string {
  if (f.kind === 'contains') return `|= ${logqlString(f.text)}`;
  const alternatives = f.texts.map(regexLiteral).join('|');
  return `|~ ${logqlString(`${f.ignoreCase ? '(?i)' : ''}${alternatives}`)}`;
}

function renderExpr(e: LabelExpr, nested: boolean): string {
  switch (e.kind) {
    case 'match':
      return `${checkLabelName(e.label)}${e.op}${logqlString(e.value)}`;
    case 'number':
      if (!Number.isSafeInteger(e.value)) throw new RangeError(`not a safe integer: ${e.value}`);
      return `${checkLabelName(e.label)} ${e.op} ${e.value}`;
    case 'and':
    case 'or': {
      if (e.items.length === 0) throw new RangeError(`empty "${e.kind}" in a label filter`);
      if (e.items.length === 1) return renderExpr(e.items[0]!, nested);
      const inner = e.items.map((i) => renderExpr(i, true)).join(` ${e.kind} `);
      return nested || e.kind === 'or' ? `(${inner})` : inner;
    }
  }
}

/** The log query: selector, line filters, `| json` of the needed fields, formats, filters. */
export function renderPipeline(p: LogPipeline): string {
  const parts = [p.selector.trim()];
  for (const f of p.lineFilters) parts.push(renderLineFilter(f));
  if (p.extractions.length) {
    const list = p.extractions.map(
      (x) => `${checkLabelName(x.label)}=${logqlString(jsonPathExpression(x.path))}`,
    );
    parts.push(`| json ${list.join(', ')}`);
  }
  const format = (templates: LabelTemplate[]) => {
    const list = templates.map((t) => `${checkLabelName(t.label)}=${logqlString(t.template)}`);
    parts.push(`| label_format ${list.join(', ')}`);
  };
  if (p.templates.length) format(p.templates);
  // Lines that are not JSON (or a template that failed) are not audit events.
  if (p.extractions.length || p.templates.length) parts.push('| __error__=""');
  for (const f of p.filters) parts.push(`| ${renderExpr(f, false)}`);
  if (p.lateTemplates.length) format(p.lateTemplates);
  for (const f of p.lateFilters) parts.push(`| ${renderExpr(f, false)}`);
  return parts.join(' ');
}

/** `sum by (labels) (count_over_time(<pipeline> [rangeMs]))`. */
export function renderCount(p: LogPipeline, rangeMs: number, groupBy: readonly string[]): string {
  if (!Number.isSafeInteger(rangeMs) || rangeMs < 1) {
    throw new RangeError(`range must be a whole number of milliseconds, got ${rangeMs}`);
  }
  const by = groupBy.length ? ` by (${groupBy.map(checkLabelName).join(', ')})` : '';
  return `sum${by} (count_over_time(${renderPipeline(p)} [${rangeMs}ms]))`;
}
