// Benchmark of the Elasticsearch/OpenSearch adapter: loads N generated events with the
// Auditlens writer (once; a later run reuses the index), then times the timeline, the
// breakdown by user and the first page through the adapter against the direct request
// (raw HTTP with the very body the adapter sent), and counts requests per dashboard refresh.
//
// Standalone: ELASTICSEARCH_URL=… [OPENSEARCH_URL=…] BENCH_EVENTS=200000 \
//   npx tsx scripts/bench/elasticsearch-bench.ts

import { normalize } from '@/lib/audit/normalize';
import type { AuditEvent } from '@/lib/audit/types';
import { ElasticsearchBackend } from '@/lib/backends/elasticsearch/elasticsearch-backend';
import type { Dsl } from '@/lib/backends/elasticsearch/query-dsl';
import { chooseBucketSeconds } from '@/lib/query/buckets';
import type { ResolvedQuery } from '@/lib/query/types';
import { generateSampleEvents, requestsForEvents } from '@/lib/sample/generate';
import { ElasticsearchWriter } from '@/lib/ingest/writers/elasticsearch-writer';
import { rangeQuery } from '@/lib/testing/expected-answers';

export interface BenchRow {
  name: string;
  ms: number;
  note?: string;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const HOUR_US = 3_600_000_000;

function signed(n: number, digits = 1): string {
  return `${n >= 0 ? '+' : '-'}${Math.abs(n).toFixed(digits)}`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

async function json(url: string, init?: RequestInit): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init?.headers },
  });
  return (await res.json()) as Record<string, unknown>;
}

async function storedCount(url: string, index: string): Promise<number> {
  const res = await fetch(`${url}/${index}/_count`);
  if (res.status === 404) return 0;
  return Number(((await res.json()) as { count?: number }).count ?? 0);
}

/** Loads about `events` generated events (24 h ending at the last whole hour). */
async function load(url: string, index: string, events: number): Promise<BenchRow> {
  const writer = new ElasticsearchWriter({ url, index, preset: 'fluentd', replicas: 0 });
  const end = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const inFlight = new Set<Promise<unknown>>();
  let batch: AuditEvent[] = [];
  let n = 0;
  let failed = 0;
  const send = async (b: AuditEvent[]) => {
    const p = writer.insert(b).then((r) => (failed += r.failed.length));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    if (inFlight.size >= 2) await Promise.race(inFlight);
  };
  const [ms] = await timed(async () => {
    const opts = { seed: 7, end, durationHours: 24, requests: requestsForEvents(events) };
    for (const e of generateSampleEvents(opts)) {
      const r = normalize(e);
      if (!r.ok) continue;
      batch.push(...r.events);
      n += r.events.length;
      if (batch.length >= 5000) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length) await send(batch);
    await Promise.all(inFlight);
    await writer.finish();
  });
  const rate = Math.round(n / (ms / 1000));
  return {
    name: 'load with the writer (bulk of 5,000, 2 in flight)',
    ms,
    note: `${n} events, ${rate} events/s${failed ? `, ${failed} refused` : ''}`,
  };
}

/** The whole hours holding the stored events. */
async function storedRange(url: string, index: string) {
  const body = await json(`${url}/${index}/_search`, {
    method: 'POST',
    body: JSON.stringify({
      size: 0,
      aggs: { lo: { min: { field: '@timestamp' } }, hi: { max: { field: '@timestamp' } } },
    }),
  });
  const aggs = body.aggregations as { lo: { value: number }; hi: { value: number } };
  const startMicros = Math.floor((aggs.lo.value * 1000) / HOUR_US) * HOUR_US;
  const endMicros = Math.ceil((aggs.hi.value * 1000 + 1) / HOUR_US) * HOUR_US;
  return { startMicros, endMicros };
}

