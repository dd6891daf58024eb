// The explorer's page speed: time from navigation to every panel drawn (timeline, the seven
// breakdowns, the first page of the table) for a 24-hour range over N generated events in
// the embedded store, in Chromium. Builds its own store, starts the production build in
// .next on a free port against it, and navigates RUNS times after one warm-up.
//
//   npx tsx scripts/bench-ui.ts [--events N] [--runs N] [--keep DIR]   (BENCH_EVENTS works too)
//
// --keep DIR builds the store in DIR and keeps it; a later run with the same DIR and --events
// reuses it instead of generating again (1M events take a few minutes to generate and import).
//
// Needs `npm run build` first and Debian's Chromium (/usr/bin/chromium); it never downloads
// a browser. scripts/bench.ts can call benchUi() and print its rows with its own.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { closeEmbeddedStore, openEmbeddedStore } from '@/lib/backends/embedded/embedded-store';
import { initialPanelUrls } from '@/lib/explorer/panel-urls';
import { parseView } from '@/lib/explorer/view-state';
import { importStream } from '@/lib/ingest/import-stream';
import { WorkerPool } from '@/lib/ingest/worker-pool';
import { requestsForEvents } from '@/lib/sample/generate';
import { generateSampleNdjson } from '@/lib/sample/ndjson-chunks';

export interface BenchRow {
  name: string;
  ms: number;
  note?: string;
}

export interface BenchUiOptions {
  /** Generated events in the store (about 1.3 per request). */
  events: number;
  /** Measured navigations after the warm-up (default 5). */
  runs?: number;
  /** The project whose .next build is started (default: the current directory). */
  appDir?: string;
  /** Keep the generated store here and reuse it when it holds the same number of events. */
  keepDir?: string;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

/** What a kept store holds, written beside it. */
interface KeptStore {
  events: number;
  stored: number;
  end: number;
}
const KEPT_FILE = 'bench-ui.json';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The timeline, seven breakdowns and the table (components/explorer). */
const PANELS = 9;
const TARGET_MS = 1_500;
const HOUR_MS = 3_600_000;
const SEED = 7;

export async function benchUi(opts: BenchUiOptions): Promise<BenchRow[]> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const appDir = path.resolve(opts.appDir ?? process.cwd());
  const runs = opts.runs ?? 5;
  if (!fs.existsSync(path.join(appDir, '.next', 'BUILD_ID'))) {
    throw new Error(
      `no production build in ${path.join(appDir, '.next')}: run \`npm run build\` first`,
    );
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium (scripts/ensure-chromium.sh)`,
    );
  }
  const dir = opts.keepDir
    ? path.resolve(opts.keepDir)
    : fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-bench-ui-'));
  const dataDir = path.join(dir, 'data');
  const serverLog = path.join(dir, 'server.log');
  let server: ChildProcess | null = null;
  try {
    const { stored, end } = await preparedStore(dir, opts.events, log);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    log(`starting the dashboard (next start) on ${base}`);
    server = startDashboard(appDir, port, dataDir, serverLog);
    await waitForHealth(base, server, serverLog);
    const range = `from=${iso(end - 24 * HOUR_MS)}&to=${iso(end)}`;
    const counted = await countRequests(base, range);
    log(`${counted.toLocaleString('en-US')} requests counted in the 24 h range`);
    const api = await measureApi(base, range, runs);
    const times = await measureNavigations(`${base}/?${range}`, runs, server.pid, log);
    return report(times, { events: stored, counted, runs, api });
  } finally {
    if (server) await stop(server);
    if (!opts.keepDir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The kept store in `dir` if it holds `events`, else a new one (any old one is removed). */
async function preparedStore(
  dir: string,
  events: number,
  log: (line: string) => void,
): Promise<KeptStore> {
  const meta = path.join(dir, KEPT_FILE);
  if (fs.existsSync(meta)) {
    const kept = JSON.parse(fs.readFileSync(meta, 'utf8')) as KeptStore;
    if (kept.events === events) {
      log(`reusing the store in ${dir} (${kept.stored.toLocaleString('en-US')} events)`);
      return kept;
    }
  }
  fs.rmSync(path.join(dir, 'data'), { recursive: true, force: true });
  fs.rmSync(meta, { force: true });
  fs.mkdirSync(dir, { recursive: true });
  const end = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  const stored = await buildStore(path.join(dir, 'data'), events, end, log);
  const kept: KeptStore = { events, stored, end };
  fs.writeFileSync(meta, JSON.stringify(kept));
  return kept;
}

/** Generates `events` sample events over the 24 hours before `end` straight into a new store. */
async function buildStore(
  dataDir: string,
  events: number,
  end: number,
  log: (line: string) => void,
): Promise<number> {
  log(`generating and importing ${events.toLocaleString('en-US')} events…`);
  const t0 = performance.now();
  const store = await openEmbeddedStore(dataDir);
  const workers = WorkerPool.create();
  try {
    const sample = { seed: SEED, end, durationHours: 24, requests: requestsForEvents(events) };
    const report = await importStream(() => Readable.from(generateSampleNdjson(sample)), {
      source: 'bench-ui',
      sink: store.sink,
      deadLetters: store.deadLetters,
      maxEventBytes: 5 * 1024 * 1024,
      workers,
    });
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    log(`stored ${report.inserted.toLocaleString('en-US')} events in ${s} s`);
    return report.inserted;
  } finally {
    await workers.close();
    // DuckDB lets one process open the file: the dashboard opens it next.
    await closeEmbeddedStore(store);
  }
}

function startDashboard(appDir: string, port: number, dataDir: string, logFile: string) {
  const out = fs.openSync(logFile, 'a');
  const next = path.join(appDir, 'node_modules', 'next', 'dist', 'bin', 'next');
  // Only the bench store: no configuration file or followed paths from the caller's shell.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('AUDITLENS_')) delete env[k];
  Object.assign(env, {
    AUDITLENS_DATA_DIR: dataDir,
    AUDITLENS_SAMPLE_DATA: 'off',
    NEXT_TELEMETRY_DISABLED: '1',
  });
  return spawn(process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: appDir,
    stdio: ['ignore', out, out],
    env,
  });
}

async function waitForHealth(base: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`the dashboard exited (${server.exitCode}): ${tail(logFile)}`);
    }
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the dashboard did not answer ${base}/api/health within 60 s: ${tail(logFile)}`);
}

