// Counting inside Loki: instant `count_over_time` over a range, and per-bucket counts from
// a range query. Both keep the embedded store's half-open microsecond ranges exactly, and
// retry with more list slots when a line's list may have been longer than extracted.

import { bucketStartMicros } from '@/lib/query/buckets';
import type { ResolvedQuery, ResolvedRange } from '@/lib/query/types';
import { StoreError } from '../errors';
import { EDGE_LABEL, OVERFLOW_LABEL } from './labels';
import { INITIAL_LIST_SLOTS, MAX_LIST_SLOTS, type LokiContext } from './loki-context';
import { planQuery, type Plan, type PlanOptions } from './logql-builder';
import { renderCount } from './logql-model';
import { instantWindow, MAX_WINDOW_MICROS, microsToNs, splitRange } from './time-windows';

export interface CountSpec {
  group?: PlanOptions['group'];
  extra?: PlanOptions['extra'];
  /** Labels to count by, given the plan (such as its group label). */
  by?: (plan: Plan) => string[];
}

export interface Counted {
  /** Values of the `by` labels, in order ('' when Loki left a label out). */
  values: string[];
  count: number;
}

export interface BucketCount extends Counted {
  startMicros: number;
}

/** Points per series in one range query; Loki refuses more than 11,000. */
const MAX_POINTS = 1000;
/** Queries in flight for one answer (the windows of a long range). */
const CONCURRENCY = 2;

async function mapLimit<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return out;
}

function tooLongList(ctx: LokiContext): StoreError {
  const { source, url } = ctx.api.http.ctx;
  return new StoreError(
    'limit',
    source,
    `source "${source}": some events in Loki at ${url} hold a list (groups or source IPs) of more than ${MAX_LIST_SLOTS} elements, too many to match one by one; narrow the time range`,
  );
}

interface Window<R> {
  overflow: boolean;
  rows: R[];
}

/** Runs `once` with growing list slots until no line overflows. */
async function withListSlots<R>(
  ctx: LokiContext,
  once: (slots: number) => Promise<Array<Window<R>>>,
): Promise<R[]> {
  for (let slots = INITIAL_LIST_SLOTS; ; slots *= 4) {
    const windows = await once(slots);
    if (!windows.some((w) => w.overflow)) return windows.flatMap((w) => w.rows);
    if (slots * 4 > MAX_LIST_SLOTS) throw tooLongList(ctx);
  }
}

function groupLabels(plan: Plan, spec: CountSpec, extra: string[]): string[] {
  const by = [...(spec.by?.(plan) ?? []), ...extra];
  if (plan.overflow) by.push(OVERFLOW_LABEL);
  return by;
}

function merge<R extends Counted>(rows: R[], key: (r: R) => string): R[] {
  const m = new Map<string, R>();
  for (const r of rows) {
    const k = key(r);
    const prev = m.get(k);
    if (prev) prev.count += r.count;
    else m.set(k, { ...r });
  }
  return [...m.values()];
}

/** Counts of matching events in q.range, by the spec's labels. */
export async function instantCounts(
  ctx: LokiContext,
  q: ResolvedQuery,
  spec: CountSpec = {},
): Promise<Counted[]> {
  const rows = await withListSlots(ctx, (slots) =>
    mapLimit(splitRange(q.range), async (w): Promise<Window<Counted>> => {
      const iw = instantWindow(w);
      const plan = planQuery(ctx.selector, q, {
        listSlots: slots,
        micros: iw.exact ? null : w,
        group: spec.group,
        extra: spec.extra,
      });
      if (plan.matchesNothing) return { overflow: false, rows: [] };
      const by = groupLabels(plan, spec, []);
      const samples = await ctx.api.instant(renderCount(plan.pipeline, iw.rangeMs, by), iw.timeNs);
      const overflow = plan.overflow && samples.some((s) => s.labels[OVERFLOW_LABEL] === '1');
      const n = by.length - (plan.overflow ? 1 : 0);
      return {
        overflow,
        rows: samples.map((s) => ({
          values: by.slice(0, n).map((l) => s.labels[l] ?? ''),
          count: s.value,
        })),
      };
    }),
  );
  return merge(rows, (r) => JSON.stringify(r.values));
}

