// When requests arrive. Cluster components talk at a steady rate; people and CI follow
// office hours (UTC, weekdays), with a trickle of on-call work at night and at weekends.
// Times come out sorted without sorting: stratified draws pushed through the inverse CDF.

import type { Rng } from './random';

/** At the busiest hour people and CI add this much traffic on top of the components' rate of 1. */
const PEOPLE_PEAK_RATE = 0.4;
const NIGHT_ACTIVITY = 0.05;
const WEEKEND_FACTOR = 0.3;
const MIN_BIN_MICROS = 60e6;
const MAX_BINS = 50_000;

/** People's activity in [0, 1] at a UTC instant: a bump from 08:00 to 19:00 on weekdays. */
export function peopleActivity(ms: number): number {
  const date = new Date(ms);
  const hour = date.getUTCHours() + date.getUTCMinutes() / 60;
  const office = hour >= 8 && hour < 19 ? Math.sin((Math.PI * (hour - 8)) / 11) : 0;
  const activity = NIGHT_ACTIVITY + (1 - NIGHT_ACTIVITY) * office;
  const day = date.getUTCDay();
  return day === 0 || day === 6 ? activity * WEEKEND_FACTOR : activity;
}

/**
 * Yields `count` request times in [startUs, endUs), non-decreasing, with density following
 * the components' flat rate plus people's activity. Also tells, for the latest time, the
 * share of traffic that comes from people, so the caller can pick who sends the request.
 */
export class RequestClock {
  private readonly binMicros: number;
  private readonly cdf: Float64Array;
  private readonly peopleShares: Float64Array;
  private bin = 0;
  private last: number;

  constructor(
    private readonly startUs: number,
    private readonly endUs: number,
    private readonly count: number,
    private readonly rng: Rng,
  ) {
    const duration = endUs - startUs;
    this.binMicros = Math.max(MIN_BIN_MICROS, Math.ceil(duration / MAX_BINS));
    const bins = Math.max(1, Math.ceil(duration / this.binMicros));
    this.cdf = new Float64Array(bins + 1);
    this.peopleShares = new Float64Array(bins);
    let total = 0;
    for (let i = 0; i < bins; i++) {
      const from = startUs + i * this.binMicros;
      const width = Math.min(this.binMicros, endUs - from);
      const people = PEOPLE_PEAK_RATE * peopleActivity((from + width / 2) / 1000);
      this.peopleShares[i] = people / (1 + people);
      total += (1 + people) * width;
      this.cdf[i + 1] = total;
    }
    for (let i = 1; i <= bins; i++) this.cdf[i] = (this.cdf[i] ?? 0) / total;
    this.last = startUs;
  }

  /** Time of request `index` (0-based, called in increasing order). */
  next(index: number): number {
    const u = (index + this.rng.float()) / this.count;
    const lastBin = this.peopleShares.length - 1;
    while (this.bin < lastBin && (this.cdf[this.bin + 1] ?? 1) <= u) this.bin++;
    const lo = this.cdf[this.bin] ?? 0;
    const hi = this.cdf[this.bin + 1] ?? 1;
    const from = this.startUs + this.bin * this.binMicros;
    const width = Math.min(this.binMicros, this.endUs - from);
    const t = Math.floor(from + ((u - lo) / (hi - lo || 1)) * width);
    this.last = Math.min(this.endUs - 1, Math.max(this.last, t));
    return this.last;
  }

  /** Share of requests sent by people and CI around the time last returned by next(). */
  peopleShare(): number {
    return this.peopleShares[this.bin] ?? 0;
  }
}
