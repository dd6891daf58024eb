// The Loki writer against a real Loki (LOKI_URL): what it pushes reads back as the same
// events, pushing again adds nothing, a refused push says why. Retries are checked with a
// fake server, as a real Loki does not answer 503 on demand.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalize } from '@/lib/audit/normalize';
import type { AuditEvent, K8sAuditEvent } from '@/lib/audit/types';
import { StoreError } from '@/lib/backends/errors';
import { LokiApi } from '@/lib/backends/loki/loki-api';
import { LokiHttp } from '@/lib/backends/loki/loki-http';
import { freshStream, loadStream } from '@/lib/backends/loki/loki-test-kit';
import { microsToNs } from '@/lib/backends/loki/time-windows';
import { isoToMicros } from '@/lib/query/time';
import { serverUrl } from '@/lib/testing/conformance/suite';
import { ALL_STAGES, rangeQuery } from '@/lib/testing/expected-answers';
import { makeEvent } from '@/lib/testing/make-event';
import { checkLokiLabels, LokiWriter, parseLokiLabelArgs } from './loki-writer';

const BASE_US = Math.floor(Date.now() / 3_600_000) * 3_600_000_000 - 3_600_000_000;
const RANGE = { startMicros: BASE_US, endMicros: BASE_US + 3_600_000_000 };

function at(us: number): string {
  const ms = Math.floor(us / 1000);
  return new Date(ms).toISOString().replace('Z', `${String(us % 1000).padStart(3, '0')}Z`);
}

function events(n: number, over: (i: number) => Partial<K8sAuditEvent> = () => ({})): AuditEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const r = normalize(
      makeEvent(i, { requestReceivedTimestamp: at(BASE_US + i * 1_000_123), ...over(i) }),
    );
    if (!r.ok) throw new Error(r.reason);
    return r.events[0]!;
  });
}

describe('labels', () => {
  test('default, parsed, and refused with the reason', () => {
    expect(parseLokiLabelArgs([])).toEqual({ job: 'kubernetes-audit' });
    expect(parseLokiLabelArgs(['cluster=prod', 'job=audit', 'x=a=b'])).toEqual({
      cluster: 'prod',
      job: 'audit',
      x: 'a=b',
    });
    expect(() => parseLokiLabelArgs(['cluster'])).toThrow('--label "cluster": expected name=value');
    expect(() => parseLokiLabelArgs(['1x=a'])).toThrow('Loki label "1x"');
    expect(() => parseLokiLabelArgs(['__name__=a'])).toThrow('Loki label "__name__"');
    expect(() => checkLokiLabels({ job: '' })).toThrow('Loki label "job": the value is empty');
    expect(() => checkLokiLabels({})).toThrow('at least one label');
  });
});

describe('retries', () => {
  let server: http.Server;
  let url: string;
  const seen: number[] = [];
  let failures = 0;
  let status = 503;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        seen.push(Date.now());
        if (failures > 0) {
          failures -= 1;
          res
            .writeHead(status)
            .end(status === 429 ? 'Ingestion rate limit exceeded' : 'ingester busy');
        } else res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  test('503 and 429 are retried with backoff until Loki takes the push', async () => {
    for (const s of [503, 429]) {
      seen.length = 0;
      failures = 2;
      status = s;
      const w = new LokiWriter({ url, retryDelayMs: 20 });
      await expect(w.insert(events(3))).resolves.toEqual({ inserted: 3, duplicates: 0 });
      expect(seen).toHaveLength(3);
      expect(seen[2]! - seen[1]!).toBeGreaterThanOrEqual(35);
    }
  });

  test("after the last attempt the error carries Loki's message", async () => {
    failures = 10;
    status = 503;
    const w = new LokiWriter({ url, retryDelayMs: 1, attempts: 3 });
    const e = await w.insert(events(1)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StoreError);
    expect((e as StoreError).message).toContain('ingester busy');
    expect(failures).toBe(7);
  });
});

const loki = serverUrl('LOKI_URL');

describe.skipIf(Boolean(loki.skip))('against a real Loki', () => {
  const url = loki.url!;
  const api = new LokiApi(new LokiHttp({ source: 'test', url, timeoutMs: 30_000 }));
  const count = async (selector: string) => {
    const [s] = await api.instant(
      `sum(count_over_time(${selector} [1h]))`,
      microsToNs(RANGE.endMicros) - 1n,
    );
    return s?.value ?? 0;
  };

  test('lines are the Event JSON at the event time, in the configured stream', async () => {
    const stream = freshStream('writer');
    const evs = events(20).reverse(); // given newest first: the writer sorts them
    const w = new LokiWriter({ url, labels: stream.labels, maxBatchBytes: 4000 });
    expect(await w.insert(evs)).toEqual({ inserted: 20, duplicates: 0 });
    const got = await api.logs({
      query: stream.selector,
      startNs: microsToNs(RANGE.startMicros),
      endNs: microsToNs(RANGE.endMicros),
      limit: 100,
      direction: 'forward',
    });
    expect(got.map((e) => [e.ns, e.line])).toEqual(
      [...evs].reverse().map((e) => [microsToNs(isoToMicros(e.time)), JSON.stringify(e.event)]),
    );
    expect(got[0]!.labels).toMatchObject(stream.labels);
  });

  test('pushing the same events again adds nothing (Loki drops identical entries)', async () => {
    const stream = freshStream('idempotent');
    const evs = events(50);
    await new LokiWriter({ url, labels: stream.labels }).insert(evs);
    expect(await count(stream.selector)).toBe(50);
    // Again, in other batches and another order, with some new ones.
    const again = new LokiWriter({ url, labels: stream.labels, maxBatchBytes: 3000 });
    await again.insert([...evs].reverse());
    await again.insert(evs.slice(10, 30));
    expect(await count(stream.selector)).toBe(50);
    await again.insert(events(55));
    expect(await count(stream.selector)).toBe(55);
  });

  test('one entry per (auditID, stage) within a push; a missing auditID gets the derived one', async () => {
    const stream = freshStream('writer-ids');
    const evs = events(4, (i) => (i === 3 ? { auditID: undefined } : {}));
    const derived = evs[3]!.auditID;
    expect(derived).toMatch(/^sha256:/);
    const w = new LokiWriter({ url, labels: stream.labels });
    expect(await w.insert([...evs, evs[0]!, evs[1]!])).toEqual({ inserted: 4, duplicates: 2 });
    const backend = await loadStream(url, stream, []);
    const page = await backend.search(rangeQuery(RANGE, { filters: [ALL_STAGES], limit: 10 }));
    expect(page.total).toBe(4);
    expect((await backend.getEvent(derived))?.stages.map((s) => s.auditID)).toEqual([derived]);
  });

  test("a push Loki refuses fails at once with Loki's reason", async () => {
    const stream = freshStream('writer-refused');
    const huge = events(1, () => ({ userAgent: 'x'.repeat(300 * 1024) }));
    const started = Date.now();
    const e = await new LokiWriter({ url, labels: stream.labels, retryDelayMs: 2000 })
      .insert(huge)
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StoreError);
    expect((e as StoreError).storeStatus).toBe(400);
    expect((e as StoreError).message).toMatch(/size|too long|exceeded/i);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
