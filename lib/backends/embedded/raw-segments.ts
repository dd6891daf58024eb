// The full text of every stored event (bodies included) lives in append-only segment files
// beside the database; DuckDB keeps only the flattened columns and where the text is.
// Writing ~1 KB of JSON per event into DuckDB cost more than all the rest of an import.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export interface RawLocation {
  segment: number;
  offset: number;
  length: number;
}

const SEGMENT_BYTES = 256 * 1024 * 1024;
const NAME = /^seg-(\d{6})\.ndjson$/;

function segmentName(n: number): string {
  return `seg-${String(n).padStart(6, '0')}.ndjson`;
}

export class RawSegments {
  private current: number;
  private size: number;

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    const existing = fs
      .readdirSync(dir)
      .map((f) => NAME.exec(f))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]));
    this.current = existing.length ? Math.max(...existing) : 1;
    const file = path.join(dir, segmentName(this.current));
    this.size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  }

  /**
   * Appends texts (one event's JSON each) and syncs them to disk. Callers serialize appends.
   * A crash after this but before the database commits leaves unreferenced bytes, no harm.
   */
  async append(texts: readonly Buffer[]): Promise<RawLocation[]> {
    if (this.size >= SEGMENT_BYTES) {
      this.current += 1;
      this.size = 0;
    }
    const locations: RawLocation[] = [];
    const parts: Buffer[] = [];
    let offset = this.size;
    for (const t of texts) {
      locations.push({ segment: this.current, offset, length: t.length });
      parts.push(t, NEWLINE);
      offset += t.length + 1;
    }
    const handle = await fsp.open(path.join(this.dir, segmentName(this.current)), 'a');
    try {
      await handle.write(Buffer.concat(parts));
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.size = offset;
    return locations;
  }

  async read(loc: RawLocation): Promise<Buffer> {
    const handle = await fsp.open(path.join(this.dir, segmentName(loc.segment)), 'r');
    try {
      const buf = Buffer.alloc(loc.length);
      await handle.read(buf, 0, loc.length, loc.offset);
      return buf;
    } finally {
      await handle.close();
    }
  }
}

const NEWLINE = Buffer.from('\n');
