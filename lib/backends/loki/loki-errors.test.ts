// Loki down, slow, failing or refusing: every case is a StoreError that names the source
// and carries Loki's own message. Faults a real Loki cannot produce on demand (a 5xx, a
// hang, a garbled answer) come from a small fake server; the rest from the real Loki.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalize } from '@/lib/audit/normalize';
import type { AuditEvent } from '@/lib/audit/types';
import { makeEvent } from '@/lib/testing/make-event';
import { serverUrl } from '@/lib/testing/conformance/suite';
import { f, rangeQuery } from '@/lib/testing/expected-answers';
import { StoreError } from '../errors';
import { createLokiBackend } from './loki-backend';
import { LokiApi } from './loki-api';
import { LokiHttp } from './loki-http';
import { freshStream, loadStream, testSource } from './loki-test-kit';
import { microsToNs } from './time-windows';

const RANGE = {
  startMicros: Date.UTC(2026, 10, 23, 10) * 1000,
  endMicros: Date.UTC(2026, 10, 23, 12) * 1000,
};
const QUERY = rangeQuery(RANGE, { limit: 10 });

async function storeError(p: Promise<unknown>): Promise<StoreError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StoreError);
    return e as StoreError;
  }
  throw new Error('expected a StoreError');
}

function lokiAt(url: string, timeoutMs = 5000) {
  return createLokiBackend(
    testSource(url, freshStream('faults'), { name: 'loki-faulty', timeoutMs }),
  );
}