async function countRequests(base: string, range: string): Promise<number> {
  const r = await fetch(`${base}/api/events?${range}&limit=1`);
  if (!r.ok) throw new Error(`GET /api/events: HTTP ${r.status}: ${await r.text()}`);
  const body = (await r.json()) as { total: number };
  return body.total;
}

/**
 * The same nine requests the page makes, from Node, all at once: the store's share of the
 * page time, measured in the same run (the machine may be busy with other work).
 */
async function measureApi(base: string, range: string, runs: number): Promise<number[]> {
  const parsed = parseView(new URLSearchParams(range));
  if (!parsed.ok) throw new Error(`bench range: ${parsed.error.message}`);
  const urls = initialPanelUrls(parsed.view).map((u) => `${base}${u}`);
  const once = () =>
    Promise.all(
      urls.map(async (u) => {
        const r = await fetch(u);
        if (!r.ok) throw new Error(`GET ${u}: HTTP ${r.status}: ${await r.text()}`);
        await r.arrayBuffer();
      }),
    );
  await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  return times;
}

/** When each panel first said it was ready, recorded in the page from its first script on. */
const RECORD_PANELS = `(() => {
  const ready = (window.__panelReady = {});
  new MutationObserver(() => {
    for (const p of document.querySelectorAll('[data-panel][data-state="ready"]')) {
      const name = p.getAttribute('data-panel');
      if (!(name in ready)) ready[name] = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})();`;

interface Navigation {
  /** From the start of navigation until every panel is ready and the chart has bars. */
  allMs: number;
  domContentLoadedMs: number;
  panels: Record<string, number>;
}

type ReadyAnswer = { error: string } | Navigation;

/** Runs in the page: done when all panels are ready and drawn; stops early on a panel error. */
function readyCheck(expected: number): ReadyAnswer | false {
  const panels = [...document.querySelectorAll('[data-panel]')];
  const failed = panels.find((p) => p.getAttribute('data-state') === 'error');
  if (failed) return { error: `${failed.getAttribute('data-panel')}: ${failed.textContent}` };
  if (panels.length < expected) return false;
  if (panels.some((p) => p.getAttribute('data-state') !== 'ready')) return false;
  if (!document.querySelector('[data-panel="timeline"] .recharts-bar-rectangle')) return false;
  if (!document.querySelector('[data-panel="table"] tbody tr')) return false;
  // The navigation entry of a page load is always a PerformanceNavigationTiming, and
  // __panelReady is what RECORD_PANELS keeps on window.
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const w = window as unknown as { __panelReady?: Record<string, number> };
  return {
    allMs: performance.now(),
    domContentLoadedMs: nav?.domContentLoadedEventEnd ?? 0,
    panels: { ...w.__panelReady },
  };
}

async function navigate(page: Page, url: string): Promise<Navigation> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(readyCheck, PANELS, {
    polling: 'raf',
    timeout: 120_000,
  });
  const answer = (await handle.jsonValue()) as ReadyAnswer;
  if ('error' in answer) throw new Error(`a panel failed: ${answer.error}`);
  return answer;
}

/** CPU time a process has used, all threads, from Linux's scheduler statistics; null elsewhere. */
function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const dir = `/proc/${pid}/task`;
    let ns = 0;
    for (const tid of fs.readdirSync(dir)) {
      ns += Number(fs.readFileSync(`${dir}/${tid}/schedstat`, 'utf8').split(' ')[0]);
    }
    return ns / 1e6;
  } catch {
    return null;
  }
}

