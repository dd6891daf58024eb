// npm run ingest -- [options] <file-or-directory>...
// Imports audit logs into the embedded store, posts them to a running dashboard, or pushes
// them into Loki or Elasticsearch/OpenSearch.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { CheckpointStore } from '@/lib/ingest/checkpoints';
import { Follower } from '@/lib/ingest/follow';
import { importPath, listImportFiles } from '@/lib/ingest/import-path';
import { formatReport, type ImportReport } from '@/lib/ingest/report';
import { closeEmbeddedStore, openEmbeddedStore } from '@/lib/backends/embedded/embedded-store';
import { loadConfig } from '@/lib/config/load';
import { httpSink } from './lib/http-sink';
import { STORE_AUTH_ENV, storeSink, type StoreSink } from './lib/store-sinks';
import { SOURCE_SHAPES, type SourceShape } from '@/lib/audit/types';
import { WorkerPool } from '@/lib/ingest/worker-pool';

const USAGE = `usage: npm run ingest -- [options] <file-or-directory>...

Imports Kubernetes audit logs (audit.log and its rotations, .gz too, EventList and
shipper JSON, YAML) into the embedded store, or into Loki or Elasticsearch/OpenSearch.
Bad lines are reported and kept in <data-dir>/dead-letters; the import never stops for
one bad line.

options:
  --data-dir DIR     embedded store directory (default: AUDITLENS_DATA_DIR or ./data)
  --follow           keep following the paths: new lines and rotations are imported live
  --server URL       post to a running dashboard's /api/ingest instead of opening the store
  --token TOKEN      bearer token for --server (default: AUDITLENS_INGEST_TOKEN)
  --to STORE         loki or elasticsearch (also OpenSearch): push there instead
  --url URL          the store's base URL (with --to)
  --label NAME=VALUE Loki stream label, repeatable (default job=kubernetes-audit)
  --tenant ID        Loki tenant (X-Scope-OrgID)
  --index NAME       Elasticsearch/OpenSearch index; its template is installed first
  --preset PRESET    document layout: fluentd (default), elastic-agent, fluentd-log-string
                     (store credentials: ${STORE_AUTH_ENV.token}, ${STORE_AUTH_ENV.apiKey}, or
                     ${STORE_AUTH_ENV.user} and ${STORE_AUTH_ENV.password})
  --default-time ISO time for events that carry none (otherwise they are set aside)
  --shape SHAPE      read every input as SHAPE instead of detecting it per file and line:
                     ${SOURCE_SHAPES.join(', ')}
  --quiet            no progress bar
  -h, --help         this help`;

function fail(message: string): never {
  process.stderr.write(`ingest: ${message}\n`);
  process.exit(2);
}

