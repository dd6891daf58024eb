// Time for Loki: nanosecond timestamps, and long ranges cut into windows Loki accepts
// (max_query_length is 30d1h by default; each window stays within 30 days).
//
// Event times are whole microseconds, Loki entries carry nanoseconds: an entry belongs to
// microsecond floor(ns / 1000). A metric range [R] at time T counts entries in (T-R, T].

import type { ResolvedRange } from '@/lib/query/types';

export const MICROS_PER_MS = 1000;
/** The longest window one Loki query covers. */
export const MAX_WINDOW_MICROS = 30 * 86_400 * 1_000_000;

export function microsToNs(us: number): bigint {
  return BigInt(us) * 1000n;
}

/** The microsecond an entry's nanosecond timestamp falls in. */
export function nsToMicros(ns: bigint): number {
  const q = ns / 1000n;
  // BigInt division truncates toward zero; times before 1970 round down like floor().
  return Number(ns < 0n && ns % 1000n !== 0n ? q - 1n : q);
}

/** [start, end) cut into windows of at most `max` microseconds, oldest first. */
export function splitRange(range: ResolvedRange, max = MAX_WINDOW_MICROS): ResolvedRange[] {
  const out: ResolvedRange[] = [];
  for (let s = range.startMicros; s < range.endMicros; s += max) {
    out.push({ startMicros: s, endMicros: Math.min(range.endMicros, s + max) });
  }
  return out;
}

/** An instant query covering [start, end): its time, its range and whether that is exact. */
export interface InstantWindow {
  timeNs: bigint;
  rangeMs: number;
  /** False when the range had to be rounded up to whole milliseconds (filter by time too). */
  exact: boolean;
}

export function instantWindow(range: ResolvedRange): InstantWindow {
  const span = range.endMicros - range.startMicros;
  // (end - 1ns - R, end - 1ns] holds exactly the microseconds [end - R, end).
  return {
    timeNs: microsToNs(range.endMicros) - 1n,
    rangeMs: Math.ceil(span / MICROS_PER_MS),
    exact: span % MICROS_PER_MS === 0,
  };
}
