// Imports one input (a file, an upload, a follower's new bytes) into a store. Each line
// or document goes through normalize(); what fails is reported with its place and reason
// and kept as a dead letter, and the import always goes on.

import type { Readable } from 'node:stream';
import { normalize, normalizeText } from '@/lib/audit/normalize';
import type { AuditEvent, NormalizeResult } from '@/lib/audit/types';
import type { DeadLetterWriter } from './dead-letters';
import { rawOf } from './dead-letters';
import { LineSplitter, type Line } from './line-splitter';
import { addRejection, emptyReport, type ImportReport } from './report';
import { firstInvalidUtf8, isUtf8 } from './utf8';
import type { EventSink } from './sink';

export interface ImportOptions {
  /** Label used in reports and dead letters (file path, `webhook`, upload name). */
  source: string;
  sink: EventSink;
  deadLetters: DeadLetterWriter;
  maxEventBytes: number;
  /** Whole-document JSON (pretty-printed events, EventLists, arrays) is parsed only up to this size. */
  maxDocumentBytes?: number;
  /** Events are stored in batches of this many. */
  batchSize?: number;
  fallbackTime?: string;
  /** Called as input bytes are consumed. */
  onProgress?: (bytesRead: number) => void;
}

const MB = 1024 * 1024;

function mb(n: number): string {
  return `${(n / MB).toFixed(1)} MiB`;
}

class Batcher {
  private events: AuditEvent[] = [];

  constructor(
    private readonly opts: ImportOptions,
    private readonly report: ImportReport,
  ) {}

  add(result: NormalizeResult, where: { line?: number }, raw: () => string): void {
    if (!result.ok) {
      addRejection(this.report, { ...where, reason: result.reason });
      this.opts.deadLetters.add({
        source: this.opts.source,
        ...where,
        reason: result.reason,
        raw: raw(),
      });
      return;
    }
    for (const r of result.rejected) {
      addRejection(this.report, { ...where, index: r.index, reason: r.reason });
      this.opts.deadLetters.add({
        source: this.opts.source,
        ...where,
        index: r.index,
        reason: r.reason,
        raw: raw(),
      });
    }
    if (result.events.length) {
      this.report.shapes[result.shape] =
        (this.report.shapes[result.shape] ?? 0) + result.events.length;
      this.report.events += result.events.length;
      for (const e of result.events) this.events.push(e);
    }
  }

  get size(): number {
    return this.events.length;
  }

  async flush(): Promise<void> {
    const events = this.events;
    this.events = [];
    // Dead letters first: once events are acknowledged, their rejected neighbours are on disk too.
    await this.opts.deadLetters.flush();
    if (!events.length) return;
    const r = await this.opts.sink.insert(events);
    this.report.inserted += r.inserted;
    this.report.duplicates += r.duplicates;
  }
}

function handleLine(line: Line, batcher: Batcher, opts: ImportOptions, report: ImportReport): void {
  const where = { line: line.number };
  if (line.bytes === null) {
    const reason = `line is ${mb(line.length)}, over the ${mb(opts.maxEventBytes)} event size limit (not copied; it is at byte ${line.offset} of the input)`;
    addRejection(report, { ...where, reason });
    opts.deadLetters.add({ source: opts.source, ...where, reason, raw: '' });
    return;
  }
  let bytes = line.bytes;
  if (line.number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    bytes = bytes.subarray(3);
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    const reason = `line is not valid UTF-8 (first invalid byte at column ${at + 1})`;
    addRejection(report, { ...where, reason });
    opts.deadLetters.add({ source: opts.source, ...where, reason, ...rawOf(bytes, false) });
    return;
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') return;
  const result = normalizeText(text, {
    maxEventBytes: opts.maxEventBytes,
    fallbackTime: opts.fallbackTime,
  });
  batcher.add(result, where, () => text);
}

/** Normalizes a parsed whole document: one event, an EventList, or an array of either. */
export function normalizeDocument(
  doc: unknown,
  opts: Pick<ImportOptions, 'maxEventBytes' | 'fallbackTime'>,
): NormalizeResult[] {
  const o = { maxEventBytes: opts.maxEventBytes, fallbackTime: opts.fallbackTime };
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

/**
 * Imports everything `open()` yields. `open` may be called twice: once to sniff whether the
 * input is JSON lines or one JSON document, and again if a document turns out not to parse.
 */
export async function importStream(
  open: () => Readable,
  opts: ImportOptions,
): Promise<ImportReport> {
  const report = emptyReport(opts.source);
  const batcher = new Batcher(opts, report);
  const maxDoc = opts.maxDocumentBytes ?? 256 * MB;

  const readAll = async (
    stream: Readable,
    onChunk: (chunk: Buffer) => boolean | Promise<boolean>,
  ): Promise<string | null> => {
    try {
      for await (const chunk of stream) {
        const more = await onChunk(chunk as Buffer);
        opts.onProgress?.(report.bytes);
        if (!more) {
          stream.destroy();
          break;
        }
      }
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  };

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
    report.bytes = bytes.length;
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
      for (const r of normalizeDocument(doc, opts)) batcher.add(r, {}, () => JSON.stringify(doc));
      await batcher.flush();
      return report;
    }
  }

  // JSON lines (also the fallback for a document that did not parse as a whole).
  report.bytes = 0;
  await readJsonLines(open(), opts, report, batcher, { includeUnterminated: true });
  if (report.bytes === 0 && report.warnings.length === 0)
    report.warnings.push('the input is empty: no events');
  return report;
}

/**
 * Reads JSON lines from a stream into the batcher. Without `includeUnterminated`, a last
 * line with no newline is left unread (a follower reads it once the writer finishes it).
 * Returns the number of bytes of the lines handled.
 */
async function readJsonLines(
  stream: Readable,
  opts: ImportOptions,
  report: ImportReport,
  batcher: Batcher,
  { includeUnterminated }: { includeUnterminated: boolean },
): Promise<number> {
  const splitter = new LineSplitter(opts.maxEventBytes);
  const batchSize = opts.batchSize ?? 10_000;
  let streamError: string | null = null;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      report.bytes += buf.length;
      for (const line of splitter.push(buf)) handleLine(line, batcher, opts, report);
      if (batcher.size >= batchSize) await batcher.flush();
      opts.onProgress?.(report.bytes);
    }
  } catch (e) {
    streamError = (e as Error).message;
  }
  if (includeUnterminated || streamError) {
    for (const line of splitter.end()) handleLine(line, batcher, opts, report);
  }
  if (streamError) {
    report.warnings.push(
      `the input ends with an error after ${report.bytes} bytes (${streamError}); the events before it were kept`,
    );
  }
  await batcher.flush();
  return includeUnterminated ? report.bytes : splitter.completeBytes;
}

/** Imports JSON lines from a stream; returns the report and how many bytes of whole lines were read. */
export async function importJsonLines(
  stream: Readable,
  opts: ImportOptions,
  { includeUnterminated }: { includeUnterminated: boolean },
): Promise<{ report: ImportReport; consumed: number }> {
  const report = emptyReport(opts.source);
  const batcher = new Batcher(opts, report);
  const consumed = await readJsonLines(stream, opts, report, batcher, { includeUnterminated });
  return { report, consumed };
}
