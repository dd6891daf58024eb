// Sample events as NDJSON bytes in large chunks, for writing files fast: one write per
// megabyte instead of one per line, and no joining of many concatenated strings.

import { generateSampleLines, type SampleOptions } from './generate';

const NEWLINE = 0x0a;
export const DEFAULT_CHUNK_BYTES = 1 << 20;

/**
 * Yields buffers of whole lines (each ending in a newline), about `chunkBytes` each. A
 * yielded buffer is not reused, so it may be written asynchronously.
 */
export function* generateSampleNdjson(
  opts: SampleOptions,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): Generator<Buffer> {
  let chunk = Buffer.allocUnsafe(chunkBytes);
  let used = 0;
  for (const line of generateSampleLines(opts)) {
    // UTF-8 takes at most 3 bytes per UTF-16 unit, so the line always fits after a flush.
    const room = line.length * 3 + 1;
    if (used + room > chunk.length) {
      if (used > 0) yield chunk.subarray(0, used);
      chunk = Buffer.allocUnsafe(Math.max(chunkBytes, room));
      used = 0;
    }
    used += chunk.write(line, used, 'utf8');
    chunk[used++] = NEWLINE;
  }
  if (used > 0) yield chunk.subarray(0, used);
}
