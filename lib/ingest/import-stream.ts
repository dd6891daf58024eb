// Imports one input (a file, an upload, a follower's new bytes) into a store. Each line
// or document goes through normalize(); what fails is reported with its place and reason
// and kept as a dead letter, and the import always goes on.

import type { Readable } from 'node:stream';
import { normalize } from '@/lib/audit/normalize';
import type { NormalizeResult, SourceShape } from '@/lib/audit/types';
import type { DeadLetterWriter } from './dead-letters';
import { LineProcessor, type LineOutcome } from './line-processor';
import { LineSplitter, type Line } from './line-splitter';
import {
  addRejection,
  emptyReport,
  noteEventTimes,
  noteTimeRange,
  type ImportReport,
} from './report';
import type { EventSink } from './sink';
import { isUtf8 } from './utf8';
import type { WorkerPool } from './worker-pool';

export interface ImportOptions {
  /** Label used in reports and dead letters (file path, `webhook`, upload name). */
  source: string;
  sink: EventSink;
  deadLetters: DeadLetterWriter;
  maxEventBytes: number;
  /** Whole-document JSON (pretty-printed events, EventLists, arrays) is parsed only up to this size. */
  maxDocumentBytes?: number;
  /** Events are stored in batches of about this many. */
  batchSize?: number;
  fallbackTime?: string;
  /** Read every input as this shape instead of detecting it (`--shape`). */
  shape?: SourceShape;
  /** Called as input bytes are consumed. */
  onProgress?: (bytesRead: number) => void;
  /** Normalizes lines in worker threads (bulk imports into the embedded store). */
  workers?: WorkerPool;
}

const MIB = 1024 * 1024;

/** Takes processed outcomes, in order, into the report, the dead letters and the store. */
class Collector {
  constructor(
    private readonly opts: ImportOptions,
    private readonly report: ImportReport,
  ) {}

  async store(outcome: LineOutcome): Promise<void> {
    for (const s of outcome.setAside) {
      addRejection(this.report, { line: s.line, index: s.index, reason: s.reason });
      this.opts.deadLetters.add({ source: this.opts.source, ...s });
    }
    for (const [shape, n] of Object.entries(outcome.shapes)) {
      const key = shape as keyof ImportReport['shapes'];
      this.report.shapes[key] = (this.report.shapes[key] ?? 0) + n;
    }
    this.report.events += outcome.count;
    for (const w of outcome.warnings) {
      if (this.report.warnings.length < 100) this.report.warnings.push(w);
    }
    // Dead letters first: once events are acknowledged, their rejected neighbours are on disk too.
    await this.opts.deadLetters.flush();
    if (!outcome.count) return;
    if (outcome.prepared)
      noteTimeRange(this.report, outcome.prepared.minTs, outcome.prepared.maxTs);
    else noteEventTimes(this.report, outcome.events);
    const r =
      outcome.prepared && this.opts.sink.insertPrepared
        ? await this.opts.sink.insertPrepared(outcome.prepared)
        : await this.opts.sink.insert(outcome.events);
    this.report.inserted += r.inserted;
    this.report.duplicates += r.duplicates;
  }
}

function processorFor(opts: ImportOptions): LineProcessor {
  return new LineProcessor({
    maxEventBytes: opts.maxEventBytes,
    fallbackTime: opts.fallbackTime,
    shape: opts.shape,
    mode: opts.sink.insertPrepared ? 'prepared' : 'events',
  });
}

/** Normalizes a parsed whole document: one event, an EventList, or an array of either. */
export function normalizeDocument(
  doc: unknown,
  opts: Pick<ImportOptions, 'maxEventBytes' | 'fallbackTime' | 'shape'>,
): NormalizeResult[] {
  const o = {
    maxEventBytes: opts.maxEventBytes,
    fallbackTime: opts.fallbackTime,
    shape: opts.shape,
  };
  if (!Array.isArray(doc)) return [normalize(doc, o)];
  return doc.map((item, index) => {
    const r = normalize(item, o);
    if (r.ok) return { ...r, rejected: r.rejected.map((x) => ({ ...x, index })) };
    return { ok: false as const, reason: `item ${index}: ${r.reason}` };
  });
}

/** True when the input's start looks like a pretty-printed JSON document, not JSON lines. */
function looksLikeDocument(head: Buffer): boolean {
  let text = head.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  const firstLine = trimmed.split('\n', 1)[0]!.trim();
  if (firstLine === '{' || firstLine === '[') return true;
  try {
    JSON.parse(firstLine);
    return false;
  } catch {
    return (
      trimmed.startsWith('[') ||
      /^\{\s*"[^"]*"\s*:\s*(\{|\[|"[^"]*",?|[\d.]+,?|true,?|false,?|null,?)?\s*$/.test(firstLine)
    );
  }
}

