// Pushes normalized audit events into Loki (/loki/api/v1/push) as Promtail would ship them:
// the line is the Event JSON, the timestamp the event time in nanoseconds, the stream's
// labels configurable. Batches stay well under Loki's push limits and go in time order;
// 429 and 5xx answers are retried with backoff. Pushing the same events again adds
// nothing: Loki drops an entry whose timestamp and line equal one already in its stream.

import type { AuditEvent } from '@/lib/audit/types';
import { StoreError } from '@/lib/backends/errors';
import { LokiHttp } from '@/lib/backends/loki/loki-http';
import type { StoreAuth } from '@/lib/config/schema';
import { isoToMicros } from '@/lib/query/time';
import type { EventSink, InsertResult } from '../sink';

export const DEFAULT_LOKI_LABELS: Readonly<Record<string, string>> = Object.freeze({
  job: 'kubernetes-audit',
});

export interface LokiWriterOptions {
  /** Base URL of Loki (or its distributor / gateway). */
  url: string;
  /** Stream labels of every pushed entry (default {job="kubernetes-audit"}). */
  labels?: Record<string, string>;
  tenant?: string;
  auth?: StoreAuth;
  timeoutMs?: number;
  /** Upper bound of one push body; Loki's default burst refuses pushes over 6 MB. */
  maxBatchBytes?: number;
  /** Attempts per push for 429, 5xx and failed connections. */
  attempts?: number;
  /** First retry delay; doubles each time. */
  retryDelayMs?: number;
}

const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Checks stream labels; the error names the bad one. */
export function checkLokiLabels(labels: Record<string, string>): Record<string, string> {
  const names = Object.keys(labels);
  if (!names.length)
    throw new Error('Loki labels: at least one label is needed, e.g. job=kubernetes-audit');
  for (const name of names) {
    if (!LABEL_NAME.test(name) || name.startsWith('__')) {
      throw new Error(
        `Loki label "${name}": a name is letters, digits and "_", not starting with a digit or "__"`,
      );
    }
    if (labels[name] === '') throw new Error(`Loki label "${name}": the value is empty`);
  }
  return labels;
}

/** `--label k=v` arguments to a label set (the default when none is given). */
export function parseLokiLabelArgs(args: readonly string[]): Record<string, string> {
  if (!args.length) return { ...DEFAULT_LOKI_LABELS };
  const labels: Record<string, string> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new Error(`--label "${arg}": expected name=value, e.g. cluster=prod`);
    labels[arg.slice(0, eq)] = arg.slice(eq + 1);
  }
  return checkLokiLabels(labels);
}

interface Entry {
  ns: bigint;
  line: string;
}

/** The line Loki keeps: the Event, with its auditID (a derived one when the Event had none). */
function lineOf(e: AuditEvent): string {
  const event = e.event.auditID ? e.event : { ...e.event, auditID: e.auditID };
  return JSON.stringify(event);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function retryable(e: unknown): boolean {
  if (!(e instanceof StoreError)) return false;
  if (e.kind === 'unreachable' || e.kind === 'timeout') return true;
  return e.storeStatus === 429 || (e.storeStatus !== undefined && e.storeStatus >= 500);
}

export class LokiWriter implements EventSink {
  private readonly http: LokiHttp;
  private readonly labels: Record<string, string>;
  private readonly maxBatchBytes: number;
  private readonly attempts: number;
  private readonly retryDelayMs: number;

  constructor(opts: LokiWriterOptions) {
    this.labels = checkLokiLabels({ ...(opts.labels ?? DEFAULT_LOKI_LABELS) });
    this.http = new LokiHttp({
      source: 'ingest',
      url: opts.url,
      tenant: opts.tenant,
      auth: opts.auth,
      timeoutMs: opts.timeoutMs ?? 30_000,
    });
    this.maxBatchBytes = opts.maxBatchBytes ?? 1024 * 1024;
    this.attempts = opts.attempts ?? 6;
    this.retryDelayMs = opts.retryDelayMs ?? 250;
  }

  /** Pushes the events; resolves once Loki has accepted all of them. */
  async insert(events: readonly AuditEvent[]): Promise<InsertResult> {
    const seen = new Set<string>();
    const entries: Entry[] = [];
    for (const e of events) {
      // One entry per (auditID, stage), as the embedded store keeps them.
      const key = `${e.auditID}\u0000${e.stage}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ ns: BigInt(isoToMicros(e.time)) * 1000n, line: lineOf(e) });
    }
    // Loki takes entries out of order only within an hour of a stream's newest one.
    entries.sort((a, b) => (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0));
    for (const batch of this.batches(entries)) await this.push(batch);
    return { inserted: entries.length, duplicates: events.length - entries.length };
  }

  private *batches(entries: Entry[]): Generator<Entry[]> {
    let batch: Entry[] = [];
    let bytes = 0;
    for (const e of entries) {
      const size = Buffer.byteLength(e.line) + 40;
      if (batch.length && bytes + size > this.maxBatchBytes) {
        yield batch;
        batch = [];
        bytes = 0;
      }
      batch.push(e);
      bytes += size;
    }
    if (batch.length) yield batch;
  }

  private async push(batch: Entry[]): Promise<void> {
    const body = {
      streams: [{ stream: this.labels, values: batch.map((e) => [String(e.ns), e.line]) }],
    };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.http.send('post', 'loki/api/v1/push', { json: body });
        return;
      } catch (e) {
        if (!retryable(e) || attempt >= this.attempts) throw e;
        await sleep(this.retryDelayMs * 2 ** (attempt - 1));
      }
    }
  }
}
