// Helpers for tests against a real Loki (LOKI_URL): a fresh stream per test run, filled
// with Auditlens's own writer, and a backend reading only that stream.

import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '@/lib/audit/types';
import type { LokiSourceConfig } from '@/lib/config/schema';
import { LokiWriter } from '@/lib/ingest/writers/loki-writer';
import type { AuditBackend } from '../types';
import { createLokiBackend } from './loki-backend';

export interface TestStream {
  run: string;
  selector: string;
  labels: Record<string, string>;
}

/** A stream no other test writes to. */
export function freshStream(purpose: string): TestStream {
  const run = randomUUID().replace(/-/g, '');
  return {
    run,
    selector: `{job="auditlens-test", purpose="${purpose}", run="${run}"}`,
    labels: { job: 'auditlens-test', purpose, run },
  };
}

export function testSource(
  url: string,
  stream: TestStream,
  over: Partial<LokiSourceConfig> = {},
): LokiSourceConfig {
  return {
    name: 'loki-test',
    type: 'loki',
    url,
    selector: stream.selector,
    timeoutMs: 60_000,
    maxEntriesPerQuery: 5000,
    ...over,
  };
}

/** Pushes events into the stream and returns a backend over it. */
export async function loadStream(
  url: string,
  stream: TestStream,
  events: readonly AuditEvent[],
  over: Partial<LokiSourceConfig> = {},
): Promise<AuditBackend> {
  await new LokiWriter({ url, labels: stream.labels }).insert(events);
  return createLokiBackend(testSource(url, stream, over));
}
