// Follows audit log files and directories live: new lines are imported as they are
// written, and a rotation (audit.log renamed to audit-<time>.log, a new audit.log
// created, old ones maybe gzipped) is picked up without a restart.

import fs from 'node:fs';
import type { CheckpointStore } from './checkpoints';
import type { DeadLetterWriter } from './dead-letters';
import { importJsonLines, importStream } from './import-stream';
import { listImportFiles } from './import-path';
import { isGzipFile, openAuditFile } from './open-file';
import type { ImportReport } from './report';
import type { EventSink } from './sink';

export interface FollowOptions {
  paths: string[];
  sink: EventSink;
  deadLetters: DeadLetterWriter;
  checkpoints: CheckpointStore;
  maxEventBytes: number;
  pollMs?: number;
  /** A rotated (no longer written) file's unterminated last line is read after this long. */
  settleMs?: number;
  onReport?: (r: ImportReport) => void;
  onError?: (e: Error) => void;
}

const FOLLOWED = /\.(log|jsonl|ndjson|gz)$/i;

export class Follower {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly opts: FollowOptions) {}

  /** Reads everything new once; resolves when it is stored. */
  async pollOnce(): Promise<ImportReport[]> {
    const reports: ImportReport[] = [];
    const checkpoints = await this.opts.checkpoints.all();
    const live = new Set<string>();
    for (const root of this.opts.paths) {
      if (!fs.existsSync(root)) continue;
      for (const file of listImportFiles(root).filter((f) => FOLLOWED.test(f))) {
        let st: fs.Stats;
        try {
          st = fs.statSync(file);
        } catch {
          continue; // rotated away between listing and stat
        }
        const fileId = `${st.dev}:${st.ino}`;
        live.add(fileId);
        const cp = checkpoints.get(fileId);
        const report = await this.readNew(file, fileId, st, cp?.offset ?? 0, cp?.done ?? false);
        if (report && (report.events || report.rejected)) reports.push(report);
      }
    }
    await this.opts.checkpoints.forgetExcept(live);
    for (const r of reports) this.opts.onReport?.(r);
    return reports;
  }

  private async readNew(
    file: string,
    fileId: string,
    st: fs.Stats,
    offset: number,
    done: boolean,
  ): Promise<ImportReport | null> {
    const base = {
      source: file,
      sink: this.opts.sink,
      deadLetters: this.opts.deadLetters,
      maxEventBytes: this.opts.maxEventBytes,
    };
    if (isGzipFile(file)) {
      if (done) return null;
      const report = await importStream(() => openAuditFile(file).stream, base);
      await this.opts.checkpoints.save({ fileId, path: file, offset: st.size, done: true });
      return report;
    }
    // A file shorter than what was read was truncated in place: start it again.
    const start = st.size < offset ? 0 : offset;
    if (st.size === start) return null;
    const settled = Date.now() - st.mtimeMs > (this.opts.settleMs ?? 10_000);
    const { report, consumed } = await importJsonLines(openAuditFile(file, start).stream, base, {
      includeUnterminated: settled && !/(^|\/)audit\.log$/.test(file),
    });
    if (consumed > 0) {
      await this.opts.checkpoints.save({
        fileId,
        path: file,
        offset: start + consumed,
        done: false,
      });
    }
    return report;
  }

  start(): void {
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.pollOnce()
        .then(() => undefined)
        .catch((e: Error) => this.opts.onError?.(e));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(tick, this.opts.pollMs ?? 1000);
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
