// One DuckDB database per file per process: a connection for reads and one for writes
// (opening a connection costs ~30 ms), writes serialized so each batch is one transaction.

import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { CREATE_STATEMENTS } from './schema';

export class DatabaseLockedError extends Error {
  constructor(file: string, detail: string) {
    super(
      `the database ${file} is in use by another process (${detail}). ` +
        'Stop the other Auditlens process (a running dashboard or ingest), or send events to the running ' +
        'dashboard with `npm run ingest -- --server URL --token TOKEN <path>`.',
    );
    this.name = 'DatabaseLockedError';
  }
}

export type SqlParams = DuckDBValue[];

// Counts and microsecond times fit well within 2^53, so plain numbers are exact.
function bigintsToNumbers(row: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(row)) {
    const v = row[k];
    if (typeof v === 'bigint') row[k] = Number(v);
  }
  return row;
}

export class Database {
  private writeQueue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly instance: DuckDBInstance,
    private readonly reader: DuckDBConnection,
    private readonly writer: DuckDBConnection,
  ) {}

  static async open(file: string, opts: { threads?: number } = {}): Promise<Database> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(file, {
        threads: String(opts.threads ?? 2),
      });
    } catch (e) {
      const msg = (e as Error).message;
      const lock = /Conflicting lock is held in (.*)/.exec(msg);
      if (lock || /Could not set lock/.test(msg)) {
        throw new DatabaseLockedError(file, lock?.[1]?.trim() ?? 'file lock');
      }
      throw new Error(`cannot open the embedded database ${file}: ${msg}`);
    }
    const writer = await instance.connect();
    for (const sql of CREATE_STATEMENTS) await writer.run(sql);
    const reader = await instance.connect();
    return new Database(file, instance, reader, writer);
  }

  /** Runs a read query and returns its rows as objects (BIGINT as JS numbers when safe). */
  async query<T = Record<string, unknown>>(sql: string, params: SqlParams = []): Promise<T[]> {
    const reader = await this.reader.runAndReadAll(sql, params);
    return reader.getRowObjectsJS().map(bigintsToNumbers) as T[];
  }

  /** Runs `fn` on the write connection once earlier writes have finished. */
  write<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const run = this.writeQueue.then(() => fn(this.writer));
    this.writeQueue = run.catch(() => undefined);
    return run;
  }

  /** Runs `fn` inside one transaction on the write connection. */
  transaction<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.write(async (conn) => {
      await conn.run('BEGIN TRANSACTION');
      try {
        const result = await fn(conn);
        await conn.run('COMMIT');
        return result;
      } catch (e) {
        await conn.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  close(): void {
    this.reader.closeSync();
    this.writer.closeSync();
    this.instance.closeSync();
  }
}
