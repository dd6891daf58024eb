import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { QueryParamError } from './errors';
import {
  formatDuration,
  formatTimeExpr,
  isoToMicros,
  MAX_MICROS,
  MAX_RELATIVE_SECONDS,
  microsToIso,
  MIN_MICROS,
  nowMicros,
  parseDurationSeconds,
  parseTimeExpr,
  resolveQuery,
  resolveRange,
} from './time';
import type { TimeExpr } from './types';

const numRuns = Number(process.env.FC_RUNS ?? 300);

function parsed(s: string): TimeExpr {
  const r = parseTimeExpr(s, 'from');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function errorOf(s: string, param = 'from'): QueryParamError {
  const r = parseTimeExpr(s, param);
  if (r.ok) throw new Error(`expected ${s} to fail`);
  return r.error;
}

const EXPECTED =
  'expected now, now-<n><unit> (unit s, m, h, d or w, at most 400 days) or an ISO-8601 time like 2026-11-23T03:50:58Z';

describe('relative times', () => {
  test.each([
    ['now', 0],
    ['now-30s', 30],
    ['now-15m', 900],
    ['now-24h', 86_400],
    ['now-7d', 604_800],
    ['now-2w', 1_209_600],
    ['now-400d', MAX_RELATIVE_SECONDS],
  ])('%s', (s, offsetSeconds) => {
    expect(parsed(s)).toEqual({ kind: 'relative', offsetSeconds });
  });

  test('more than 400 days back is an error naming the param', () => {
    const e = errorOf('now-401d', 'to');
    expect(e.param).toBe('to');
    expect(e.message).toBe('parameter "to": expected at most 400 days back, got "now-401d"');
    expect(errorOf('now-9999999999w').message).toMatch(/at most 400 days back/);
  });

  test.each([
    'now-0h',
    'now-01h',
    'now-1y',
    'now+1h',
    'now-h',
    'now-1',
    'NOW',
    ' now',
    'now-1.5h',
    '',
  ])('rejects %j', (s) => {
    expect(errorOf(s).message).toBe(`parameter "from": ${EXPECTED}, got ${JSON.stringify(s)}`);
  });

  test('written in the largest whole unit of d, h, m, s', () => {
    const rel = (offsetSeconds: number) => formatTimeExpr({ kind: 'relative', offsetSeconds });
    expect(rel(0)).toBe('now');
    expect(rel(3600)).toBe('now-1h');
    expect(rel(5400)).toBe('now-90m');
    expect(rel(604_800)).toBe('now-7d');
    expect(rel(61)).toBe('now-61s');
  });

  test('format then parse gives the same offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_RELATIVE_SECONDS }), (offsetSeconds) => {
        const t: TimeExpr = { kind: 'relative', offsetSeconds };
        expect(parsed(formatTimeExpr(t))).toEqual(t);
      }),
      { numRuns },
    );
  });

  test('durations', () => {
    expect(parseDurationSeconds('5m')).toBe(300);
    expect(parseDurationSeconds('1w')).toBe(604_800);
    expect(parseDurationSeconds('0s')).toBeNull();
    expect(parseDurationSeconds('m')).toBeNull();
    expect(formatDuration(7200)).toBe('2h');
  });
});

