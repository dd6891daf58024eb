// Timeline bucket sizes. Steps come from a fixed ladder of round durations, and every
// bucket starts at a multiple of its step since the epoch, so the same range gives the
// same buckets in every store and every browser time zone.

import { invalid, ok, quote, type ParamResult } from './errors';
import {
  formatDuration,
  MAX_RELATIVE_DAYS,
  MAX_RELATIVE_SECONDS,
  parseDurationSeconds,
} from './time';
import type { ResolvedRange } from './types';

const MICROS_PER_SECOND = 1_000_000;
const M = 60;
const H = 3600;
const D = 86_400;

export const BUCKET_LADDER_SECONDS = [
  1,
  5,
  10,
  15,
  30,
  M,
  2 * M,
  5 * M,
  10 * M,
  15 * M,
  30 * M,
  H,
  2 * H,
  3 * H,
  6 * H,
  12 * H,
  D,
  2 * D,
  7 * D,
  14 * D,
  30 * D,
] as const;
const LARGEST_STEP = 30 * D;

/** Buckets a timeline aims for when no interval is given. */
export const DEFAULT_MAX_BUCKETS = 120;
/** Most buckets an explicit `interval` may produce; finer intervals are raised. */
export const MAX_BUCKETS = 1000;

/** Start of the epoch-aligned bucket holding `t` (microseconds). */
export function bucketStartMicros(t: number, stepSeconds: number): number {
  const step = stepSeconds * MICROS_PER_SECOND;
  return Math.floor(t / step) * step;
}

/** Number of aligned buckets that [start, end) touches. */
export function bucketCount(range: ResolvedRange, stepSeconds: number): number {
  if (range.endMicros <= range.startMicros) return 0;
  const first = bucketStartMicros(range.startMicros, stepSeconds);
  const last = bucketStartMicros(range.endMicros - 1, stepSeconds);
  return (last - first) / (stepSeconds * MICROS_PER_SECOND) + 1;
}

/** The smallest ladder step giving at most `maxBuckets` buckets (multiples of 30d past the ladder). */
export function chooseBucketSeconds(
  range: ResolvedRange,
  maxBuckets = DEFAULT_MAX_BUCKETS,
): number {
  return smallestFittingStep(range, 1, maxBuckets);
}

/**
 * Reads an explicit `interval` (`30s`, `5m`, `1h`, `1d`) and raises it when the range would
 * need more than `maxBuckets` buckets, so a URL can't ask a store for millions of points.
 */
export function parseInterval(
  s: string,
  range: ResolvedRange,
  maxBuckets = MAX_BUCKETS,
): ParamResult<number> {
  const seconds = parseDurationSeconds(s);
  if (seconds === null || seconds > MAX_RELATIVE_SECONDS) {
    const expected = `expected a duration like 30s, 5m, 1h or 1d (at most ${MAX_RELATIVE_DAYS}d)`;
    return invalid('interval', `${expected}, got ${quote(s)}`);
  }
  return ok(floorInterval(seconds, range, maxBuckets));
}

/** `seconds`, or the smallest coarser ladder step that keeps the range within `maxBuckets`. */
export function floorInterval(
  seconds: number,
  range: ResolvedRange,
  maxBuckets = MAX_BUCKETS,
): number {
  if (bucketCount(range, seconds) <= checkMax(maxBuckets)) return seconds;
  return smallestFittingStep(range, seconds, maxBuckets);
}

/** `300` → `5m`, for writing an interval back into a URL. */
export function formatInterval(seconds: number): string {
  return formatDuration(seconds);
}

function smallestFittingStep(range: ResolvedRange, atLeast: number, maxBuckets: number): number {
  checkMax(maxBuckets);
  for (const step of BUCKET_LADDER_SECONDS) {
    if (step >= atLeast && bucketCount(range, step) <= maxBuckets) return step;
  }
  // Past the ladder (ranges of years): grow in whole 30-day steps until it fits.
  const spanSeconds = (range.endMicros - range.startMicros) / MICROS_PER_SECOND;
  let k = Math.max(
    1,
    Math.ceil(atLeast / LARGEST_STEP),
    Math.ceil(spanSeconds / LARGEST_STEP / maxBuckets),
  );
  while (bucketCount(range, k * LARGEST_STEP) > maxBuckets) k++;
  return k * LARGEST_STEP;
}

// With one bucket, a range that crosses the epoch would never fit: two is the least that always can.
function checkMax(maxBuckets: number): number {
  if (!Number.isSafeInteger(maxBuckets) || maxBuckets < 2) {
    throw new RangeError(`maxBuckets must be an integer of at least 2, got ${maxBuckets}`);
  }
  return maxBuckets;
}