/** Whole buckets per range query: at most MAX_POINTS and within the window limit. */
function bucketChunks(full: ResolvedRange, stepMicros: number): ResolvedRange[] {
  const perChunk = Math.max(
    1,
    Math.min(MAX_POINTS, Math.floor(MAX_WINDOW_MICROS / stepMicros) - 1),
  );
  const out: ResolvedRange[] = [];
  for (let b = full.startMicros; b < full.endMicros; b += perChunk * stepMicros) {
    out.push({ startMicros: b, endMicros: Math.min(b + perChunk * stepMicros, full.endMicros) });
  }
  return out;
}

/**
 * Counts per whole bucket [b, b+step) of `full` (bucket-aligned). Loki evaluates a range
 * query at multiples of the step (its frontend aligns the start), each point counting
 * (T-step, T]; entries exactly on a boundary get EDGE_LABEL="1" and move to the bucket
 * they start.
 */
async function wholeBucketCounts(
  ctx: LokiContext,
  q: ResolvedQuery,
  full: ResolvedRange,
  bucketSeconds: number,
  spec: CountSpec,
): Promise<BucketCount[]> {
  const step = bucketSeconds * 1_000_000;
  return withListSlots(ctx, (slots) =>
    mapLimit(bucketChunks(full, step), async (chunk): Promise<Window<BucketCount>> => {
      const first = chunk.startMicros;
      const plan = planQuery(ctx.selector, q, {
        listSlots: slots,
        edgeStepSeconds: bucketSeconds,
        group: spec.group,
        extra: spec.extra,
      });
      if (plan.matchesNothing) return { overflow: false, rows: [] };
      const by = groupLabels(plan, spec, [EDGE_LABEL]);
      const points = await ctx.api.range({
        query: renderCount(plan.pipeline, bucketSeconds * 1000, by),
        startNs: microsToNs(first),
        endNs: microsToNs(chunk.endMicros),
        stepMs: bucketSeconds * 1000,
      });
      const overflow = plan.overflow && points.some((p) => p.labels[OVERFLOW_LABEL] === '1');
      const n = by.length - 1 - (plan.overflow ? 1 : 0);
      const out: BucketCount[] = [];
      for (const p of points) {
        const k = Math.round((p.ms * 1000 - first) / step);
        const edge = p.labels[EDGE_LABEL] === '1';
        // Point k counts (T-step, T]: its edge entries start bucket k, the rest end bucket k-1.
        const bucket = edge ? first + k * step : first + (k - 1) * step;
        if (bucket < first || bucket >= chunk.endMicros || p.value === 0) continue;
        out.push({
          startMicros: bucket,
          values: by.slice(0, n).map((l) => p.labels[l] ?? ''),
          count: p.value,
        });
      }
      return { overflow, rows: out };
    }),
  );
}

/**
 * Counts per epoch-aligned bucket [b, b+step) of q.range. Whole buckets come from range
 * queries; a partial first or last bucket (a range that does not start or end on a
 * boundary) from an instant query over just its part, which needs no per-line template.
 */
export async function bucketCounts(
  ctx: LokiContext,
  q: ResolvedQuery,
  bucketSeconds: number,
  spec: CountSpec = {},
): Promise<BucketCount[]> {
  const step = bucketSeconds * 1_000_000;
  const { startMicros: start, endMicros: end } = q.range;
  const firstWhole = Math.ceil(start / step) * step;
  const lastWhole = Math.floor(end / step) * step;
  const parts: Array<Promise<BucketCount[]>> = [];
  const partial = (piece: ResolvedRange) =>
    instantCounts(ctx, { ...q, range: piece }, spec).then((rows) =>
      rows.map((r) => ({ ...r, startMicros: bucketStartMicros(piece.startMicros, bucketSeconds) })),
    );
  if (start < firstWhole)
    parts.push(partial({ startMicros: start, endMicros: Math.min(end, firstWhole) }));
  if (firstWhole < lastWhole) {
    const whole = { startMicros: firstWhole, endMicros: lastWhole };
    parts.push(wholeBucketCounts(ctx, q, whole, bucketSeconds, spec));
  }
  if (lastWhole < end && lastWhole >= firstWhole) {
    parts.push(partial({ startMicros: lastWhole, endMicros: end }));
  }
  const rows = (await Promise.all(parts)).flat();
  return merge(rows, (r) => `${r.startMicros} ${JSON.stringify(r.values)}`);
}
