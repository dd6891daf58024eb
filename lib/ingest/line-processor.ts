// Turns input lines into stored-ready events and set-aside records. Pure (no I/O), so it
// runs the same on the main thread and in the import workers.

import { normalizeText } from '@/lib/audit/normalize';
import type { AuditEvent, NormalizeResult, SourceShape } from '@/lib/audit/types';
import { BatchBuilder, type PreparedBatch } from '@/lib/backends/embedded/prepared-batch';
import type { Line } from './line-splitter';
import { firstInvalidUtf8, isUtf8 } from './utf8';

export interface SetAsideRecord {
  line?: number;
  index?: number;
  reason: string;
  /** The input as text, or base64 when it was not valid UTF-8 ('' when too large to copy). */
  raw: string;
  rawEncoding?: 'base64';
}

export interface LineOutcome {
  /** In `events` mode. */
  events: AuditEvent[];
  /** In `prepared` mode. */
  prepared: PreparedBatch | null;
  count: number;
  shapes: Partial<Record<SourceShape, number>>;
  setAside: SetAsideRecord[];
  /** Events kept with a caveat (a shipper lost the audit level), with where they were. */
  warnings: string[];
}

export interface LineProcessorOptions {
  maxEventBytes: number;
  fallbackTime?: string;
  shape?: SourceShape;
  /** `prepared` builds embedded-store batches; `events` keeps AuditEvents for other sinks. */
  mode: 'prepared' | 'events';
}

const MIB = 1024 * 1024;

function mib(n: number): string {
  return `${(n / MIB).toFixed(1)} MiB`;
}

export class LineProcessor {
  private events: AuditEvent[] = [];
  private builder = new BatchBuilder();
  private shapes: Partial<Record<SourceShape, number>> = {};
  private setAside: SetAsideRecord[] = [];
  private warnings: string[] = [];
  private count = 0;

  constructor(private readonly opts: LineProcessorOptions) {}

  get size(): number {
    return this.count;
  }

  line(line: Line): void {
    const where = { line: line.number };
    if (line.bytes === null) {
      this.setAside.push({
        ...where,
        reason: `line is ${mib(line.length)}, over the ${mib(this.opts.maxEventBytes)} event size limit (not copied; it is at byte ${line.offset} of the input)`,
        raw: '',
      });
      return;
    }
    let bytes = line.bytes;
    if (line.number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bytes = bytes.subarray(3);
    }
    if (!isUtf8(bytes)) {
      this.setAside.push({
        ...where,
        reason: `line is not valid UTF-8 (first invalid byte at column ${firstInvalidUtf8(bytes) + 1})`,
        raw: bytes.toString('base64'),
        rawEncoding: 'base64',
      });
      return;
    }
    const text = bytes.toString('utf8');
    if (text.trim() === '') return;
    const result = normalizeText(text, {
      maxEventBytes: this.opts.maxEventBytes,
      fallbackTime: this.opts.fallbackTime,
      shape: this.opts.shape,
    });
    // A plain Event line is stored as it came: its text is the event.
    this.result(
      result,
      where,
      () => text,
      result.ok && result.shape === 'event' ? bytes : undefined,
    );
  }

  /** Adds what normalize() made of one input (a line, a document, an array item). */
  result(
    result: NormalizeResult,
    where: { line?: number },
    raw: () => string,
    text?: Buffer,
  ): void {
    if (!result.ok) {
      this.setAside.push({ ...where, reason: result.reason, raw: raw() });
      return;
    }
    for (const r of result.rejected) {
      this.setAside.push({ ...where, index: r.index, reason: r.reason, raw: raw() });
    }
    for (const w of result.warnings ?? []) {
      if (this.warnings.length < 100)
        this.warnings.push(where.line ? `line ${where.line}: ${w}` : w);
    }
    if (!result.events.length) return;
    this.shapes[result.shape] = (this.shapes[result.shape] ?? 0) + result.events.length;
    this.count += result.events.length;
    const single = result.events.length === 1 ? text : undefined;
    for (const e of result.events) {
      if (this.opts.mode === 'prepared') this.builder.add(e, single);
      else this.events.push(e);
    }
  }

  /** Everything since the last take. */
  take(): LineOutcome {
    const out: LineOutcome = {
      events: this.events,
      prepared: this.opts.mode === 'prepared' && this.count ? this.builder.build() : null,
      count: this.count,
      shapes: this.shapes,
      setAside: this.setAside,
      warnings: this.warnings,
    };
    this.events = [];
    this.shapes = {};
    this.setAside = [];
    this.warnings = [];
    this.count = 0;
    return out;
  }
}
