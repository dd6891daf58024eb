// A batch of events made ready for the embedded store away from the database: staged rows
// as NDJSON and the events' texts as one blob, so the expensive part of an import can run
// in worker threads and the database only bulk-loads.

import type { AuditEvent } from '@/lib/audit/types';
import { isoToMicros } from '@/lib/query/time';
import { toRow } from './schema';

export interface PreparedBatch {
  /** One staged row per distinct (auditID, stage), NDJSON (see STAGED_COLUMNS), as bytes. */
  rows: Uint8Array;
  /** The events' texts, each followed by a newline, at the rows' `roff`. */
  raw: Uint8Array;
  /** Events given, repeats within the batch included (they count as duplicates). */
  count: number;
  /** Range of event times in the batch (microseconds); duplicates can only lie within it. */
  minTs: number;
  maxTs: number;
}

const NEWLINE = Buffer.from('\n');

export class BatchBuilder {
  private rows: string[] = [];
  private raw: Buffer[] = [];
  private offset = 0;
  private minTs = Number.POSITIVE_INFINITY;
  private maxTs = Number.NEGATIVE_INFINITY;
  private keys = new Set<string>();
  private repeated = 0;

  get count(): number {
    return this.rows.length + this.repeated;
  }

  /** Adds an event; `text` is its original JSON when the input was the Event itself. */
  add(e: AuditEvent, text?: Buffer): void {
    // The same (auditID, stage) twice in one batch is stored once, as the store would.
    const key = `${e.auditID}\u0000${e.stage}`;
    if (this.keys.has(key)) {
      this.repeated += 1;
      return;
    }
    this.keys.add(key);
    const body = text ?? Buffer.from(JSON.stringify(e.event));
    const ts = isoToMicros(e.time);
    if (ts < this.minTs) this.minTs = ts;
    if (ts > this.maxTs) this.maxTs = ts;
    this.rows.push(JSON.stringify(toRow(e, ts, this.offset, body.length)));
    this.raw.push(body, NEWLINE);
    this.offset += body.length + 1;
  }

  build(): PreparedBatch {
    const batch: PreparedBatch = {
      rows: Buffer.from(this.rows.length ? this.rows.join('\n') + '\n' : ''),
      raw: Buffer.concat(this.raw, this.offset),
      count: this.rows.length + this.repeated,
      minTs: this.minTs,
      maxTs: this.maxTs,
    };
    this.rows = [];
    this.raw = [];
    this.offset = 0;
    this.keys = new Set();
    this.repeated = 0;
    this.minTs = Number.POSITIVE_INFINITY;
    this.maxTs = Number.NEGATIVE_INFINITY;
    return batch;
  }
}

export function prepareEvents(events: readonly AuditEvent[]): PreparedBatch {
  const b = new BatchBuilder();
  for (const e of events) b.add(e);
  return b.build();
}