function makeProgress(quiet: boolean) {
  const tty = process.stderr.isTTY && !quiet;
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          format: ' {file} |{bar}| {percentage}% · {mb}/{totalMb} MB · {rate} MB/s',
          hideCursor: true,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let started = 0;
  let size = 0;
  let lastLog = 0;
  let name = '';
  return {
    start(file: string, bytes: number) {
      started = Date.now();
      size = bytes;
      name = path.basename(file);
      if (bar)
        bar.start(Math.max(1, bytes), 0, {
          file: name,
          mb: '0',
          totalMb: (bytes / 1e6).toFixed(0),
          rate: '0',
        });
    },
    update(bytes: number) {
      const secs = Math.max(0.001, (Date.now() - started) / 1000);
      const rate = (bytes / 1e6 / secs).toFixed(1);
      if (bar) bar.update(bytes, { file: name, mb: (bytes / 1e6).toFixed(0), rate });
      else if (!quiet && size > 50e6 && Date.now() - lastLog > 5000) {
        lastLog = Date.now();
        process.stderr.write(
          `${name}: ${((bytes / size) * 100).toFixed(0)}% (${(bytes / 1e6).toFixed(0)} of ${(size / 1e6).toFixed(0)} MB, ${rate} MB/s)\n`,
        );
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      follow: { type: 'boolean', default: false },
      server: { type: 'string' },
      token: { type: 'string' },
      'default-time': { type: 'string' },
      shape: { type: 'string' },
      to: { type: 'string' },
      url: { type: 'string' },
      label: { type: 'string', multiple: true, default: [] },
      tenant: { type: 'string' },
      index: { type: 'string' },
      preset: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  if (!positionals.length) fail(`no file or directory given\n${USAGE}`);
  for (const p of positionals) if (!fs.existsSync(p)) fail(`${p}: no such file or directory`);
  const fallbackTime = values['default-time'];
  if (fallbackTime !== undefined && Number.isNaN(Date.parse(fallbackTime))) {
    fail(`--default-time: expected an ISO-8601 time, got "${fallbackTime}"`);
  }

  const shape = values.shape as SourceShape | undefined;
  if (shape !== undefined && !SOURCE_SHAPES.includes(shape)) {
    fail(`--shape: "${shape}" is not one of ${SOURCE_SHAPES.join(', ')}`);
  }

  const env = {
    ...process.env,
    ...(values['data-dir'] ? { AUDITLENS_DATA_DIR: values['data-dir'] } : {}),
  };
  const config = loadConfig(env);
  const progress = makeProgress(values.quiet);
  const reports: ImportReport[] = [];

  let remote: StoreSink | null = null;
  if (values.to !== undefined) {
    if (values.to !== 'loki' && values.to !== 'elasticsearch') {
      fail(`--to: "${values.to}" is not one of loki, elasticsearch`);
    }
    if (values.server) fail('--to and --server cannot be used together');
    if (values.follow)
      fail('--follow imports into the embedded store; it cannot be used with --to');
    try {
      remote = storeSink(
        {
          to: values.to,
          url: values.url,
          labels: values.label,
          tenant: values.tenant,
          index: values.index,
          preset: values.preset,
        },
        process.env,
      );
    } catch (e) {
      fail((e as Error).message);
    }
  }

  if (values.server || remote) {
    let sink;
    if (remote) {
      sink = remote.sink;
      process.stderr.write(`importing into ${remote.description}\n`);
    } else {
      const token = values.token ?? config.ingestToken;
      if (!token) fail('--server needs --token or AUDITLENS_INGEST_TOKEN');
      sink = httpSink(values.server!, token);
    }
    const { DeadLetterWriter } = await import('@/lib/ingest/dead-letters');
    for (const p of positionals) {
      reports.push(
        ...(await importPath(p, {
          sink,
          deadLetters: new DeadLetterWriter(path.join(config.dataDir, 'dead-letters')),
          maxEventBytes: config.maxEventBytes,
          fallbackTime,
          shape,
          onFileStart: (f, size) => progress.start(f, size),
          onProgress: (_f, bytes) => progress.update(bytes),
        })),
      );
      progress.stop();
    }
  } else {
    const store = await openEmbeddedStore(config.dataDir);
    const workers = WorkerPool.create();
    try {
      for (const p of positionals) {
        const files = listImportFiles(p);
        if (!files.length)
          process.stderr.write(
            `${p}: no importable files (.log, .json, .jsonl, .ndjson, .gz, .yaml)\n`,
          );
        reports.push(
          ...(await importPath(p, {
            sink: store.sink,
            deadLetters: store.deadLetters,
            maxEventBytes: config.maxEventBytes,
            fallbackTime,
            shape,
            workers,
            onFileStart: (f, size) => progress.start(f, size),
            onProgress: (_f, bytes) => progress.update(bytes),
          })),
        );
        progress.stop();
      }
      for (const r of reports) process.stdout.write(formatReport(r) + '\n');
      printTotals(reports, store.deadLetters.file);
      if (values.follow) {
        process.stdout.write(`following ${positionals.join(', ')} (Ctrl-C to stop)\n`);
        const follower = new Follower({
          paths: positionals.map((p) => path.resolve(p)),
          sink: store.sink,
          deadLetters: store.deadLetters,
          checkpoints: new CheckpointStore(store.backend.db),
          maxEventBytes: config.maxEventBytes,
          onReport: (r) => process.stdout.write(formatReport(r) + '\n'),
          onError: (e) => process.stderr.write(`follow: ${e.message}\n`),
        });
        follower.start();
        await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
        await follower.stop();
      }
      return;
    } finally {
      await workers.close();
      await closeEmbeddedStore(store);
    }
  }
  await remote?.finish();
  for (const r of reports) process.stdout.write(formatReport(r) + '\n');
  printTotals(reports, path.join(config.dataDir, 'dead-letters'));
}

function printTotals(reports: ImportReport[], deadLetters: string): void {
  const sum = (k: 'events' | 'inserted' | 'duplicates' | 'rejected') =>
    reports.reduce((s, r) => s + r[k], 0);
  process.stdout.write(
    `total: ${reports.length} files, ${sum('events')} events, ${sum('inserted')} new, ${sum('duplicates')} already stored, ${sum('rejected')} set aside` +
      (sum('rejected') ? ` (kept in ${deadLetters})` : '') +
      '\n',
  );
}

main().catch((e: Error) => fail(e.message));