async function readAll(
  stream: Readable,
  onChunk: (chunk: Buffer) => boolean | Promise<boolean>,
): Promise<string | null> {
  try {
    for await (const chunk of stream) {
      if (!(await onChunk(chunk as Buffer))) {
        stream.destroy();
        break;
      }
    }
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Imports everything `open()` yields. `open` may be called twice: once to sniff whether the
 * input is JSON lines or one JSON document, and again if a document turns out not to parse.
 */
export async function importStream(
  open: () => Readable,
  opts: ImportOptions,
): Promise<ImportReport> {
  const report = emptyReport(opts.source);
  const maxDoc = opts.maxDocumentBytes ?? 256 * MIB;

  // Sniff: buffer the input while it might be one document; fall back to lines otherwise.
  const docChunks: Buffer[] = [];
  let docBytes = 0;
  let mode = 'sniff' as 'sniff' | 'document' | 'lines';
  const sniffError = await readAll(open(), (chunk) => {
    if (mode === 'sniff') {
      mode = looksLikeDocument(chunk.subarray(0, 64 * 1024)) ? 'document' : 'lines';
    }
    if (mode === 'lines') return false;
    docChunks.push(chunk);
    docBytes += chunk.length;
    return docBytes <= maxDoc;
  });

  if (mode === 'sniff' && !sniffError) {
    report.warnings.push('the input is empty: no events');
    return report;
  }

  if (mode === 'document' && docBytes <= maxDoc) {
    const bytes = Buffer.concat(docChunks, docBytes);
    let doc: unknown;
    let parsed = false;
    if (!sniffError && isUtf8(bytes)) {
      let text = bytes.toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      try {
        doc = JSON.parse(text);
        parsed = true;
      } catch {
        parsed = false;
      }
    }
    if (parsed) {
      report.bytes = bytes.length;
      const processor = processorFor(opts);
      for (const r of normalizeDocument(doc, opts)) {
        processor.result(r, {}, () => JSON.stringify(doc));
      }
      await new Collector(opts, report).store(processor.take());
      opts.onProgress?.(report.bytes);
      return report;
    }
  }

  // JSON lines (also the fallback for a document that did not parse as a whole).
  await readJsonLines(open(), opts, report, { includeUnterminated: true });
  if (report.bytes === 0 && report.warnings.length === 0) {
    report.warnings.push('the input is empty: no events');
  }
  return report;
}

/**
 * Reads JSON lines from a stream into the store. Without `includeUnterminated`, a last line
 * with no newline is left unread (a follower reads it once the writer finishes it).
 * Returns the number of bytes of the lines handled.
 */
async function readJsonLines(
  stream: Readable,
  opts: ImportOptions,
  report: ImportReport,
  { includeUnterminated }: { includeUnterminated: boolean },
): Promise<number> {
  const splitter = new LineSplitter(opts.maxEventBytes);
  const collector = new Collector(opts, report);
  const batchSize = opts.batchSize ?? 50_000;
  const pipeline =
    opts.workers && opts.sink.insertPrepared ? opts.workers.pipeline(opts, collector) : null;
  const processor = processorFor(opts);
  let pending: Line[] = [];
  let pendingBytes = 0;

  const handOff = async (): Promise<void> => {
    if (pipeline) {
      if (pending.length) await pipeline.submit(pending);
    } else {
      for (const line of pending) processor.line(line);
      if (processor.size || pending.length) await collector.store(processor.take());
    }
    pending = [];
    pendingBytes = 0;
  };
  const add = async (lines: Line[]): Promise<void> => {
    for (const line of lines) {
      pending.push(line);
      pendingBytes += line.length;
    }
    if (pending.length >= batchSize || pendingBytes >= 48 * MIB) await handOff();
  };

  let streamError: string | null = null;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      report.bytes += buf.length;
      await add(splitter.push(buf));
      opts.onProgress?.(report.bytes);
    }
  } catch (e) {
    streamError = (e as Error).message;
  }
  if (includeUnterminated || streamError) await add(splitter.end());
  await handOff();
  if (pipeline) await pipeline.drain();
  if (streamError) {
    report.warnings.push(
      `the input ends with an error after ${report.bytes} bytes (${streamError}); the events before it were kept`,
    );
  }
  return includeUnterminated ? report.bytes : splitter.completeBytes;
}

/** Imports JSON lines from a stream; returns the report and how many bytes of whole lines were read. */
export async function importJsonLines(
  stream: Readable,
  opts: ImportOptions,
  { includeUnterminated }: { includeUnterminated: boolean },
): Promise<{ report: ImportReport; consumed: number }> {
  const report = emptyReport(opts.source);
  const consumed = await readJsonLines(stream, opts, report, { includeUnterminated });
  return { report, consumed };
}

export type { Collector };
