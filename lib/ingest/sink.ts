import type { AuditEvent } from '@/lib/audit/types';
import type { PreparedBatch } from '@/lib/backends/embedded/prepared-batch';

export interface InsertResult {
  inserted: number;
  duplicates: number;
}

/** Where imported events go: the embedded store, or (later) a Loki or Elasticsearch writer. */
export interface EventSink {
  /** Stores events idempotently on (auditID, stage); resolves once they are durable. */
  insert(events: readonly AuditEvent[]): Promise<InsertResult>;
  /** Stores a batch prepared off the main thread; only the embedded store takes these. */
  insertPrepared?(batch: PreparedBatch): Promise<InsertResult>;
}
