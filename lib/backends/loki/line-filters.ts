// Line filters that narrow a query before Loki parses any JSON. A line filter runs on the
// raw line, where a value appears JSON-encoded, and encoders differ: Go escapes < > &,
// others escape / ' + or all non-ASCII. So a filter only uses runs of characters that every
// encoder writes as themselves: then "the event matches" implies "the line contains the
// run", and the filter can never drop a matching event.

import type { DimensionFilter } from '@/lib/query/types';
import type { LineFilter } from './logql-model';

/** Characters no JSON encoder escapes. */
const PLAIN = /[A-Za-z0-9 !#$%()*,\-.:;=?@[\]^_{|}~]+/g;
/**
 * For case-insensitive text: also without i and k, because İ (U+0130) and the Kelvin sign
 * (U+212A) lower-case to them but may be written as \u escapes, which (?i) cannot see.
 */
const PLAIN_ANY_CASE = /[A-HJL-Za-hjl-z0-9 !#$%()*,\-.:;=?@[\]^_{|}~]+/g;

/** Shorter runs narrow too little to pay for the scan. */
export const MIN_RUN = 3;

/** The longest run of plain characters in `value`, or null when none is long enough. */
export function longestPlainRun(value: string, anyCase = false): string | null {
  let best = '';
  for (const m of value.matchAll(anyCase ? PLAIN_ANY_CASE : PLAIN)) {
    if (m[0].length > best.length) best = m[0];
  }
  return best.length >= MIN_RUN ? best : null;
}

/**
 * A necessary condition of an include filter: every matching event's line contains the
 * run of one of its values. None when a value gives no run (eq '', prefix '', too short).
 */
export function filterLineFilter(f: DimensionFilter): LineFilter | null {
  if (f.exclude) return null;
  const runs: string[] = [];
  for (const v of f.values) {
    const run = v.value === '' ? null : longestPlainRun(v.value);
    if (run === null) return null;
    runs.push(run);
  }
  const distinct = [...new Set(runs)];
  if (distinct.length === 1) return { kind: 'contains', text: distinct[0]! };
  return { kind: 'anyOf', texts: distinct, ignoreCase: false };
}

/** A necessary condition of free text (case-insensitive substring of some field). */
export function textLineFilter(text: string): LineFilter | null {
  const run = longestPlainRun(text.toLowerCase(), true);
  return run === null ? null : { kind: 'anyOf', texts: [run], ignoreCase: true };
}
