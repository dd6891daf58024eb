import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  BUCKET_LADDER_SECONDS,
  bucketCount,
  bucketStartMicros,
  chooseBucketSeconds,
  floorInterval,
  formatInterval,
  MAX_BUCKETS,
  parseInterval,
} from './buckets';
import { isoToMicros, MAX_MICROS, MIN_MICROS } from './time';
import type { ResolvedRange } from './types';

const numRuns = Number(process.env.FC_RUNS ?? 300);
const S = 1_000_000;
const H = 3600;
const D = 86_400;

function lastHours(hours: number, endIso = '2026-11-23T12:34:56.789012Z'): ResolvedRange {
  const endMicros = isoToMicros(endIso);
  return { startMicros: endMicros - hours * H * S, endMicros };
}

const anyRange = fc
  .tuple(
    fc.integer({ min: MIN_MICROS, max: MAX_MICROS - 1 }),
    fc.integer({ min: MIN_MICROS, max: MAX_MICROS - 1 }),
  )
  .filter(([a, b]) => a !== b)
  .map(([a, b]): ResolvedRange => ({ startMicros: Math.min(a, b), endMicros: Math.max(a, b) }));
// Ranges the UI produces most: up to 400 days.
const usualRange = fc
  .tuple(
    fc.integer({ min: MIN_MICROS, max: MAX_MICROS - 400 * D * S }),
    fc.integer({ min: 1, max: 400 * D * S }),
  )
  .map(([start, span]): ResolvedRange => ({ startMicros: start, endMicros: start + span }));

describe('bucketStartMicros', () => {
  test('aligns to the epoch', () => {
    const t = isoToMicros('2026-11-23T12:34:56.789012Z');
    expect(bucketStartMicros(t, 60)).toBe(isoToMicros('2026-11-23T12:34:00Z'));
    expect(bucketStartMicros(t, 15 * 60)).toBe(isoToMicros('2026-11-23T12:30:00Z'));
    expect(bucketStartMicros(t, D)).toBe(isoToMicros('2026-11-23T00:00:00Z'));
    expect(bucketStartMicros(t, 7 * D)).toBe(isoToMicros('2026-11-19T00:00:00Z'));
    expect(bucketStartMicros(-1, 1)).toBe(-S);
  });

  test('a bucket holds its start and not its end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_MICROS, max: MAX_MICROS }),
        fc.constantFrom(...BUCKET_LADDER_SECONDS),
        (t, step) => {
          const start = bucketStartMicros(t, step);
          expect(start).toBeLessThanOrEqual(t);
          expect(t).toBeLessThan(start + step * S);
          expect(start % (step * S)).toBe(0);
        },
      ),
      { numRuns },
    );
  });
});

describe('chooseBucketSeconds', () => {
  test.each([
    [1 / 60, 1],
    // An unaligned hour touches 121 buckets of 30s.
    [1, 60],
    [6, 5 * 60],
    [24, 15 * 60],
    [7 * 24, 2 * H],
    [30 * 24, 12 * H],
    [400 * 24, 7 * D],
  ])('%s hours → %s s', (hours, step) => {
    expect(chooseBucketSeconds(lastHours(hours))).toBe(step);
  });

  test('an aligned hour fits 120 buckets of 30s', () => {
    expect(chooseBucketSeconds(lastHours(1, '2026-11-23T13:00:00Z'))).toBe(30);
  });

  test('ranges longer than the ladder grow in whole 30-day steps', () => {
    const range = { startMicros: 0, endMicros: isoToMicros('2100-01-01T00:00:00Z') };
    const step = chooseBucketSeconds(range);
    expect(step % (30 * D)).toBe(0);
    expect(bucketCount(range, step)).toBeLessThanOrEqual(120);
    expect(bucketCount(range, step - 30 * D)).toBeGreaterThan(120);
  });

  test('picks the smallest ladder step within maxBuckets', () => {
    fc.assert(
      fc.property(usualRange, fc.integer({ min: 2, max: 1000 }), (range, max) => {
        const step = chooseBucketSeconds(range, max);
        expect(bucketCount(range, step)).toBeLessThanOrEqual(max);
        const i = BUCKET_LADDER_SECONDS.findIndex((s) => s === step);
        if (i > 0)
          expect(bucketCount(range, BUCKET_LADDER_SECONDS[i - 1] ?? 0)).toBeGreaterThan(max);
      }),
      { numRuns },
    );
  });

  test('never exceeds maxBuckets, whatever the range', () => {
    fc.assert(
      fc.property(anyRange, fc.integer({ min: 2, max: 1000 }), (range, max) => {
        expect(bucketCount(range, chooseBucketSeconds(range, max))).toBeLessThanOrEqual(max);
      }),
      { numRuns },
    );
  });

  test('rejects fewer than 2 buckets', () => {
    expect(() => chooseBucketSeconds(lastHours(1), 1)).toThrow(RangeError);
    expect(() => chooseBucketSeconds(lastHours(1), 2.5)).toThrow(RangeError);
  });
});

describe('parseInterval', () => {
  test('keeps an interval that fits', () => {
    expect(parseInterval('5m', lastHours(24))).toEqual({ ok: true, value: 300 });
    expect(parseInterval('1w', lastHours(24))).toEqual({ ok: true, value: 7 * D });
  });

  test('floors an interval that would give more than 1000 buckets', () => {
    // 24h at 1s is 86,400 buckets; 1m is 1,441 and 2m is 721.
    expect(parseInterval('1s', lastHours(24))).toEqual({ ok: true, value: 120 });
    expect(parseInterval('1s', lastHours(400 * 24))).toEqual({ ok: true, value: 12 * H });
    expect(floorInterval(7 * 60, lastHours(24 * 7))).toBe(15 * 60);
  });

  test.each(['', 'abc', '5', '0m', '05m', '1.5h', '5y', '-5m', '401d', 'auto'])(
    'rejects %j',
    (s) => {
      const r = parseInterval(s, lastHours(24));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.param).toBe('interval');
        expect(r.error.message).toBe(
          `parameter "interval": expected a duration like 30s, 5m, 1h or 1d (at most 400d), got ${JSON.stringify(s)}`,
        );
      }
    },
  );

  test('the result is at least the request and within MAX_BUCKETS', () => {
    const interval = fc.tuple(
      fc.integer({ min: 1, max: 400 }),
      fc.constantFrom('s', 'm', 'h', 'd', 'w'),
    );
    fc.assert(
      fc.property(anyRange, interval, (range, [n, unit]) => {
        const r = parseInterval(`${n}${unit}`, range);
        const requested = n * { s: 1, m: 60, h: H, d: D, w: 7 * D }[unit];
        expect(r.ok).toBe(requested <= 400 * D);
        if (!r.ok) return;
        expect(r.value).toBeGreaterThanOrEqual(requested);
        expect(bucketCount(range, r.value)).toBeLessThanOrEqual(MAX_BUCKETS);
        expect(parseInterval(formatInterval(r.value), range)).toEqual(r);
      }),
      { numRuns },
    );
  });
});
