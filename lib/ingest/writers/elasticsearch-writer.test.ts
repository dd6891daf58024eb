// The Elasticsearch/OpenSearch writer against the real servers: it installs the preset's
// template, loads each event once however often it is given, batches, and reports the
// documents the server refused one by one.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, test } from 'vitest';
import { normalize } from '@/lib/audit/normalize';
import type { AuditEvent, K8sAuditEvent } from '@/lib/audit/types';
import { StoreError } from '@/lib/backends/errors';
import { documentId } from '@/lib/backends/elasticsearch/documents';
import { dropIndex, testIndex } from '@/lib/backends/elasticsearch/testing/conformance-kit';
import { makeEvent } from '@/lib/testing/make-event';
import { ElasticsearchWriter, type BulkFailure } from './elasticsearch-writer';

function normalized(list: K8sAuditEvent[]): AuditEvent[] {
  return list.flatMap((e) => {
    const r = normalize(e);
    return r.ok ? r.events : [];
  });
}

async function getJson(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

async function count(url: string, index: string): Promise<number> {
  return Number((await getJson(`${url}/${index}/_count`)).count);
}

const servers = [
  ['Elasticsearch', process.env.ELASTICSEARCH_URL],
  ['OpenSearch', process.env.OPENSEARCH_URL],
] as const;

test('a server that fails is a StoreError with its reason', async () => {
  const server = http.createServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end('{"error":{"type":"exception","reason":"disk full"},"status":500}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const { port } = server.address() as AddressInfo;
    const writer = new ElasticsearchWriter({
      url: `http://127.0.0.1:${port}`,
      index: 'k8s-audit',
      preset: 'fluentd',
    });
    const e = await writer.insert(normalized([makeEvent(1)])).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StoreError);
    expect((e as StoreError).message).toContain('answered HTTP 500: exception: disk full');
  } finally {
    server.close();
  }
});

test('an index pattern is refused as the writer target', () => {
  expect(
    () => new ElasticsearchWriter({ url: 'http://127.0.0.1:1', index: 'k8s-*', preset: 'fluentd' }),
  ).toThrow('index "k8s-*": expected a lowercase index name');
});

for (const [product, url] of servers) {
  describe.skipIf(!url)(`${product}: the writer`, () => {
    const made: string[] = [];
    const fresh = (purpose: string) => {
      const index = testIndex(purpose);
      made.push(index);
      return index;
    };
    afterAll(async () => {
      for (const index of made) await dropIndex(url!, index);
    });

    test('installs the template, then loads each event once', async () => {
      const index = fresh('writer');
      const events = normalized(Array.from({ length: 25 }, (_, n) => makeEvent(n)));
      const writer = new ElasticsearchWriter({
        url: url!,
        index,
        preset: 'elastic-agent',
        replicas: 0,
        batchSize: 10,
      });
      expect(await writer.prepare()).toEqual({ templateInstalled: true, indexExisted: false });

      const first = await writer.insert([...events, events[3]!]);
      expect(first).toEqual({ inserted: 25, duplicates: 1, failed: [] });
      const again = await writer.insert(events);
      expect(again).toEqual({ inserted: 0, duplicates: 25, failed: [] });
      await writer.finish();
      expect(await count(url!, index)).toBe(25);

      const template = await getJson(`${url}/_index_template/auditlens-${index}`);
      expect(JSON.stringify(template)).toContain('"preset":"elastic-agent"');
      const mapping = await getJson(`${url}/${index}/_mapping`);
      const props = JSON.stringify(mapping);
      expect(props).toContain('"@timestamp":{"type":"date_nanos"}');
      expect(props).toContain('"username":{"type":"keyword","ignore_above":8191}');

      const doc = await getJson(`${url}/${index}/_doc/${documentId(events[7]!)}`);
      expect(doc._source).toMatchObject({
        '@timestamp': events[7]!.time,
        kubernetes: { audit: { auditID: events[7]!.auditID } },
      });

      // A second writer finds the template in place and the index there.
      const later = new ElasticsearchWriter({ url: url!, index, preset: 'elastic-agent' });
      expect(await later.prepare()).toEqual({ templateInstalled: false, indexExisted: true });
    });

    test('reports each document the server refuses, and keeps the rest', async () => {
      const index = fresh('refused');
      // An index made by someone else, where object names must be numbers.
      const created = await fetch(`${url}/${index}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          settings: { number_of_replicas: 0 },
          mappings: { properties: { objectRef: { properties: { name: { type: 'long' } } } } },
        }),
      });
      expect(created.status).toBe(200);
      const events = normalized([
        makeEvent(1, { objectRef: { resource: 'pods', name: '123' } }),
        makeEvent(2, { objectRef: { resource: 'pods', name: 'web-0' } }),
        makeEvent(3, { objectRef: { resource: 'pods', name: '456' } }),
      ]);
      const seen: BulkFailure[] = [];
      const writer = new ElasticsearchWriter({
        url: url!,
        index,
        preset: 'fluentd',
        onFailure: (f) => seen.push(f),
      });
      expect((await writer.prepare()).indexExisted).toBe(true);
      const result = await writer.insert(events);
      expect(result.inserted).toBe(2);
      expect(result.failed).toHaveLength(1);
      expect(result.failed[0]).toMatchObject({
        auditID: events[1]!.auditID,
        stage: 'ResponseComplete',
        status: 400,
      });
      expect(result.failed[0]!.reason).toMatch(/^(document_parsing|mapper_parsing)_exception: /);
      expect(seen).toEqual(result.failed);
      expect(writer.failures).toEqual(result.failed);
    });

    test('a closed index refuses every document, each reported with the reason', async () => {
      const index = fresh('closed');
      const writer = new ElasticsearchWriter({ url: url!, index, preset: 'fluentd', replicas: 0 });
      await writer.insert(normalized([makeEvent(1)]));
      await fetch(`${url}/${index}/_close`, { method: 'POST' });
      const result = await writer.insert(normalized([makeEvent(2), makeEvent(3)]));
      expect(result.inserted).toBe(0);
      expect(result.failed.map((f) => f.reason)).toEqual([
        expect.stringMatching(/^index_closed_exception: .*closed/),
        expect.stringMatching(/^index_closed_exception: .*closed/),
      ]);
    });
  });
}
