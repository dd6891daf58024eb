// Opens an audit log file as a stream of its decompressed bytes. Gzip is recognised by its
// magic bytes, not the file name, because rotated logs are not always named `.gz`.

import fs from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import zlib from 'node:zlib';

export function isGzipFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const n = fs.readSync(fd, head, 0, 2, 0);
    return n === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

export interface OpenedFile {
  stream: Readable;
  /** Compressed bytes read so far (for progress against the file's size). */
  fileBytesRead: () => number;
}

export function openAuditFile(file: string, start = 0): OpenedFile {
  const raw = fs.createReadStream(file, { start, highWaterMark: 1024 * 1024 });
  if (!isGzipFile(file)) return { stream: raw, fileBytesRead: () => start + raw.bytesRead };
  const gunzip = zlib.createGunzip();
  const out = new PassThrough({ highWaterMark: 1024 * 1024 });
  raw.on('error', (e) => out.destroy(e));
  gunzip.on('error', (e) =>
    out.destroy(new Error(`gzip data is damaged or cut short: ${e.message}`)),
  );
  raw.pipe(gunzip).pipe(out);
  return { stream: out, fileBytesRead: () => raw.bytesRead };
}
