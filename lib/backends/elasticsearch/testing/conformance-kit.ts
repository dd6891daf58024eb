// Runs the shared conformance suite against a real Elasticsearch or OpenSearch, once per
// mapping preset: the dataset is bulk-loaded by the Auditlens writer into its own index in
// that preset's document shape, and every answer must equal the embedded store's.

import { expect } from 'vitest';
import { ElasticsearchWriter } from '@/lib/ingest/writers/elasticsearch-writer';
import type { ConformanceCase } from '@/lib/testing/conformance/cases';
import {
  defineConformanceSuite,
  normalizedEvents,
  serverUrl,
} from '@/lib/testing/conformance/suite';
import { WRITABLE_PRESETS, type WritablePreset } from '../documents';
import { ElasticsearchBackend } from '../elasticsearch-backend';
import { LOG_STRING_SUPPORTS } from '../log-string';

export type ServerEnvVar = 'ELASTICSEARCH_URL' | 'OPENSEARCH_URL';

/** Deletes an index and the template the writer installed for it. */
export async function dropIndex(url: string, index: string): Promise<void> {
  await fetch(`${url}/${index}`, { method: 'DELETE' });
  await fetch(`${url}/_index_template/auditlens-${index}`, { method: 'DELETE' });
}

/** A fresh index name for one test run (indices of earlier runs never interfere). */
export function testIndex(purpose: string): string {
  return `auditlens-test-${purpose}-${process.pid}-${Date.now().toString(36)}`;
}

function unsupportedFor(
  preset: WritablePreset,
): ((c: ConformanceCase) => string | null) | undefined {
  if (preset !== 'fluentd-log-string') return undefined;
  return (c) =>
    c.kind === 'getEvent'
      ? null
      : `the Event is only a JSON string under "log": this preset supports ${LOG_STRING_SUPPORTS}`;
}

export function defineSearchConformance(envVar: ServerEnvVar, product: string): void {
  const { url, skip } = serverUrl(envVar);
  for (const preset of WRITABLE_PRESETS) {
    defineConformanceSuite(`${product}, preset ${preset}`, {
      skip,
      caseTimeoutMs: 120_000,
      unsupported: unsupportedFor(preset),
      setup: async (ds) => {
        const index = testIndex(`conformance-${preset}`);
        const writer = new ElasticsearchWriter({ url: url!, index, preset, replicas: 0 });
        const events = normalizedEvents(ds);
        const loaded = await writer.insert(events);
        expect(loaded.failed).toEqual([]);
        expect(loaded.inserted + loaded.duplicates).toBe(events.length);
        await writer.finish();
        const backend = new ElasticsearchBackend({
          name: `conformance-${preset}`,
          type: 'elasticsearch',
          url: url!,
          index,
          preset,
          timeoutMs: 60_000,
        });
        expect((await backend.health()).ok).toBe(true);
        expect(backend.kind).toBe(product.toLowerCase());
        return { backend, teardown: () => dropIndex(url!, index) };
      },
    });
  }
}
