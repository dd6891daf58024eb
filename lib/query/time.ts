// Time expressions of the URL (`now`, `now-24h`, an ISO-8601 instant) and their resolution
// to microseconds since the epoch. Audit timestamps carry microseconds and JS Dates only
// milliseconds, so instants are parsed and printed here by hand.

import { invalid, ok, quote, QueryParamError, type ParamResult } from './errors';
import type { AuditQuery, ResolvedQuery, ResolvedRange, TimeExpr } from './types';

const MICROS_PER_SECOND = 1_000_000;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const;
/** Units `formatTimeExpr` writes, largest first; `w` is read but `now-7d` reads better than `now-1w`. */
const FORMAT_UNITS = ['d', 'h', 'm', 's'] as const;

export const MAX_RELATIVE_DAYS = 400;
export const MAX_RELATIVE_SECONDS = MAX_RELATIVE_DAYS * UNIT_SECONDS.d;
/** Instants must lie in [1970, 2200): microseconds stay exact in a double up to 2255. */
export const MIN_MICROS = 0;
export const MAX_MICROS = Date.UTC(2200, 0, 1) * 1000;

export const DEFAULT_FROM: TimeExpr = Object.freeze({ kind: 'relative', offsetSeconds: 86_400 });
export const DEFAULT_TO: TimeExpr = Object.freeze({ kind: 'relative', offsetSeconds: 0 });

const DURATION = /^([1-9][0-9]{0,9})([smhdw])$/;
// A space before the offset is a `+` that URL decoding turned into a space.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+\- ])(\d{2})(?::?(\d{2}))?)$/;
const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

const TIME_BOUNDS = 'expected a time from 1970 to 2199';
const EXPECTED =
  `expected now, now-<n><unit> (unit s, m, h, d or w, at most ${MAX_RELATIVE_DAYS} days) ` +
  'or an ISO-8601 time like 2026-11-23T03:50:58Z';

export function nowMicros(): number {
  return Date.now() * 1000;
}

/** Parses `now`, `now-15m` or an ISO-8601 instant; absolute times come back canonical (UTC, 6 fraction digits). */
export function parseTimeExpr(s: string, param = 'from'): ParamResult<TimeExpr> {
  if (s === 'now') return ok({ kind: 'relative', offsetSeconds: 0 });
  const offsetSeconds = s.startsWith('now-') ? parseDurationSeconds(s.slice(4)) : null;
  if (offsetSeconds !== null) {
    if (offsetSeconds > MAX_RELATIVE_SECONDS) {
      return invalid(param, `expected at most ${MAX_RELATIVE_DAYS} days back, got ${quote(s)}`);
    }
    return ok({ kind: 'relative', offsetSeconds });
  }
  const abs = parseIsoInstant(s);
  if (typeof abs === 'number') return ok({ kind: 'absolute', iso: microsToIso(abs) });
  return invalid(param, `${abs}, got ${quote(s)}`);
}

export function formatTimeExpr(t: TimeExpr): string {
  if (t.kind === 'absolute') return microsToIso(isoToMicros(t.iso));
  return t.offsetSeconds === 0 ? 'now' : `now-${formatDuration(t.offsetSeconds)}`;
}

/** Seconds of `<n><unit>` (`15m`, `24h`, `7d`; units s, m, h, d, w), or null if it isn't one. */
export function parseDurationSeconds(s: string): number | null {
  const m = DURATION.exec(s);
  if (!m) return null;
  const [, n, unit] = m;
  return Number(n) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS];
}

/** `<n><unit>` in the largest unit that divides the seconds exactly: 86400 → `1d`, 5400 → `90m`. */
export function formatDuration(seconds: number): string {
  const unit = FORMAT_UNITS.find((u) => seconds % UNIT_SECONDS[u] === 0) ?? 's';
  return `${seconds / UNIT_SECONDS[unit]}${unit}`;
}

/** Checks a TimeExpr built in code (not parsed), so `formatQuery` can't write a URL that won't parse. */
export function validateTimeExpr(t: TimeExpr, param: string): ParamResult<TimeExpr> {
  if (t.kind === 'absolute') return parseTimeExpr(t.iso, param);
  const s = t.offsetSeconds;
  if (Number.isSafeInteger(s) && s >= 0 && s <= MAX_RELATIVE_SECONDS) return ok(t);
  return invalid(
    param,
    `expected a whole number of seconds from 0 to ${MAX_RELATIVE_SECONDS}, got ${s}`,
  );
}

