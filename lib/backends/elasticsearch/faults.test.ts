// Failures as a reviewer sees them: server down, hanging, answering 500 (fake servers, for
// faults a real one cannot be made to produce), and, on the real servers, a missing index,
// a mapping without the preset's fields and the limits of the log-string preset.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ElasticsearchSourceConfig } from '@/lib/config/schema';
import { ElasticsearchWriter } from '@/lib/ingest/writers/elasticsearch-writer';
import { makeEvent } from '@/lib/testing/make-event';
import { rangeQuery } from '@/lib/testing/expected-answers';
import { normalize } from '@/lib/audit/normalize';
import type { AuditEvent, K8sAuditEvent } from '@/lib/audit/types';
import { StoreError } from '../errors';
import { ElasticsearchBackend } from './elasticsearch-backend';
import { dropIndex, testIndex } from './testing/conformance-kit';

function source(url: string, over: Partial<ElasticsearchSourceConfig> = {}) {
  return new ElasticsearchBackend({
    name: 'audit-es',
    type: 'elasticsearch',
    url,
    index: 'k8s-audit-*',
    preset: 'fluentd',
    timeoutMs: 5_000,
    ...over,
  });
}

function normalized(list: K8sAuditEvent[]): AuditEvent[] {
  return list.flatMap((e) => {
    const r = normalize(e);
    return r.ok ? r.events : [];
  });
}

const query = rangeQuery({ startMicros: 0, endMicros: Date.now() * 1000 });

async function storeError(p: Promise<unknown>): Promise<StoreError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected a StoreError, but the call succeeded');
}

async function fakeServer(
  handler: http.RequestListener,
): Promise<{ url: string; close: () => void }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

describe('a server that is down, slow or failing', () => {
  test('a closed port is unreachable, naming the source and the URL', async () => {
    const { url, close } = await fakeServer(() => undefined);
    close(); // the port is now free and nothing listens on it
    const e = await storeError(source(url).search(query));
    expect(e.kind).toBe('unreachable');
    expect(e.httpStatus).toBe(502);
    expect(e.message).toContain('source "audit-es"');
    expect(e.message).toContain(`cannot reach Elasticsearch/OpenSearch at ${url}`);
    expect(e.message).toMatch(/ECONNREFUSED/);
  });

  test('a server that never answers is a timeout after the source timeout', async () => {
    const { url, close } = await fakeServer(() => undefined);
    try {
      const started = Date.now();
      const e = await storeError(
        source(url, { timeoutMs: 300 }).breakdown(query, { dimension: 'user', limit: 5 }),
      );
      expect(e.kind).toBe('timeout');
      expect(e.httpStatus).toBe(504);
      expect(e.message).toBe(
        `source "audit-es": Elasticsearch/OpenSearch at ${url} did not answer within 300 ms`,
      );
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      close();
    }
  });

  test("a 500 is a store_error carrying the server's own reason", async () => {
    const { url, close } = await fakeServer((_req, res) => {
      res.writeHead(500, {
        'content-type': 'application/json',
        'x-elastic-product': 'Elasticsearch',
      });
      res.end(
        JSON.stringify({
          error: {
            root_cause: [
              { type: 'node_not_connected_exception', reason: 'node [es-2] not connected' },
            ],
            type: 'search_phase_execution_exception',
            reason: 'all shards failed',
          },
          status: 500,
        }),
      );
    });
    try {
      const e = await storeError(source(url).search(query));
      expect(e.kind).toBe('store_error');
      expect(e.storeStatus).toBe(500);
      expect(e.message).toContain(
        'answered HTTP 500: node_not_connected_exception: node [es-2] not connected',
      );
      const h = await source(url).health();
      expect(h.ok).toBe(false);
      expect(h.message).toContain('node [es-2] not connected');
    } finally {
      close();
    }
  });

  test('a 502 from a proxy with a text body keeps that text', async () => {
    const { url, close } = await fakeServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('upstream connect error or disconnect/reset before headers');
    });
    try {
      const e = await storeError(source(url).search(query));
      expect(e.kind).toBe('store_error');
      expect(e.message).toContain('HTTP 502: upstream connect error');
    } finally {
      close();
    }
  });

  test('a server that is neither Elasticsearch nor OpenSearch is named as such', async () => {
    const { url, close } = await fakeServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
    });
    try {
      const e = await storeError(source(url).search(query));
      expect(e.kind).toBe('store_error');
      expect(e.message).toContain('does not look like Elasticsearch or OpenSearch');
    } finally {
      close();
    }
  });

  test('an unknown key in `fields` is a misconfiguration naming it', async () => {
    const e = await storeError(
      source('http://127.0.0.1:1', { preset: 'custom', fields: { usr: 'user.name' } }).search(
        query,
      ),
    );
    expect(e.kind).toBe('misconfigured');
    expect(e.message).toContain('fields.usr is not a field Auditlens reads');
  });
});

