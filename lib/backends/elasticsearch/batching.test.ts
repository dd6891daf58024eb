// One dashboard refresh, one round trip: the searches the panels start together go out as
// one _msearch; a failing search fails alone, with the server's reason.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalize } from '@/lib/audit/normalize';
import { ElasticsearchWriter } from '@/lib/ingest/writers/elasticsearch-writer';
import { rangeQuery } from '@/lib/testing/expected-answers';
import { makeEvent } from '@/lib/testing/make-event';
import { StoreError } from '../errors';
import { ElasticsearchBackend } from './elasticsearch-backend';
import { SearchBatcher } from './search-batcher';
import { SearchHttp } from './search-http';
import { dropIndex, testIndex } from './testing/conformance-kit';

const servers = [
  ['Elasticsearch', process.env.ELASTICSEARCH_URL],
  ['OpenSearch', process.env.OPENSEARCH_URL],
] as const;

for (const [product, url] of servers) {
  describe.skipIf(!url)(`${product}: searches of one refresh`, () => {
    const index = testIndex('batching');
    // makeEvent's events lie in the minute after 2026-11-20T10:00Z.
    const hour = Date.UTC(2026, 10, 20, 10) * 1000;
    const query = rangeQuery({ startMicros: hour, endMicros: hour + 3_600_000_000 });
    const source = (batchWindowMs: number) =>
      new ElasticsearchBackend(
        {
          name: 'batching',
          type: 'elasticsearch',
          url: url!,
          index,
          preset: 'fluentd',
          timeoutMs: 30_000,
        },
        { batchWindowMs },
      );

    beforeAll(async () => {
      const writer = new ElasticsearchWriter({ url: url!, index, preset: 'fluentd', replicas: 0 });
      await writer.insert(
        Array.from({ length: 30 }, (_, n) => makeEvent(n)).flatMap((e) => {
          const r = normalize(e);
          return r.ok ? r.events : [];
        }),
      );
      await writer.finish();
    });
    afterAll(() => dropIndex(url!, index));

    const refresh = (b: ElasticsearchBackend, split?: 'user') =>
      Promise.all([
        b.timeline(query, { bucketSeconds: 60, splitLimit: 3, split }),
        b.breakdown(query, { dimension: 'user', limit: 3 }),
        b.breakdown(query, { dimension: 'verb', limit: 3 }),
        b.search({ ...query, limit: 10 }),
      ]);

    test('timeline, breakdowns and the first page in one request, with the same answers', async () => {
      const batched = source(5);
      await batched.health(); // detection and mapping, once per source
      const before = batched.requestCount;
      const together = await refresh(batched);
      expect(batched.requestCount - before).toBe(1);

      const alone = source(0);
      await alone.health();
      const one = await alone.timeline(query, { bucketSeconds: 60, splitLimit: 3 });
      const two = await alone.breakdown(query, { dimension: 'user', limit: 3 });
      expect(together[0]).toEqual(one);
      expect(together[1]).toEqual(two);
      expect(together[3].events).toHaveLength(10);
    });

    test('a split timeline needs a second request for its top values', async () => {
      const b = source(5);
      await b.health();
      const before = b.requestCount;
      const [timeline] = await refresh(b, 'user');
      expect(b.requestCount - before).toBe(2);
      expect(timeline.series.length).toBeGreaterThan(0);
    });

    test('one failing search of a batch fails alone, with the reason', async () => {
      const http = new SearchHttp({
        source: 'batching',
        url: url!,
        indexPattern: index,
        timeoutMs: 30_000,
      });
      http.product = product;
      const batcher = new SearchBatcher(http, index, 5);
      const [good, bad] = await Promise.allSettled([
        batcher.search({ size: 0, track_total_hits: true }),
        batcher.search({
          size: 0,
          aggs: { x: { date_histogram: { field: 'verb', fixed_interval: '1s' } } },
        }),
      ]);
      expect(http.requests).toBe(1);
      expect(good.status).toBe('fulfilled');
      expect(bad.status).toBe('rejected');
      const e = (bad as PromiseRejectedResult).reason as StoreError;
      expect(e).toBeInstanceOf(StoreError);
      expect(e.message).toContain(`source "batching": ${product} at ${url} answered HTTP 400`);
      expect(e.message).toMatch(/verb/);
    });
  });
}
