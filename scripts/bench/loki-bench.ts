// Loki bench: pushes N generated events into a real Loki, then times a timeline, a
// breakdown by user and the first page (1) through Auditlens's adapter, (2) as the very
// requests the adapter sent, replayed over raw HTTP ("direct Loki"), and (3) through the
// naive LogQL generic audit dashboards use (`| json` parsing every field).
// Targets (issue 4): Auditlens's LogQL ≥ 2× faster than naive; adapter overhead < 10%.
//
// Standalone: LOKI_URL=http://127.0.0.1:3100 BENCH_EVENTS=200000 npx tsx scripts/bench/loki-bench.ts

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { normalize } from '@/lib/audit/normalize';
import type { AuditEvent } from '@/lib/audit/types';
import { LokiAdapter, connectionOf } from '@/lib/backends/loki/loki-adapter';
import { LokiHttp } from '@/lib/backends/loki/loki-http';
import type { AuditBackend } from '@/lib/backends/types';
import type { LokiSourceConfig } from '@/lib/config/schema';
import { LokiWriter } from '@/lib/ingest/writers/loki-writer';
import { chooseBucketSeconds } from '@/lib/query/buckets';
import { defaultQuery } from '@/lib/query/codec';
import type { ResolvedQuery } from '@/lib/query/types';
import { generateSampleEvents, requestsForEvents } from '@/lib/sample/generate';

