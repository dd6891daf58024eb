// Writes generated sample audit events as NDJSON (one audit.k8s.io/v1 Event per line), the
// format of a kube-apiserver's log backend.
//
//   npx tsx scripts/generate-sample.ts --out FILE [--events N | --requests N]
//                                      [--seed S] [--end ISO] [--hours H]
//
// --requests N  exactly N requests (stories included); each writes 1-3 events.
// --events N    about N events: N / MEAN_EVENTS_PER_REQUEST requests (within a few percent).
// --end         end of the window (exclusive), default now; printed so a run can be repeated.
// --out -       writes to stdout.

import fs from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { requestsForEvents } from '@/lib/sample/generate';
import { generateSampleNdjson } from '@/lib/sample/ndjson-chunks';

const NEWLINE = 0x0a;
const PROGRESS_EVERY_MS = 1_000;
const USAGE =
  'usage: npx tsx scripts/generate-sample.ts --out FILE [--events N | --requests N] [--seed S] [--end ISO] [--hours H]';

interface Settings {
  out: string;
  requests: number;
  seed: number;
  end: Date;
  hours: number;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function numberOption(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    fail(`--${name}: expected a number >= ${min}, got "${raw}"`);
  return value;
}

function readSettings(argv: string[]): Settings {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        out: { type: 'string' },
        events: { type: 'string' },
        requests: { type: 'string' },
        seed: { type: 'string' },
        end: { type: 'string' },
        hours: { type: 'string' },
      },
    }));
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  if (!values.out) fail('--out is required');
  if (values.events !== undefined && values.requests !== undefined)
    fail('give --events or --requests, not both');
  const requests =
    values.events !== undefined
      ? requestsForEvents(numberOption('events', values.events, 0, 0))
      : Math.floor(numberOption('requests', values.requests, 20_000, 0));
  const end = values.end === undefined ? new Date() : new Date(values.end);
  if (Number.isNaN(end.getTime())) fail(`--end: expected an ISO-8601 time, got "${values.end}"`);
  return {
    out: values.out,
    requests,
    seed: Math.trunc(numberOption('seed', values.seed, 1, -(2 ** 31))),
    end,
    hours: numberOption('hours', values.hours, 24, 1 / 3600),
  };
}

function countLines(chunk: Buffer): number {
  let lines = 0;
  for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) lines++;
  return lines;
}

async function write(stream: Writable, chunk: Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function main(): Promise<void> {
  const settings = readSettings(process.argv.slice(2));
  const stream = settings.out === '-' ? process.stdout : fs.createWriteStream(settings.out);
  process.stderr.write(
    `generating ${settings.requests.toLocaleString('en-US')} requests: seed ${settings.seed}, ` +
      `${settings.hours} h ending ${settings.end.toISOString()}\n`,
  );
  const started = performance.now();
  let lastProgress = started;
  let bytes = 0;
  let events = 0;
  const chunks = generateSampleNdjson({
    seed: settings.seed,
    end: settings.end,
    durationHours: settings.hours,
    requests: settings.requests,
  });
  for (const chunk of chunks) {
    await write(stream, chunk);
    bytes += chunk.length;
    events += countLines(chunk);
    const now = performance.now();
    if (now - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = now;
      process.stderr.write(`  ${events.toLocaleString('en-US')} events…\n`);
    }
  }
  if (stream !== process.stdout) {
    stream.end();
    await once(stream, 'finish');
  }
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `wrote ${events.toLocaleString('en-US')} events (${(bytes / 1e6).toFixed(0)} MB) to ${settings.out} ` +
      `in ${seconds.toFixed(1)} s (${Math.round(events / seconds).toLocaleString('en-US')} events/s)\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