describe('faults a real Loki cannot produce on demand', () => {
  let server: http.Server;
  let url: string;
  const behaviour: { mode: 'hang' | 'fail' | 'html' } = { mode: 'fail' };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      if (behaviour.mode === 'hang') return; // never answers
      if (behaviour.mode === 'html') {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy login</html>');
        return;
      }
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('rpc error: code = Unavailable desc = ingester ring has no healthy instances\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  test("a 500 is a store_error carrying Loki's message and status", async () => {
    behaviour.mode = 'fail';
    const e = await storeError(lokiAt(url).search(QUERY));
    expect(e.kind).toBe('store_error');
    expect(e.storeStatus).toBe(500);
    expect(e.httpStatus).toBe(502);
    expect(e.message).toContain('ingester ring has no healthy instances');
    expect(e.message).toContain('source "loki-faulty"');
    expect(e.message).toContain(url);
  });

  test("a hanging Loki is a timeout (504) after the source's timeout", async () => {
    behaviour.mode = 'hang';
    const started = Date.now();
    const e = await storeError(lokiAt(url, 300).breakdown(QUERY, { dimension: 'user', limit: 5 }));
    expect(e.kind).toBe('timeout');
    expect(e.httpStatus).toBe(504);
    expect(e.message).toContain('did not answer within 300 ms');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test("an answer that is not Loki's API is a store_error saying so", async () => {
    behaviour.mode = 'html';
    const e = await storeError(lokiAt(url).timeline(QUERY, { bucketSeconds: 300, splitLimit: 5 }));
    expect(e.kind).toBe('store_error');
    expect(e.message).toContain('cannot read');
  });

  test('health reports the failure instead of throwing', async () => {
    behaviour.mode = 'fail';
    const h = await lokiAt(url).health();
    expect(h.ok).toBe(false);
    expect(h.message).toContain('ingester ring has no healthy instances');
  });
});

test('Loki down (nothing listening) is unreachable, naming the URL', async () => {
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise((r) => probe.close(r));
  const e = await storeError(lokiAt(url).search(QUERY));
  expect(e.kind).toBe('unreachable');
  expect(e.message).toContain(`cannot reach Loki at ${url}`);
  expect(e.message).toContain('ECONNREFUSED');
});

test('an API key is refused as misconfigured: Loki takes basic or bearer auth', () => {
  expect(() =>
    createLokiBackend({
      ...testSource('http://127.0.0.1:1', freshStream('faults')),
      auth: { type: 'apiKey', apiKey: 'k' },
    }),
  ).toThrow(/basic or bearer/);
});

const loki = serverUrl('LOKI_URL');

describe.skipIf(Boolean(loki.skip))('refusals and limits of a real Loki', () => {
  const url = loki.url!;
  const event = (n: number, over: Parameters<typeof makeEvent>[1] = {}): AuditEvent => {
    const r = normalize(makeEvent(n, over));
    if (!r.ok) throw new Error(r.reason);
    return r.events[0]!;
  };
  const at = (us: number) =>
    new Date(us / 1000).toISOString().replace('Z', `${String(us % 1000).padStart(3, '0')}Z`);

  test("a selector Loki cannot parse: store_error with Loki's parse error", async () => {
    const backend = createLokiBackend({
      ...testSource(url, freshStream('faults')),
      selector: '{job=}',
    });
    const e = await storeError(backend.search(QUERY));
    expect(e.kind).toBe('store_error');
    expect(e.storeStatus).toBe(400);
    expect(e.message).toMatch(/parse error/);
  });

  test('more entries than max_entries_limit_per_query: a limit error naming the setting', async () => {
    const api = new LokiApi(new LokiHttp({ source: 'loki-test', url, timeoutMs: 10_000 }));
    const e = await storeError(
      api.logs({
        query: freshStream('faults').selector,
        startNs: microsToNs(RANGE.startMicros),
        endNs: microsToNs(RANGE.endMicros),
        limit: 6000,
        direction: 'backward',
      }),
    );
    expect(e.kind).toBe('limit');
    expect(e.message).toContain('max_entries_limit_per_query');
    expect(e.message).toContain('6000 > 5000');
  });

  test('a breakdown over more values than max_query_series: a limit error, never a cut list', async () => {
    const stream = freshStream('series');
    const t0 = Date.now() * 1000 - 3_600_000_000;
    const events = Array.from({ length: 520 }, (_, i) =>
      event(i, { user: { username: `user-${i}` }, requestReceivedTimestamp: at(t0 + i * 1000) }),
    );
    const backend = await loadStream(url, stream, events);
    const q = rangeQuery({ startMicros: t0, endMicros: t0 + 60_000_000 }, {});
    const e = await storeError(backend.breakdown(q, { dimension: 'user', limit: 5 }));
    expect(e.kind).toBe('limit');
    expect(e.message).toContain('max_query_series');
    // Fewer values are fine: the same data, narrowed to 10 users.
    const narrow = await backend.breakdown(
      {
        ...q,
        filters: [f('user', false, ...events.slice(0, 10).map((x) => x.event.user!.username!))],
      },
      { dimension: 'user', limit: 3 },
    );
    expect(narrow).toEqual({
      dimension: 'user',
      rows: [
        { value: 'user-0', count: 1 },
        { value: 'user-1', count: 1 },
        { value: 'user-2', count: 1 },
      ],
      other: 7,
      total: 10,
    });
  });

  test('more events in one microsecond than one query returns: a limit error, not a gap', async () => {
    const stream = freshStream('ties');
    const t = Date.now() * 1000 - 1_800_000_000;
    const events = Array.from({ length: 12 }, (_, i) =>
      event(i, { requestReceivedTimestamp: at(t) }),
    );
    const backend = await loadStream(url, stream, events, { maxEntriesPerQuery: 10 });
    const q = rangeQuery({ startMicros: t - 1_000_000, endMicros: t + 1_000_000 }, { limit: 5 });
    const e = await storeError(backend.search(q));
    expect(e.kind).toBe('limit');
    expect(e.message).toContain('share one microsecond');
    // Within the limit the same microsecond pages fine.
    const ok = await loadStream(url, stream, [], { maxEntriesPerQuery: 20 });
    const page = await ok.search(q);
    expect(page.total).toBe(12);
    expect(page.events.map((x) => x.auditID)).toEqual(
      events
        .map((x) => x.auditID)
        .sort()
        .reverse()
        .slice(0, 5),
    );
  });

  test('a 45-day range is cut into windows Loki accepts (max_query_length is 30d1h)', async () => {
    const stream = freshStream('long-range');
    const now = Math.floor(Date.now() / 3_600_000) * 3_600_000_000;
    // One event a day over the last six days (the test Loki's ingester answers for a week).
    const events = Array.from({ length: 6 }, (_, i) =>
      event(i, { requestReceivedTimestamp: at(now - (i + 1) * 86_400_000_000 + 123) }),
    );
    const backend = await loadStream(url, stream, events, { maxEntriesPerQuery: 10 });
    const q = rangeQuery({ startMicros: now - 45 * 86_400_000_000, endMicros: now }, { limit: 4 });
    const first = await backend.search(q);
    expect(first.total).toBe(6);
    expect(first.events.map((e) => e.auditID)).toEqual(events.slice(0, 4).map((e) => e.auditID));
    const second = await backend.search({ ...q, cursor: first.nextCursor });
    expect(second.events.map((e) => e.auditID)).toEqual(events.slice(4).map((e) => e.auditID));
    expect(second.nextCursor).toBeNull();
    const timeline = await backend.timeline(q, {
      bucketSeconds: 86_400,
      splitLimit: 3,
      split: 'user',
    });
    // 45 days from a whole hour: 46 day buckets, the first and last partial.
    expect(timeline.buckets).toHaveLength(46);
    expect(timeline.total).toBe(6);
    expect(timeline.buckets.filter((b) => b.total === 1)).toHaveLength(6);
    const byUser = await backend.breakdown(q, { dimension: 'user', limit: 10 });
    expect(byUser.total).toBe(6);
    expect(await backend.getEvent(events[5]!.auditID)).not.toBeNull();
  });

  test('health of a running Loki: ready, with what the stream holds', async () => {
    const stream = freshStream('health');
    const backend = await loadStream(url, stream, [
      event(1, { requestReceivedTimestamp: at(Date.now() * 1000 - 60_000_000) }),
    ]);
    const h = await backend.health();
    expect(h.ok).toBe(true);
    expect(h.message).toContain(`1 streams match ${stream.selector}`);
    expect(h.details).toMatchObject({ streams: 1, selector: stream.selector });
    const empty = await loadStream(url, freshStream('health'), []);
    expect((await empty.health()).message).toContain('0 streams match');
  });
});