describe('absolute times', () => {
  test.each([
    ['2026-11-23T03:50:58.107723Z', '2026-11-23T03:50:58.107723Z'],
    ['2026-11-23T03:50:58Z', '2026-11-23T03:50:58.000000Z'],
    ['2026-11-23T03:50Z', '2026-11-23T03:50:00.000000Z'],
    ['2026-11-23T03:50:58.1Z', '2026-11-23T03:50:58.100000Z'],
    ['2026-11-23T03:50:58.107723999Z', '2026-11-23T03:50:58.107723Z'],
    ['2026-11-23t03:50:58z', '2026-11-23T03:50:58.000000Z'],
    ['2026-11-23T04:50:58.5+01:00', '2026-11-23T03:50:58.500000Z'],
    ['2026-11-23T04:50:58+0100', '2026-11-23T03:50:58.000000Z'],
    ['2026-11-23T04:50:58+01', '2026-11-23T03:50:58.000000Z'],
    ['2026-11-23T04:50:58 01:00', '2026-11-23T03:50:58.000000Z'],
    ['2026-11-22T22:20:58-05:30', '2026-11-23T03:50:58.000000Z'],
    ['2026-01-01T00:30:00+01:00', '2025-12-31T23:30:00.000000Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000000Z'],
    ['1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000000Z'],
    ['2199-12-31T23:59:59.999999Z', '2199-12-31T23:59:59.999999Z'],
  ])('%s', (s, iso) => {
    expect(parsed(s)).toEqual({ kind: 'absolute', iso });
  });

  test.each([
    ['2026-02-29T00:00:00Z', 'expected a valid calendar date'],
    ['2026-13-01T00:00:00Z', 'expected a valid calendar date'],
    ['2026-04-31T00:00:00Z', 'expected a valid calendar date'],
    ['2026-11-23T24:00:00Z', 'expected a valid time of day'],
    ['2026-11-23T23:60:00Z', 'expected a valid time of day'],
    ['2026-11-23T23:59:60Z', 'expected a valid time of day'],
    ['2026-11-23T03:50:58+24:00', 'expected a valid offset like +01:00'],
    ['2026-11-23T03:50:58', 'expected a time zone: add Z for UTC or an offset like +01:00'],
    ['2026-11-23 03:50:58.123', 'expected a time zone: add Z for UTC or an offset like +01:00'],
    ['0099-01-01T00:00:00Z', 'expected a time from 1970 to 2199'],
    ['1969-12-31T23:59:59Z', 'expected a time from 1970 to 2199'],
    ['1970-01-01T00:30:00+01:00', 'expected a time from 1970 to 2199'],
    ['2200-01-01T00:00:00Z', 'expected a time from 1970 to 2199'],
    ['2026-11-23', EXPECTED],
    ['2026-11-23T03:50:58.1234567891Z', EXPECTED],
    ['1732334258', EXPECTED],
  ])('%s: %s', (s, detail) => {
    const e = errorOf(s);
    expect(e.param).toBe('from');
    expect(e.message).toBe(`parameter "from": ${detail}, got ${JSON.stringify(s)}`);
  });

  test('microsToIso and isoToMicros are inverse on the whole range', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_MICROS, max: MAX_MICROS - 1 }), (us) => {
        const iso = microsToIso(us);
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
        expect(isoToMicros(iso)).toBe(us);
        expect(formatTimeExpr({ kind: 'absolute', iso })).toBe(iso);
      }),
      { numRuns },
    );
  });

  test('microsecond details JS Dates would lose', () => {
    expect(isoToMicros('2026-11-23T03:50:58.107723Z') % 1_000_000).toBe(107_723);
    expect(microsToIso(1)).toBe('1970-01-01T00:00:00.000001Z');
    expect(microsToIso(-1)).toBe('1969-12-31T23:59:59.999999Z');
  });

  test('isoToMicros and microsToIso throw RangeError on bad input', () => {
    expect(() => isoToMicros('yesterday')).toThrow(RangeError);
    expect(() => microsToIso(1.5)).toThrow(RangeError);
    expect(() => microsToIso(Number.MAX_SAFE_INTEGER + 2)).toThrow(RangeError);
  });
});

describe('resolveRange', () => {
  const now = isoToMicros('2026-11-23T12:00:00.123456Z');

  test('relative times count back from now, absolute ones are fixed', () => {
    expect(resolveRange({ from: parsed('now-1h'), to: parsed('now') }, now)).toEqual({
      startMicros: now - 3_600_000_000,
      endMicros: now,
    });
    const abs = { from: parsed('2026-11-23T00:00:00Z'), to: parsed('now-1h') };
    expect(resolveRange(abs, now)).toEqual({
      startMicros: isoToMicros('2026-11-23T00:00:00Z'),
      endMicros: now - 3_600_000_000,
    });
  });

  test('from at or after to throws a QueryParamError naming from', () => {
    const q = { from: parsed('2026-11-23T12:00:00.123456Z'), to: parsed('now') };
    expect(() => resolveRange(q, now)).toThrow(QueryParamError);
    try {
      resolveRange(q, now);
    } catch (e) {
      expect(e instanceof QueryParamError && e.param).toBe('from');
      expect(e instanceof Error && e.message).toBe(
        'parameter "from": expected a time before "to", got from 2026-11-23T12:00:00.123456Z and to 2026-11-23T12:00:00.123456Z',
      );
    }
  });

  test('resolveQuery adds the range', () => {
    const q = { from: parsed('now-1h'), to: parsed('now') };
    expect(
      resolveQuery(
        {
          ...q,
          source: 'default',
          filters: [],
          text: '',
          sort: 'time-desc',
          limit: 50,
          cursor: null,
        },
        now,
      ).range,
    ).toEqual(resolveRange(q, now));
  });

  test('nowMicros is close to Date.now', () => {
    expect(Math.abs(nowMicros() - Date.now() * 1000)).toBeLessThan(5_000_000);
  });
});
