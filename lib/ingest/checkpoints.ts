// Where a follower has got to in each file, kept in the store's own database so that a
// restart resumes without a gap; a re-read after a crash is harmless (ingest is idempotent).

import type { Database } from '@/lib/backends/embedded/database';

export interface Checkpoint {
  fileId: string;
  path: string;
  offset: number;
  /** The file is complete (a gzip rotation) and was read to the end. */
  done: boolean;
}

export class CheckpointStore {
  constructor(private readonly db: Database) {}

  async all(): Promise<Map<string, Checkpoint>> {
    const rows = await this.db.query<{
      file_id: string;
      path: string;
      offset: number;
      done: boolean;
    }>(`SELECT file_id, path, "offset", done FROM ingest_checkpoints`);
    return new Map(
      rows.map((r) => [
        r.file_id,
        { fileId: r.file_id, path: r.path, offset: r.offset, done: r.done },
      ]),
    );
  }

  async save(cp: Checkpoint): Promise<void> {
    await this.db.write((conn) =>
      conn.run(`INSERT OR REPLACE INTO ingest_checkpoints VALUES ($1, $2, $3, $4, now())`, [
        cp.fileId,
        cp.path,
        BigInt(cp.offset),
        cp.done,
      ]),
    );
  }

  async forgetExcept(live: ReadonlySet<string>): Promise<void> {
    const all = await this.all();
    for (const id of all.keys()) {
      if (!live.has(id)) {
        await this.db.write((conn) =>
          conn.run(`DELETE FROM ingest_checkpoints WHERE file_id = $1`, [id]),
        );
      }
    }
  }
}