export interface BenchRow {
  name: string;
  ms: number;
  note?: string;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Loki's process, when known (LOKI_PID from start-loki.sh): its CPU time is steadier than wall time on a busy machine. */
const LOKI_PID = process.env.LOKI_PID;
const PUSH_CHUNK = 20_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

/** Loki's CPU seconds so far (user + system), or null when its process is not known. */
function lokiCpuSeconds(): number | null {
  if (!LOKI_PID) return null;
  try {
    const fields = fs.readFileSync(`/proc/${LOKI_PID}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

interface Measured<T> {
  ms: number;
  /** Loki CPU seconds, when its process is known. */
  cpu: number | null;
  result: T;
}

async function measureOnce<T>(fn: () => Promise<T>): Promise<Measured<T>> {
  const c0 = lokiCpuSeconds();
  const [ms, result] = await timed(fn);
  const c1 = lokiCpuSeconds();
  return { ms, cpu: c0 !== null && c1 !== null ? c1 - c0 : null, result };
}

function cpuNote(cpu: number | null): string {
  return cpu === null ? '' : `, Loki CPU ${cpu.toFixed(2)} s`;
}

interface Recorded {
  path: string;
  form: Record<string, string>;
  start: number;
  end: number;
}

/** Records every query the adapter sends, with when it was in flight. */
class RecordingHttp extends LokiHttp {
  log: Recorded[] = [];

  override async send(
    method: 'get' | 'post',
    path: string,
    opts: { form?: Record<string, string>; json?: unknown; searchParams?: Record<string, string> },
  ): Promise<string> {
    const start = performance.now();
    const text = await super.send(method, path, opts);
    this.log.push({
      path,
      form: opts.form ?? opts.searchParams ?? {},
      start,
      end: performance.now(),
    });
    return text;
  }
}

/** Time at least one request was in flight: what the adapter spent waiting on Loki. */
function inFlightMs(log: Recorded[]): number {
  const sorted = [...log].sort((a, b) => a.start - b.start);
  let total = 0;
  let span: { from: number; to: number } | null = null;
  for (const r of sorted) {
    if (span && r.start <= span.to) {
      span.to = Math.max(span.to, r.end);
      continue;
    }
    if (span) total += span.to - span.from;
    span = { from: r.start, to: r.end };
  }
  return total + (span ? span.to - span.from : 0);
}

/** Requests that were in flight together, in the order they started. */
function waves(log: Recorded[]): Recorded[][] {
  const sorted = [...log].sort((a, b) => a.start - b.start);
  const out: Recorded[][] = [];
  let end = -Infinity;
  for (const r of sorted) {
    if (r.start >= end) out.push([]);
    out[out.length - 1]!.push(r);
    end = Math.max(end, r.end);
  }
  return out;
}

async function raw(url: string, path: string, form: Record<string, string>): Promise<string> {
  const res = await fetch(`${url}/${path}`, { method: 'POST', body: new URLSearchParams(form) });
  const text = await res.text();
  if (!res.ok) throw new Error(`Loki answered ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

/** The adapter's requests replayed over raw HTTP, wave by wave. */
async function replay(url: string, log: Recorded[]): Promise<void> {
  for (const wave of waves(log)) await Promise.all(wave.map((r) => raw(url, r.path, r.form)));
}

async function push(url: string, labels: Record<string, string>, events: number, endMs: number) {
  const writer = new LokiWriter({ url, labels, maxBatchBytes: 2 * 1024 * 1024 });
  const opts = { seed: 7, end: endMs, durationHours: 24, requests: requestsForEvents(events) };
  let chunk: AuditEvent[] = [];
  let pushed = 0;
  let bytes = 0;
  const flush = async () => {
    await writer.insert(chunk);
    pushed += chunk.length;
    chunk = [];
  };
  for (const raw of generateSampleEvents(opts)) {
    const r = normalize(raw);
    if (!r.ok) continue;
    for (const e of r.events) {
      bytes += JSON.stringify(e.event).length;
      chunk.push(e);
    }
    if (chunk.length >= PUSH_CHUNK) await flush();
  }
  await flush();
  return { pushed, bytes };
}

function counted(json: string): string {
  return `${json} | __error__="" | (stage=~"(?:ResponseComplete|Panic)?" or (stage="ResponseStarted" and responseStatus_code="401"))`;
}

export async function benchLoki(opts: { lokiUrl: string; events: number }): Promise<BenchRow[]> {
  const url = opts.lokiUrl.replace(/\/+$/, '');
  const rows: BenchRow[] = [];
  const run = randomUUID().replace(/-/g, '');
  const labels = { job: 'auditlens-bench', run };
  const selector = `{job="auditlens-bench", run="${run}"}`;
  const endMs = Math.floor(Date.now() / 3_600_000) * 3_600_000;

  const [pushMs, { pushed, bytes }] = await timed(() => push(url, labels, opts.events, endMs));
  rows.push({
    name: `push ${pushed} events`,
    ms: pushMs,
    note: `${Math.round(pushed / (pushMs / 1000))} events/s, ${(bytes / 1e6 / (pushMs / 1000)).toFixed(1)} MB/s`,
  });

  const source: LokiSourceConfig = {
    name: 'bench',
    type: 'loki',
    url,
    selector,
    timeoutMs: 300_000,
    maxEntriesPerQuery: 5000,
  };
  const adapter: AuditBackend = new LokiAdapter(source);
  const recording = new RecordingHttp(connectionOf(source));
  const observed = new LokiAdapter(source, recording);
  const range = { startMicros: (endMs - 86_400_000) * 1000, endMicros: endMs * 1000 };
  const q: ResolvedQuery = { ...defaultQuery(), range, limit: 50 };
  const step = chooseBucketSeconds(range);
  const rangeS = 86_400;
  const naive = counted(`${selector} | json`);
  const endNs = String(BigInt(endMs) * 1_000_000n);
  const startNs = String(BigInt(endMs - 86_400_000) * 1_000_000n);

  const ops: Array<{
    name: string;
    run: (b: AuditBackend) => Promise<unknown>;
    naive: Array<{ path: string; form: Record<string, string> }>;
    answer: (r: unknown) => string;
  }> = [
    {
      name: `timeline (${step / 60}m buckets)`,
      run: (b) => b.timeline(q, { bucketSeconds: step, splitLimit: 5 }),
      naive: [
        {
          path: 'loki/api/v1/query_range',
          form: {
            query: `sum(count_over_time(${naive} [${step}s]))`,
            start: String(BigInt(range.startMicros + step * 1e6) * 1000n),
            end: endNs,
            step: `${step}s`,
          },
        },
      ],
      answer: (r) => `total ${(r as { total: number }).total}`,
    },
    {
      name: `timeline of secrets requests (${step / 60}m)`,
      run: (b) =>
        b.timeline(
          {
            ...q,
            filters: [
              { dimension: 'resource', exclude: false, values: [{ op: 'eq', value: 'secrets' }] },
            ],
          },
          { bucketSeconds: step, splitLimit: 5 },
        ),
      naive: [
        {
          path: 'loki/api/v1/query_range',
          form: {
            query: `sum(count_over_time(${naive} | objectRef_resource="secrets" [${step}s]))`,
            start: String(BigInt(range.startMicros + step * 1e6) * 1000n),
            end: endNs,
            step: `${step}s`,
          },
        },
      ],
      answer: (r) => `total ${(r as { total: number }).total}`,
    },
    {
      name: 'breakdown by user (top 10)',
      run: (b) => b.breakdown(q, { dimension: 'user', limit: 10 }),
      naive: [
        {
          path: 'loki/api/v1/query',
          form: {
            query: `topk(10, sum by (user_username) (count_over_time(${naive} [${rangeS}s])))`,
            time: endNs,
          },
        },
        {
          path: 'loki/api/v1/query',
          form: { query: `sum(count_over_time(${naive} [${rangeS}s]))`, time: endNs },
        },
      ],
      answer: (r) => {
        const b = r as { rows: Array<{ value: string; count: number }>; total: number };
        return `top ${b.rows[0]?.value}=${b.rows[0]?.count}, total ${b.total}`;
      },
    },
    {
      name: 'first page (50, with total)',
      run: (b) => b.search(q),
      naive: [
        {
          path: 'loki/api/v1/query_range',
          form: { query: naive, start: startNs, end: endNs, limit: '51', direction: 'backward' },
        },
        {
          path: 'loki/api/v1/query',
          form: { query: `sum(count_over_time(${naive} [${rangeS}s]))`, time: endNs },
        },
      ],
      answer: (r) => `total ${(r as { total: number }).total}`,
    },
  ];

  for (const op of ops) {
    await op.run(adapter); // warm-up: the first query of a kind loads chunks
    // Node's own share, measured within single runs: wall time minus time waiting on Loki.
    const nodeShares: number[] = [];
    let log: Recorded[] = [];
    for (let i = 0; i < RUNS; i++) {
      recording.log = [];
      const [wall] = await timed(() => op.run(observed));
      log = recording.log;
      const waiting = inFlightMs(log);
      nodeShares.push((wall - waiting) / waiting);
    }
    const nodeShare = median(nodeShares);
    // Interleaved, so a burst of load on the machine hits all three alike.
    const adapterRuns: Array<Measured<unknown>> = [];
    const directRuns: Array<Measured<unknown>> = [];
    const naiveRuns: Array<Measured<unknown>> = [];
    for (let i = 0; i < RUNS; i++) {
      adapterRuns.push(await measureOnce(() => op.run(adapter)));
      directRuns.push(await measureOnce(() => replay(url, log)));
      naiveRuns.push(
        await measureOnce(() => Promise.all(op.naive.map((n) => raw(url, n.path, n.form)))),
      );
    }
    const pick = (xs: Array<Measured<unknown>>) => ({
      ms: median(xs.map((x) => x.ms)),
      cpu: xs[0]!.cpu === null ? null : median(xs.map((x) => x.cpu!)),
      result: xs[xs.length - 1]!.result,
    });
    const a = pick(adapterRuns);
    const d = pick(directRuns);
    const n = pick(naiveRuns);
    const speedup = `${(n.ms / d.ms).toFixed(2)}× wall${
      n.cpu !== null && d.cpu ? `, ${(n.cpu / d.cpu).toFixed(2)}× Loki CPU` : ''
    }`;
    rows.push({ name: `${op.name}: Auditlens adapter`, ms: a.ms, note: op.answer(a.result) });
    rows.push({
      name: `${op.name}: direct Loki, Auditlens LogQL`,
      ms: d.ms,
      note: `${log.length} requests; adapter overhead ${(((a.ms - d.ms) / d.ms) * 100).toFixed(1)}% (time in Node beyond waiting on Loki: ${(nodeShare * 100).toFixed(1)}%)${cpuNote(d.cpu)}`,
    });
    rows.push({
      name: `${op.name}: naive LogQL (| json)`,
      ms: n.ms,
      note: `naive / Auditlens LogQL: ${speedup}${cpuNote(n.cpu)}`,
    });
  }
  return rows;
}

export function formatBenchRows(rows: BenchRow[]): string {
  const width = Math.max(...rows.map((r) => r.name.length));
  return rows
    .map((r) => `  ${r.name.padEnd(width)}  ${r.ms.toFixed(1).padStart(10)} ms  ${r.note ?? ''}`)
    .join('\n');
}

if (process.argv[1] && /loki-bench\.[cm]?[tj]s$/.test(process.argv[1])) {
  const lokiUrl = process.env.LOKI_URL;
  if (!lokiUrl) {
    console.error('loki-bench: set LOKI_URL (e.g. eval "$(bash scripts/loki/start-loki.sh)")');
    process.exit(2);
  }
  const events = Number(process.env.BENCH_EVENTS ?? 200_000);
  benchLoki({ lokiUrl, events })
    .then((rows) =>
      console.log(`Loki bench, ${events} events, median of ${RUNS}\n${formatBenchRows(rows)}`),
    )
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