/** Digits of `s` from `i` to `j` as a number, or -1 if any is not a digit. */
function digits(s: string, i: number, j: number): number {
  let n = 0;
  for (let k = i; k < j; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The canonical form (`2026-11-23T03:50:58.107723Z`, what normalize() writes for every
 * event) without a regex: ingest converts one per event. Null for anything else.
 */
function canonicalIsoToMicros(s: string): number | null {
  if (s.length !== 27 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':')
    return null;
  if (s[16] !== ':' || s[19] !== '.' || s[26] !== 'Z') return null;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  const h = digits(s, 11, 13);
  const mi = digits(s, 14, 16);
  const sec = digits(s, 17, 19);
  const frac = digits(s, 20, 26);
  if (
    y < 1970 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > 31 ||
    h > 23 ||
    mi > 59 ||
    sec > 59 ||
    frac < 0
  ) {
    return null;
  }
  const ms = Date.UTC(y, mo - 1, d, h, mi, sec);
  // Date.UTC rolls over an impossible day (Feb 30); the slow path rejects those.
  if (new Date(ms).getUTCDate() !== d) return null;
  return ms * 1000 + frac;
}

/** Microseconds since the epoch of an ISO-8601 instant with `Z` or an offset; throws RangeError if invalid. */
export function isoToMicros(iso: string): number {
  const fast = canonicalIsoToMicros(iso);
  if (fast !== null) return fast;
  const r = parseIsoInstant(iso);
  if (typeof r === 'string') throw new RangeError(`${r}, got ${quote(iso)}`);
  return r;
}

/** `2026-11-23T03:50:58.107723Z`: UTC, always 6 fraction digits. */
export function microsToIso(us: number): string {
  if (!Number.isSafeInteger(us)) throw new RangeError(`expected whole microseconds, got ${us}`);
  const seconds = Math.floor(us / MICROS_PER_SECOND);
  const fraction = us - seconds * MICROS_PER_SECOND;
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  return `${base}.${String(fraction).padStart(6, '0')}Z`;
}

export function resolveTime(t: TimeExpr, now: number): number {
  return t.kind === 'relative' ? now - t.offsetSeconds * MICROS_PER_SECOND : isoToMicros(t.iso);
}

/** [start, end) in microseconds; throws a QueryParamError naming `from` unless from is before to. */
export function resolveRange(q: Pick<AuditQuery, 'from' | 'to'>, now: number): ResolvedRange {
  const startMicros = resolveTime(q.from, now);
  const endMicros = resolveTime(q.to, now);
  if (startMicros >= endMicros) throw rangeError(microsToIso(startMicros), microsToIso(endMicros));
  return { startMicros, endMicros };
}

export function resolveQuery(q: AuditQuery, now: number): ResolvedQuery {
  return { ...q, range: resolveRange(q, now) };
}

/** Orders from and to when that doesn't depend on the clock (both relative or both absolute). */
export function checkOrderWithoutClock(from: TimeExpr, to: TimeExpr): QueryParamError | null {
  if (from.kind !== to.kind || resolveTime(from, 0) < resolveTime(to, 0)) return null;
  return rangeError(formatTimeExpr(from), formatTimeExpr(to));
}

function rangeError(from: string, to: string): QueryParamError {
  return new QueryParamError(
    'from',
    `parameter "from": expected a time before "to", got from ${from} and to ${to}`,
  );
}

/** Microseconds, or the reason the string is not an instant we accept. */
function parseIsoInstant(s: string): number | string {
  const m = ISO.exec(s);
  if (!m) {
    if (ISO_WITHOUT_ZONE.test(s))
      return 'expected a time zone: add Z for UTC or an offset like +01:00';
    return EXPECTED;
  }
  const [, y, mo, d, h, mi, sec = '0', frac = '', zulu, sign, oh = '0', om = '0'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  // Checked before Date.UTC, which reads years 0–99 as 1900–1999.
  if (year < 1970 || year >= 2200) return TIME_BOUNDS;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return 'expected a valid calendar date';
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return 'expected a valid time of day';
  if (!zulu && (Number(oh) > 23 || Number(om) > 59)) return 'expected a valid offset like +01:00';
  const offsetMinutes = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const ms = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(sec));
  // Digits past the 6th are nanoseconds: truncated, as audit timestamps have microseconds.
  const micros = Number(frac.padEnd(6, '0').slice(0, 6));
  const total = (ms - offsetMinutes * 60_000) * 1000 + micros;
  if (total < MIN_MICROS || total >= MAX_MICROS) return TIME_BOUNDS;
  return total;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
