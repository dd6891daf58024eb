// Boolean conditions over extracted labels: label expressions plus the constants true and
// false, so a filter that matches everything (prefix '') or nothing folds away instead of
// reaching Loki as an odd expression.

import type { LabelExpr, MatchOp } from './logql-model';

export type Cond = LabelExpr | boolean;

export function match(label: string, op: MatchOp, value: string): Cond {
  return { kind: 'match', label, op, value };
}

export function anyOf(items: Cond[]): Cond {
  const kept: LabelExpr[] = [];
  for (const c of items) {
    if (c === true) return true;
    if (c !== false) kept.push(c);
  }
  if (kept.length === 0) return false;
  return kept.length === 1 ? kept[0]! : { kind: 'or', items: kept };
}

export function allOf(items: Cond[]): Cond {
  const kept: LabelExpr[] = [];
  for (const c of items) {
    if (c === false) return false;
    if (c !== true) kept.push(c);
  }
  if (kept.length === 0) return true;
  return kept.length === 1 ? kept[0]! : { kind: 'and', items: kept };
}

const NEGATED: Record<MatchOp, MatchOp> = { '=': '!=', '!=': '=', '=~': '!~', '!~': '=~' };

export function not(c: Cond): Cond {
  if (typeof c === 'boolean') return !c;
  switch (c.kind) {
    case 'match':
      return { ...c, op: NEGATED[c.op] };
    case 'number':
      return { ...c, op: c.op === '>=' ? '<' : '>=' };
    case 'and':
      return anyOf(c.items.map(not));
    case 'or':
      return allOf(c.items.map(not));
  }
}
