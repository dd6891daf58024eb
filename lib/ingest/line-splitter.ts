// Splits a byte stream into lines without ever holding more than one over-long line's
// worth of memory: a line past the limit is counted and skipped, not buffered.

export interface Line {
  /** 1-based line number in the input. */
  number: number;
  /** Byte offset of the line's first byte. */
  offset: number;
  /** The line's bytes without the newline (and without a trailing CR); null when over the limit. */
  bytes: Buffer | null;
  /** Length of the line in bytes (also when over the limit). */
  length: number;
}

export class LineSplitter {
  private parts: Buffer[] = [];
  private partLength = 0;
  private oversize = false;
  private lineNumber = 0;
  private lineOffset = 0;

  constructor(private readonly maxLineBytes: number) {}

  /** Bytes of complete lines handed out so far (a resume point for followers). */
  get completeBytes(): number {
    return this.lineOffset;
  }

  /** Feeds a chunk and returns the lines it completes. */
  push(chunk: Buffer): Line[] {
    const out: Line[] = [];
    let pos = 0;
    while (pos < chunk.length) {
      const nl = chunk.indexOf(10, pos);
      const end = nl === -1 ? chunk.length : nl;
      this.take(chunk, pos, end);
      if (nl === -1) break;
      out.push(this.finish(1));
      pos = nl + 1;
    }
    return out;
  }

  /** Ends the input: a last line without a newline is returned too. */
  end(): Line[] {
    if (this.partLength === 0 && !this.oversize) return [];
    return [this.finish(0)];
  }

  private take(chunk: Buffer, start: number, end: number): void {
    if (end <= start) return;
    const len = end - start;
    if (!this.oversize && this.partLength + len > this.maxLineBytes) {
      this.oversize = true;
      this.parts = [];
    }
    if (!this.oversize) this.parts.push(chunk.subarray(start, end));
    this.partLength += len;
  }

  private finish(newlineBytes: number): Line {
    this.lineNumber += 1;
    const length = this.partLength;
    let bytes: Buffer | null = null;
    if (!this.oversize) {
      bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, length);
      if (bytes.length && bytes[bytes.length - 1] === 13)
        bytes = bytes.subarray(0, bytes.length - 1);
    }
    const line: Line = { number: this.lineNumber, offset: this.lineOffset, bytes, length };
    this.lineOffset += length + newlineBytes;
    this.parts = [];
    this.partLength = 0;
    this.oversize = false;
    return line;
  }
}
