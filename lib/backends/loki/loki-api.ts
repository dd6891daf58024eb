// The Loki HTTP API endpoints Auditlens uses, each with its parameters and the schema of
// its answer (checked, so a proxy's HTML page or a changed API is a clear error, not a
// crash deep in the adapter). Times are nanoseconds since the epoch, as BigInt.

import { z } from 'zod';
import { limitError, unreadableAnswer } from './loki-errors';
import type { LokiHttp } from './loki-http';

const labelSet = z.record(z.string(), z.string());

const streamsData = z.object({
  resultType: z.literal('streams'),
  result: z.array(
    z.object({
      stream: labelSet,
      values: z.array(z.tuple([z.string(), z.string()]).rest(z.unknown())),
    }),
  ),
});

const sample = z.tuple([z.number(), z.string()]);
const vectorData = z.object({
  resultType: z.literal('vector'),
  result: z.array(z.object({ metric: labelSet, value: sample })),
});
const matrixData = z.object({
  resultType: z.literal('matrix'),
  result: z.array(z.object({ metric: labelSet, values: z.array(sample) })),
});

const answer = <T extends z.ZodType>(data: T) =>
  z.object({
    status: z.literal('success'),
    data,
    warnings: z.array(z.string()).optional(),
  });

const seriesAnswer = z.object({ status: z.literal('success'), data: z.array(labelSet) });

export interface LogEntry {
  ns: bigint;
  line: string;
  labels: Record<string, string>;
}

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export interface SeriesPoint {
  labels: Record<string, string>;
  /** Evaluation time in milliseconds since the epoch, as Loki reports it. */
  ms: number;
  value: number;
}

export class LokiApi {
  constructor(readonly http: LokiHttp) {}

  private parse<T extends z.ZodType>(schema: T, raw: unknown, what: string): z.infer<T> {
    const r = schema.safeParse(raw);
    if (!r.success) {
      const status = (raw as { status?: unknown } | null)?.status;
      throw unreadableAnswer(
        this.http.ctx,
        `${what}: ${status === 'error' ? JSON.stringify(raw) : r.error.message}`,
      );
    }
    return r.data;
  }

  /** A warning about a limit means Loki cut the answer short: never pass that on silently. */
  private checkWarnings(warnings: string[] | undefined): void {
    for (const w of warnings ?? []) {
      const e = limitError(this.http.ctx, w);
      if (e) throw e;
    }
  }

  /** Log lines in [start, end), newest first (backward) or oldest first (forward). */
  async logs(p: {
    query: string;
    startNs: bigint;
    endNs: bigint;
    limit: number;
    direction: 'backward' | 'forward';
  }): Promise<LogEntry[]> {
    const raw = await this.http.sendJson('post', 'loki/api/v1/query_range', {
      form: {
        query: p.query,
        start: String(p.startNs),
        end: String(p.endNs),
        limit: String(p.limit),
        direction: p.direction,
      },
    });
    const a = this.parse(answer(streamsData), raw, 'log query');
    this.checkWarnings(a.warnings);
    const out: LogEntry[] = [];
    for (const s of a.data.result) {
      for (const v of s.values) out.push({ ns: BigInt(v[0]), line: v[1], labels: s.stream });
    }
    return out;
  }

  /** An instant metric query evaluated at `timeNs`. */
  async instant(query: string, timeNs: bigint): Promise<Sample[]> {
    const raw = await this.http.sendJson('post', 'loki/api/v1/query', {
      form: { query, time: String(timeNs) },
    });
    const a = this.parse(answer(vectorData), raw, 'instant query');
    this.checkWarnings(a.warnings);
    return a.data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
  }

  /** A metric query evaluated every `stepMs` from start to end (both included). */
  async range(p: {
    query: string;
    startNs: bigint;
    endNs: bigint;
    stepMs: number;
  }): Promise<SeriesPoint[]> {
    const raw = await this.http.sendJson('post', 'loki/api/v1/query_range', {
      form: {
        query: p.query,
        start: String(p.startNs),
        end: String(p.endNs),
        step: `${p.stepMs}ms`,
      },
    });
    const a = this.parse(answer(matrixData), raw, 'range query');
    this.checkWarnings(a.warnings);
    const out: SeriesPoint[] = [];
    for (const s of a.data.result) {
      for (const [t, v] of s.values)
        out.push({ labels: s.metric, ms: Math.round(t * 1000), value: Number(v) });
    }
    return out;
  }

  /** The streams a selector matches in [start, end): reads the index, not the lines. */
  async series(
    selector: string,
    startNs: bigint,
    endNs: bigint,
  ): Promise<Array<Record<string, string>>> {
    const raw = await this.http.sendJson('post', 'loki/api/v1/series', {
      form: { 'match[]': selector, start: String(startNs), end: String(endNs) },
    });
    return this.parse(seriesAnswer, raw, 'series').data;
  }

  /** Loki's readiness answer ("ready" when it can serve). */
  ready(): Promise<string> {
    return this.http.send('get', 'ready', {});
  }
}