export async function benchElasticsearch(opts: {
  url: string;
  product: string;
  events: number;
}): Promise<BenchRow[]> {
  const url = opts.url.replace(/\/+$/, '');
  const index = `auditlens-bench-${opts.events}`;
  const rows: BenchRow[] = [];
  if ((await storedCount(url, index)) < opts.events * 0.9) {
    await fetch(`${url}/${index}`, { method: 'DELETE' });
    rows.push(await load(url, index, opts.events));
  } else {
    rows.push({ name: 'load with the writer', ms: 0, note: `reused index ${index}` });
  }

  // A dashboard's range ends at "now", so no two refreshes send the same query: time them
  // uncached, or both sides would mostly time the server's request cache.
  await fetch(`${url}/${index}/_settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ 'index.requests.cache.enable': false }),
  });

  let bodies: Dsl[] = [];
  const backend = new ElasticsearchBackend(
    { name: 'bench', type: 'elasticsearch', url, index, preset: 'fluentd', timeoutMs: 120_000 },
    { observe: (b) => bodies.push(b) },
  );
  const range = await storedRange(url, index);
  const q: ResolvedQuery = rangeQuery(range, { limit: 50 });
  const bucketSeconds = chooseBucketSeconds(range);
  await backend.health(); // detection and mapping: once per source, not per view

  const direct = (body: Dsl) =>
    json(`${url}/${index}/_search`, { method: 'POST', body: JSON.stringify(body) });

  const ops: Array<[string, () => Promise<unknown>]> = [
    [
      `timeline (${bucketSeconds} s buckets)`,
      () => backend.timeline(q, { bucketSeconds, splitLimit: 8 }),
    ],
    ['breakdown by user (top 10)', () => backend.breakdown(q, { dimension: 'user', limit: 10 })],
    ['first page (50 events, exact total)', () => backend.search(q)],
  ];
  for (const [name, op] of ops) {
    bodies = [];
    await op(); // warm-up; records the body the adapter sends
    const sent = [...bodies];
    await Promise.all(sent.map(direct));
    const viaAdapter: number[] = [];
    const viaDirect: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      viaAdapter.push((await timed(op))[0]);
      viaDirect.push((await timed(() => Promise.all(sent.map(direct))))[0]);
    }
    const a = median(viaAdapter);
    const d = median(viaDirect);
    rows.push({
      name: `${name}: Auditlens adapter`,
      ms: a,
      note: `${signed(a - d)} ms (${signed(((a - d) / d) * 100, 0)}%) against direct, batch window included`,
    });
    rows.push({ name: `${name}: direct request`, ms: d });
  }

  // A dashboard refresh: the panels ask together.
  for (const split of [undefined, 'user'] as const) {
    const refresh = () =>
      Promise.all([
        backend.timeline(q, { bucketSeconds, splitLimit: 8, split }),
        backend.breakdown(q, { dimension: 'user', limit: 10 }),
        backend.search(q),
      ]);
    bodies = [];
    await refresh();
    const sent = [...bodies];
    const times: number[] = [];
    const directTimes: number[] = [];
    let requests = 0;
    for (let i = 0; i < RUNS; i++) {
      const before = backend.requestCount;
      times.push((await timed(refresh))[0]);
      requests = backend.requestCount - before;
      // The same searches as separate parallel requests (a split's second search waits for
      // the first's top values, so it is not comparable and left out).
      if (!split) directTimes.push((await timed(() => Promise.all(sent.map(direct))))[0]);
    }
    const name = `dashboard refresh: timeline${split ? ' split by user' : ''} + breakdown + first page`;
    rows.push({
      name: `${name}: Auditlens adapter`,
      ms: median(times),
      note: `${requests} request${requests === 1 ? '' : 's'} to ${opts.product}`,
    });
    if (!split) {
      rows.push({
        name: `${name}: direct requests`,
        ms: median(directTimes),
        note: `${sent.length} parallel requests`,
      });
    }
  }
  return rows;
}

function table(title: string, rows: BenchRow[]): string {
  const width = Math.max(...rows.map((r) => r.name.length));
  const lines = rows.map(
    (r) => `${r.name.padEnd(width)}  ${`${r.ms.toFixed(1)} ms`.padStart(11)}  ${r.note ?? ''}`,
  );
  return [title, ...lines].join('\n');
}

async function main(): Promise<void> {
  const events = Number(process.env.BENCH_EVENTS ?? 200_000);
  const targets = [
    ['Elasticsearch', process.env.ELASTICSEARCH_URL],
    ['OpenSearch', process.env.OPENSEARCH_URL],
  ].filter((t): t is [string, string] => Boolean(t[1]));
  if (!targets.length) {
    process.stderr.write('elasticsearch-bench: set ELASTICSEARCH_URL and/or OPENSEARCH_URL\n');
    process.exit(2);
  }
  for (const [product, url] of targets) {
    const rows = await benchElasticsearch({ url, product, events });
    process.stdout.write(
      `${table(`${product} at ${url}, ${events} events (median of ${RUNS})`, rows)}\n\n`,
    );
  }
}

if (process.argv[1]?.endsWith('elasticsearch-bench.ts')) {
  main().catch((e: unknown) => {
    process.stderr.write(`elasticsearch-bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
