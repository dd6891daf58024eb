// Inputs that could not be stored are kept here with their reason, so nothing is lost:
// one NDJSON file per day under <dataDir>/dead-letters.

import fs from 'node:fs/promises';
import path from 'node:path';

export interface DeadLetter {
  source: string;
  line?: number;
  index?: number;
  reason: string;
  /** The input as text, or base64 when it was not valid UTF-8. */
  raw: string;
  rawEncoding?: 'base64';
}

export class DeadLetterWriter {
  private pending: string[] = [];

  constructor(private readonly dir: string) {}

  get file(): string {
    const day = new Date().toISOString().slice(0, 10);
    return path.join(this.dir, `${day}.ndjson`);
  }

  add(letter: DeadLetter): void {
    this.pending.push(JSON.stringify({ at: new Date().toISOString(), ...letter }));
  }

  /** Writes what was added since the last flush and syncs it to disk. */
  async flush(): Promise<void> {
    if (!this.pending.length) return;
    const text = this.pending.join('\n') + '\n';
    this.pending = [];
    await fs.mkdir(this.dir, { recursive: true });
    const handle = await fs.open(this.file, 'a');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
