// Worker threads that normalize lines for a bulk import while the main thread reads the
// input and the database loads the previous batch. JSON parsing is most of an import's
// cost, and one core parses only ~150 MB/s here; two workers use both cores.

import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LineOutcome } from './line-processor';
import type { Line } from './line-splitter';
import type { SourceShape } from '@/lib/audit/types';
import type { Collector, ImportOptions } from './import-stream';

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array;
  /** Per line: start in `bytes` (-1 when over the size limit), length, line number. */
  index: Int32Array;
  offsets: Float64Array;
  maxEventBytes: number;
  fallbackTime?: string;
  shape?: SourceShape;
}

export interface WorkerResponse {
  id: number;
  outcome?: LineOutcome;
  error?: string;
}

function pack(lines: Line[]): Pick<WorkerRequest, 'bytes' | 'index' | 'offsets'> {
  let total = 0;
  for (const l of lines) if (l.bytes) total += l.bytes.length;
  const bytes = Buffer.allocUnsafe(total);
  const index = new Int32Array(lines.length * 3);
  const offsets = new Float64Array(lines.length);
  let pos = 0;
  lines.forEach((l, i) => {
    if (l.bytes) {
      l.bytes.copy(bytes, pos);
      index[i * 3] = pos;
      index[i * 3 + 1] = l.bytes.length;
      pos += l.bytes.length;
    } else {
      index[i * 3] = -1;
      index[i * 3 + 1] = l.length;
    }
    index[i * 3 + 2] = l.number;
    offsets[i] = l.offset;
  });
  return { bytes, index, offsets };
}

interface Slot {
  worker: Worker;
  waiting: Map<number, { resolve: (o: LineOutcome) => void; reject: (e: Error) => void }>;
}

export class WorkerPool {
  private next = 0;
  private ids = 0;

  private constructor(private readonly slots: Slot[]) {}

  static create(size = Math.max(1, Math.min(2, os.availableParallelism()))): WorkerPool {
    const file = path.join(__dirname, 'line-worker.ts');
    const slots = Array.from({ length: size }, (): Slot => {
      // The workers run TypeScript through tsx, like the CLI and bench that start them.
      const boot = `require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`;
      const worker = new Worker(boot, { eval: true });
      const slot: Slot = { worker, waiting: new Map() };
      worker.on('message', (m: WorkerResponse) => {
        const w = slot.waiting.get(m.id);
        slot.waiting.delete(m.id);
        if (m.outcome) w?.resolve(m.outcome);
        else w?.reject(new Error(m.error ?? 'import worker failed'));
      });
      worker.on('error', (e) => {
        for (const w of slot.waiting.values()) w.reject(e);
        slot.waiting.clear();
      });
      return slot;
    });
    return new WorkerPool(slots);
  }

  get size(): number {
    return this.slots.length;
  }

  private run(lines: Line[], opts: ImportOptions): Promise<LineOutcome> {
    const slot = this.slots[this.next++ % this.slots.length]!;
    const id = this.ids++;
    const request: WorkerRequest = {
      id,
      ...pack(lines),
      maxEventBytes: opts.maxEventBytes,
      fallbackTime: opts.fallbackTime,
      shape: opts.shape,
    };
    return new Promise((resolve, reject) => {
      slot.waiting.set(id, { resolve, reject });
      const own =
        request.bytes.byteOffset === 0 &&
        request.bytes.byteLength === request.bytes.buffer.byteLength;
      slot.worker.postMessage(
        request,
        own && request.bytes.buffer instanceof ArrayBuffer ? [request.bytes.buffer] : [],
      );
    });
  }

  /** Batches go to the workers in parallel; their results are stored one by one, in order. */
  pipeline(opts: ImportOptions, collector: Collector) {
    const inFlight: Promise<void>[] = [];
    let stored: Promise<void> = Promise.resolve();
    const limit = this.slots.length * 2;
    return {
      submit: async (lines: Line[]): Promise<void> => {
        const outcome = this.run(lines, opts);
        stored = stored.then(async () => collector.store(await outcome));
        inFlight.push(stored);
        if (inFlight.length >= limit) await inFlight.shift();
      },
      drain: async (): Promise<void> => {
        await stored;
        inFlight.length = 0;
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