/**
 * Wall time depends on what else the machine runs; CPU time much less. Each navigation also
 * records the CPU the page's main thread used (Chromium's ThreadTime) and the CPU the
 * dashboard process used (all threads: Node and DuckDB).
 */
interface Measured extends Navigation {
  browserCpuMs: number;
  serverCpuMs: number | null;
}

async function measureNavigations(
  url: string,
  runs: number,
  serverPid: number | undefined,
  log: (line: string) => void,
): Promise<{ cold: Measured; warm: Measured[] }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript(RECORD_PANELS);
    const threadTime = async (cdp: CDPSession) => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
    };
    const once = async (): Promise<Measured> => {
      const page = await context.newPage();
      try {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        const cpu0 = await threadTime(cdp);
        const server0 = processCpuMs(serverPid);
        const nav = await navigate(page, url);
        const server1 = processCpuMs(serverPid);
        return {
          ...nav,
          browserCpuMs: (await threadTime(cdp)) - cpu0,
          serverCpuMs: server0 === null || server1 === null ? null : server1 - server0,
        };
      } finally {
        await page.close();
      }
    };
    const cold = await once();
    log(`warm-up (empty browser cache): ${cold.allMs.toFixed(0)} ms`);
    const warm: Measured[] = [];
    for (let i = 0; i < runs; i++) {
      warm.push(await once());
      log(`run ${i + 1}/${runs}: ${warm.at(-1)!.allMs.toFixed(0)} ms`);
    }
    return { cold, warm };
  } finally {
    await browser.close();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function report(
  t: { cold: Measured; warm: Measured[] },
  info: { events: number; counted: number; runs: number; api: number[] },
): BenchRow[] {
  const all = t.warm.map((n) => n.allMs);
  const panel = (pick: (p: Record<string, number>) => number) =>
    median(t.warm.map((n) => pick(n.panels)));
  const breakdowns = (p: Record<string, number>) =>
    Math.max(...Object.entries(p).flatMap(([k, v]) => (k.startsWith('breakdown-') ? [v] : [])));
  const size = `${info.events.toLocaleString('en-US')} events, ${info.counted.toLocaleString('en-US')} requests in a 24 h range`;
  const p50 = median(all);
  return [
    {
      name: `ui: navigation to all panels drawn (p50 of ${info.runs})`,
      ms: p50,
      note: `${size}; target < ${TARGET_MS.toLocaleString('en-US')} ms${p50 < TARGET_MS ? '' : ' (missed)'}`,
    },
    { name: `ui: navigation to all panels drawn (max of ${info.runs})`, ms: Math.max(...all) },
    {
      name: 'ui: first load, empty browser cache',
      ms: t.cold.allMs,
      note: 'the warm-up navigation, not in the p50',
    },
    { name: 'ui: DOMContentLoaded (p50)', ms: median(t.warm.map((n) => n.domContentLoadedMs)) },
    { name: 'ui: timeline ready (p50)', ms: panel((p) => p.timeline ?? NaN) },
    { name: 'ui: slowest breakdown ready (p50)', ms: panel(breakdowns) },
    { name: 'ui: first table page ready (p50)', ms: panel((p) => p.table ?? NaN) },
    {
      name: 'cpu: browser main thread per load (p50)',
      ms: median(t.warm.map((n) => n.browserCpuMs)),
      note: 'CPU time, not wall: what the page costs on a quiet machine',
    },
    ...(t.warm.every((n) => n.serverCpuMs !== null)
      ? [
          {
            name: 'cpu: dashboard process per load (p50)',
            ms: median(t.warm.map((n) => n.serverCpuMs ?? 0)),
            note: 'Node and DuckDB threads; the queries run in parallel on DuckDB threads',
          },
        ]
      : []),
    {
      name: 'api: the nine panel requests at once (p50)',
      ms: median(info.api),
      note: 'from Node, no browser: the store and server share of the page time',
    },
  ];
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-15).join('\n');
  } catch {
    return '(no server log)';
  }
}

function readOptions(argv: string[]): BenchUiOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { events: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'string' } },
  });
  const count = (name: string, raw: string | undefined, fallback: number, min: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) {
      throw new Error(`--${name}: expected a whole number >= ${min}, got "${raw}"`);
    }
    return n;
  };
  return {
    events: count('events', values.events ?? process.env.BENCH_EVENTS, 1_000_000, 1),
    runs: count('runs', values.runs, 5, 1),
    ...(values.keep ? { keepDir: values.keep } : {}),
  };
}

async function main(): Promise<void> {
  const opts = readOptions(process.argv.slice(2));
  const rows = await benchUi(opts);
  console.log(`\nexplorer in Chromium (${os.cpus().length} cores, node ${process.version}):`);
  for (const r of rows) {
    const note = r.note ? `   ${r.note}` : '';
    console.log(`  ${r.name.padEnd(46)} ${`${r.ms.toFixed(0)} ms`.padStart(9)}${note}`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