const servers = [
  ['Elasticsearch', process.env.ELASTICSEARCH_URL],
  ['OpenSearch', process.env.OPENSEARCH_URL],
] as const;

for (const [product, url] of servers) {
  describe.skipIf(!url)(`${product}: what the real server holds`, () => {
    const wrong = testIndex('wrong-mapping');
    const logs = testIndex('log-string');
    const events = [1, 2, 3].map((n) => makeEvent(n));

    beforeAll(async () => {
      // Documents of some other application: no audit fields at all.
      await fetch(`${url}/${wrong}/_doc?refresh=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ '@timestamp': '2026-11-20T10:00:00Z', message: 'hello' }),
      });
      const writer = new ElasticsearchWriter({
        url: url!,
        index: logs,
        preset: 'fluentd-log-string',
        replicas: 0,
      });
      const loaded = await writer.insert(normalized(events));
      expect(loaded.inserted).toBe(3);
      await writer.finish();
    });
    afterAll(async () => {
      await dropIndex(url!, wrong);
      await dropIndex(url!, logs);
    });

    test('the product is detected', async () => {
      const b = source(url!, { index: logs, preset: 'fluentd-log-string' });
      const h = await b.health();
      expect(h.ok).toBe(true);
      expect(b.kind).toBe(product.toLowerCase());
      expect(h.details?.product).toBe(product.toLowerCase());
      expect(String(h.details?.version)).toMatch(/^\d+\.\d+\.\d+/);
    });

    test('an index pattern that matches nothing is misconfigured, naming the pattern', async () => {
      for (const index of ['no-such-audit-*', 'no-such-audit-index']) {
        const e = await storeError(source(url!, { index }).search(query));
        expect(e.kind).toBe('misconfigured');
        expect(e.message).toContain(`index pattern "${index}"`);
        expect(e.message).toContain('matches no index');
        expect(e.message).toContain(product);
      }
      const h = await source(url!, { index: 'no-such-audit-*' }).health();
      expect(h).toMatchObject({ ok: false, store: product.toLowerCase() });
      expect(h.message).toContain('matches no index');
    });

    test('a mapping without the preset fields is misconfigured, naming them', async () => {
      const e = await storeError(
        source(url!, { index: wrong }).breakdown(query, { dimension: 'user', limit: 5 }),
      );
      expect(e.kind).toBe('misconfigured');
      expect(e.message).toContain(`has no mapping for auditID, stage, verb in ${wrong}`);
      expect(e.message).toContain('preset fluentd expects the Event fields at the document root');

      const agent = await storeError(
        source(url!, { index: logs, preset: 'elastic-agent' }).search(query),
      );
      expect(agent.message).toContain(
        'has no mapping for kubernetes.audit.auditID, kubernetes.audit.stage, kubernetes.audit.verb',
      );
    });

    test('a time field that is not a date is misconfigured', async () => {
      const e = await storeError(
        source(url!, {
          index: wrong,
          preset: 'custom',
          timeField: 'message',
          fields: { auditID: 'message' },
        }).search(query),
      );
      expect(e.kind).toBe('misconfigured');
      expect(e.message).toContain('time field message is mapped as text');
    });

    test("a 4xx from the server is a store_error with the server's reason", async () => {
      const closed = testIndex('closed');
      try {
        const writer = new ElasticsearchWriter({
          url: url!,
          index: closed,
          preset: 'fluentd',
          replicas: 0,
        });
        await writer.insert(normalized(events.slice(0, 1)));
        await writer.finish();
        await fetch(`${url}/${closed}/_close`, { method: 'POST' });
        const e = await storeError(source(url!, { index: closed }).search(query));
        expect(e.kind).toBe('store_error');
        expect(e.storeStatus).toBe(400);
        expect(e.message).toContain(
          `${product} at ${url} answered HTTP 400: index_closed_exception`,
        );
      } finally {
        await dropIndex(url!, closed);
      }
    });

    test('fluentd-log-string opens events but explains why it cannot list or count', async () => {
      const b = source(url!, { index: logs, preset: 'fluentd-log-string' });
      const id = events[1]!.auditID!;
      const detail = await b.getEvent(id);
      expect(detail?.stages.map((s) => s.event)).toEqual([events[1]]);
      expect(await b.getEvent('00000000-0000-4000-8000-000000000099')).toBeNull();
      for (const call of [
        () => b.search(query),
        () => b.timeline(query, { bucketSeconds: 60, splitLimit: 5 }),
        () => b.breakdown(query, { dimension: 'verb', limit: 5 }),
      ]) {
        const e = await storeError(call());
        expect(e.kind).toBe('misconfigured');
        expect(e.message).toContain('keeps each audit Event as a JSON string under "log"');
        expect(e.message).toContain('Merge_Log On');
      }
    });
  });
}
