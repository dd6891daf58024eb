// The import worker: normalizes packed lines and sends back a prepared batch.

import { parentPort } from 'node:worker_threads';
import { LineProcessor } from './line-processor';
import type { WorkerRequest, WorkerResponse } from './worker-pool';

parentPort?.on('message', (req: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    const processor = new LineProcessor({
      maxEventBytes: req.maxEventBytes,
      fallbackTime: req.fallbackTime,
      shape: req.shape,
      mode: 'prepared',
    });
    const bytes = Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
    const lines = req.offsets.length;
    for (let i = 0; i < lines; i++) {
      const start = req.index[i * 3]!;
      const length = req.index[i * 3 + 1]!;
      processor.line({
        number: req.index[i * 3 + 2]!,
        offset: req.offsets[i]!,
        length,
        bytes: start < 0 ? null : bytes.subarray(start, start + length),
      });
    }
    response = { id: req.id, outcome: processor.take() };
  } catch (e) {
    response = { id: req.id, error: (e as Error).message };
  }
  // Hand the batch's buffers over instead of copying them (they are ~2 KB per event).
  const transfer: ArrayBuffer[] = [];
  const p = response.outcome?.prepared;
  if (p) {
    for (const b of [p.rows, p.raw]) {
      if (
        b.byteOffset === 0 &&
        b.byteLength === b.buffer.byteLength &&
        b.buffer instanceof ArrayBuffer
      ) {
        transfer.push(b.buffer);
      }
    }
  }
  parentPort?.postMessage(response, transfer);
});
