// npm run bench: ingest rate and query times of the embedded store on generated events.
// BENCH_EVENTS sets the size (default 1,000,000). Figures, not assertions: the machine is
// shared and noisy, so each query is run several times and the median is printed.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { closeEmbeddedStore, openEmbeddedStore } from '@/lib/backends/embedded/embedded-store';
import type { AuditBackend } from '@/lib/backends/types';
import type { DimensionKey } from '@/lib/audit/dimensions';
import { importPath } from '@/lib/ingest/import-path';
import { chooseBucketSeconds } from '@/lib/query/buckets';
import { defaultQuery } from '@/lib/query/codec';
import type { ResolvedQuery } from '@/lib/query/types';
import { requestsForEvents } from '@/lib/sample/generate';
import { generateSampleNdjson } from '@/lib/sample/ndjson-chunks';
import { WorkerPool } from '@/lib/ingest/worker-pool';

const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BREAKDOWNS: DimensionKey[] = ['user', 'verb', 'resource', 'namespace', 'code'];

function ms(n: number): string {
  return `${n.toFixed(1)} ms`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

async function writeEvents(file: string, end: number): Promise<number> {
  const out = fs.createWriteStream(file);
  let n = 0;
  const opts = { seed: 7, end, durationHours: 24, requests: requestsForEvents(TARGET_EVENTS) };
  for (const chunk of generateSampleNdjson(opts)) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n += 1;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return n;
}

async function parseOnly(file: string): Promise<number> {
  const t0 = performance.now();
  let rest = '';
  for await (const chunk of fs.createReadStream(file, {
    encoding: 'utf8',
    highWaterMark: 1 << 20,
  })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line) JSON.parse(line);
  }
  if (rest) JSON.parse(rest);
  return performance.now() - t0;
}

async function measure(label: string, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await time(fn))[0]);
  const m = median(times);
  console.log(
    `  ${label.padEnd(34)} ${ms(m).padStart(10)}   (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))})`,
  );
  return m;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-bench-'));
  const file = path.join(dir, 'audit.log');
  const end = Date.UTC(2026, 10, 23, 0, 0, 0);
  try {
    console.log(
      `Auditlens bench: ${TARGET_EVENTS.toLocaleString('en-US')} generated events, DuckDB embedded store`,
    );
    console.log(
      `machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
    );

    const [genMs, n] = await time(() => writeEvents(file, end));
    const bytes = fs.statSync(file).size;
    console.log(
      `generated ${n.toLocaleString('en-US')} events (${(bytes / 1e6).toFixed(0)} MB) in ${(genMs / 1000).toFixed(1)} s`,
    );

    // Reference for the ingest rate, measured in the same run: JSON.parse alone over the
    // same lines on one core, the floor of any import that reads every event.
    const parseMs = await parseOnly(file);
    const parseRate = n / (parseMs / 1000);

    const store = await openEmbeddedStore(path.join(dir, 'data'));
    const rssBefore = process.memoryUsage().rss;
    const workers = WorkerPool.create();
    const [ingestMs, reports] = await time(() =>
      importPath(file, {
        sink: store.sink,
        deadLetters: store.deadLetters,
        maxEventBytes: 5 * 1024 * 1024,
        workers,
      }),
    );
    await workers.close();
    const stored = reports.reduce((s, r) => s + r.inserted, 0);
    const rate = stored / (ingestMs / 1000);
    console.log('\ningest (file → normalize → DuckDB):');
    console.log(
      `  ${stored.toLocaleString('en-US')} events in ${(ingestMs / 1000).toFixed(2)} s = ${Math.round(rate).toLocaleString('en-US')} events/s (target ≥ 100,000)`,
    );
    console.log(
      `  reference: JSON.parse alone, one core: ${Math.round(parseRate).toLocaleString('en-US')} events/s; ingest is ${(rate / parseRate).toFixed(2)}× that`,
    );
    console.log(
      `  rss ${(rssBefore / 2 ** 20).toFixed(0)} → ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB; database ${(fs.statSync(store.backend.db.file).size / 1e6).toFixed(0)} MB`,
    );

    const backend: AuditBackend = store.backend;
    const q: ResolvedQuery = {
      ...defaultQuery(),
      range: { startMicros: (end - 25 * 3600_000) * 1000, endMicros: (end + 3600_000) * 1000 },
    };
    const bucketSeconds = chooseBucketSeconds(q.range);
    console.log(`\nqueries over all events, warm, median of ${RUNS} (bucket ${bucketSeconds} s):`);
    const total = (await backend.search({ ...q, limit: 1 })).total;
    console.log(`  (${total.toLocaleString('en-US')} requests counted in range)`);
    const tl = await measure('timeline', () =>
      backend.timeline(q, { bucketSeconds, splitLimit: 8 }),
    );
    await measure('timeline split by verb', () =>
      backend.timeline(q, { bucketSeconds, splitLimit: 8, split: 'verb' }),
    );
    let bd = 0;
    for (const d of BREAKDOWNS)
      bd += await measure(`breakdown by ${d}`, () =>
        backend.breakdown(q, { dimension: d, limit: 10 }),
      );
    const page = await measure('first page of events (50, with total)', () =>
      backend.search({ ...q, limit: 50 }),
    );
    await measure('events of one user (50)', () =>
      backend.search({
        ...q,
        limit: 50,
        filters: [
          { dimension: 'user', exclude: false, values: [{ op: 'eq', value: 'alice@example.com' }] },
        ],
      }),
    );
    console.log(`\n  timeline + five breakdowns: ${ms(tl + bd)} (target < 300 ms)`);
    console.log(`  first page: ${ms(page)}`);
    await closeEmbeddedStore(store);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
