// The embedded store against a real kube-apiserver's log and webhook output. Expected
// answers are computed here from the files with plain JSON.parse, independently of
// normalize() and of the store's SQL.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importPath } from '@/lib/ingest/import-path';
import { defaultQuery } from '@/lib/query/codec';
import type { AuditQuery, DimensionFilter, ResolvedQuery } from '@/lib/query/types';
import { haveShared, sharedPath } from '@/lib/testing/shared-data';
import { tempStore } from '@/lib/testing/temp-store';

const DIR = sharedPath('data', 'kube-apiserver-v1.34');
const present = haveShared('data', 'kube-apiserver-v1.34');

interface Raw {
  auditID: string;
  stage: string;
  verb: string;
  user: { username?: string };
  objectRef?: { resource?: string; namespace?: string };
  responseStatus?: { code?: number };
  requestReceivedTimestamp: string;
  requestURI: string;
  userAgent?: string;
}

function readLog(): Raw[] {
  const dir = path.join(DIR, 'log');
  return fs
    .readdirSync(dir)
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Raw);
}

/** Written out again here on purpose: the test must not share the code it checks. */
function isRequest(e: Raw): boolean {
  return (
    e.stage === 'ResponseComplete' ||
    e.stage === 'Panic' ||
    (e.stage === 'ResponseStarted' && e.responseStatus?.code === 401)
  );
}

function micros(iso: string): number {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(iso)!;
  const frac = (m[2] ?? '').padEnd(6, '0').slice(0, 6);
  return Date.parse(m[1] + 'Z') * 1000 + Number(frac);
}

function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}

const WINDOW: Pick<AuditQuery, 'from' | 'to'> = {
  from: { kind: 'absolute', iso: '2026-11-23T03:00:00.000000Z' },
  to: { kind: 'absolute', iso: '2026-11-23T04:00:00.000000Z' },
};

function query(over: Partial<AuditQuery> = {}): ResolvedQuery {
  const q = { ...defaultQuery(), ...WINDOW, ...over };
  return {
    ...q,
    range: {
      startMicros: micros('2026-11-23T03:00:00Z'),
      endMicros: micros('2026-11-23T04:00:00Z'),
    },
  };
}

describe.skipIf(!present)(`real kube-apiserver v1.34 output (${DIR})`, () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let raw: Raw[];
  let requests: Raw[];

  beforeAll(async () => {
    store = await tempStore();
    raw = readLog();
    requests = raw.filter(isRequest);
    const reports = await importPath(path.join(DIR, 'log'), {
      sink: store.sink,
      deadLetters: store.deadLetters,
      maxEventBytes: 5 * 1024 * 1024,
    });
    expect(reports.map((r) => path.basename(r.source))).toEqual([
      'audit-2026-11-23T03-50-57.013.log',
      'audit-2026-11-23T03-51-14.319.log',
      'audit-2026-11-23T03-51-14.417.log',
      'audit.log',
    ]);
    expect(reports.reduce((s, r) => s + r.inserted, 0)).toBe(1143);
  });
  afterAll(async () => store?.dispose());

  test('counts 554 requests from 1143 stage events', async () => {
    expect(raw).toHaveLength(1143);
    expect(requests).toHaveLength(554);
    expect(new Set(raw.map((e) => e.auditID)).size).toBe(554);
    expect((await store.backend.search(query({ limit: 1 }))).total).toBe(554);
    const all = query({
      limit: 1,
      filters: [{ dimension: 'stage', exclude: false, values: [{ op: 'prefix', value: '' }] }],
    });
    expect((await store.backend.search(all)).total).toBe(1143);
  });

  test('the failed authentication is one lone ResponseStarted with an empty user, and counts once', async () => {
    const lone = requests.filter((e) => e.stage === 'ResponseStarted');
    expect(lone).toHaveLength(1);
    expect(lone[0]!.user.username ?? '').toBe('');
    const users = await store.backend.breakdown(query(), { dimension: 'user', limit: 100 });
    expect(users.rows.find((r) => r.value === '')?.count).toBe(1);
  });

  test.each(['user', 'verb', 'code', 'resource', 'namespace', 'userAgent'] as const)(
    'breakdown by %s equals the counts computed from the files',
    async (dimension) => {
      const key = (e: Raw): string =>
        ({
          user: e.user.username ?? '',
          verb: e.verb,
          code: e.responseStatus?.code !== undefined ? String(e.responseStatus.code) : '',
          resource: e.objectRef?.resource ?? '',
          namespace: e.objectRef?.namespace ?? '',
          userAgent: e.userAgent ?? '',
        })[dimension];
      const expected = [...countBy(requests, key).entries()].sort(
        (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
      );
      const got = await store.backend.breakdown(query(), { dimension, limit: 3 });
      expect(got.rows).toEqual(expected.slice(0, 3).map(([value, count]) => ({ value, count })));
      expect(got.other).toBe(expected.slice(3).reduce((s, [, c]) => s + c, 0));
      expect(got.total).toBe(554);
    },
  );

  test('list dimensions count each value once per request; the total stays the requests', async () => {
    const groups = new Map<string, number>();
    for (const e of requests) {
      const gs = (e.user as { groups?: string[] }).groups ?? [];
      for (const g of gs.length ? gs : ['']) groups.set(g, (groups.get(g) ?? 0) + 1);
    }
    const expected = [...groups.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const got = await store.backend.breakdown(query(), { dimension: 'group', limit: 2 });
    expect(got.rows).toEqual(expected.slice(0, 2).map(([value, count]) => ({ value, count })));
    expect(got.other).toBe(expected.slice(2).reduce((s, [, c]) => s + c, 0));
    expect(got.total).toBe(554);
    const ips = await store.backend.breakdown(query(), { dimension: 'sourceIP', limit: 5 });
    expect(ips.rows[0]).toEqual({ value: '127.0.0.1', count: 554 });
    const t = await store.backend.timeline(query(), {
      bucketSeconds: 60,
      splitLimit: 3,
      split: 'group',
    });
    expect(t.total).toBe(554);
    expect(t.series[0]).toBe(expected[0]![0]);
  });

  test('timeline buckets of one second equal per-second counts from the files', async () => {
    const expected = countBy(requests, (e) =>
      String(Math.floor(micros(e.requestReceivedTimestamp) / 1e6) * 1e6),
    );
    const t = await store.backend.timeline(query(), { bucketSeconds: 1, splitLimit: 5 });
    expect(t.buckets).toHaveLength(3600);
    expect(t.total).toBe(554);
    const nonEmpty = new Map(
      t.buckets.filter((b) => b.total > 0).map((b) => [String(micros(b.start)), b.total]),
    );
    expect(nonEmpty).toEqual(expected);
  });

  test('timeline split by verb: top values and other add up per bucket', async () => {
    const t = await store.backend.timeline(query(), {
      bucketSeconds: 10,
      splitLimit: 2,
      split: 'verb',
    });
    expect(t.series).toEqual(['create', 'get', '__other__']);
    for (const b of t.buckets) {
      expect(Object.values(b.counts).reduce((s, c) => s + c, 0)).toBe(b.total);
    }
  });

  test('paging through every request with a cursor never skips or repeats one', async () => {
    for (const sort of ['time-desc', 'time-asc'] as const) {
      const seen: string[] = [];
      const times: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await store.backend.search(query({ limit: 37, cursor, sort }));
        for (const e of page.events) {
          seen.push(`${e.auditID}/${e.stage}`);
          times.push(e.time);
        }
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(Math.ceil(554 / 37));
      expect(new Set(seen).size).toBe(554);
      expect(new Set(seen)).toEqual(new Set(requests.map((e) => `${e.auditID}/${e.stage}`)));
      const sorted = [...times].sort();
      expect(times).toEqual(sort === 'time-asc' ? sorted : sorted.reverse());
    }
  });

  test('include, exclude, prefix and free-text filters match what the files say', async () => {
    const f = (
      dimension: DimensionFilter['dimension'],
      exclude: boolean,
      ...values: string[]
    ): DimensionFilter => ({
      dimension,
      exclude,
      values: values.map((v) =>
        v.endsWith('*')
          ? { op: 'prefix' as const, value: v.slice(0, -1) }
          : { op: 'eq' as const, value: v },
      ),
    });
    const cases: Array<[DimensionFilter[], string, (e: Raw) => boolean]> = [
      [[f('user', false, 'system:*')], '', (e) => (e.user.username ?? '').startsWith('system:')],
      [[f('verb', true, 'get', 'list')], '', (e) => e.verb !== 'get' && e.verb !== 'list'],
      [[f('code', false, '4*')], '', (e) => String(e.responseStatus?.code ?? '').startsWith('4')],
      [
        [f('resource', false, 'secrets'), f('user', true, 'admin')],
        '',
        (e) => e.objectRef?.resource === 'secrets' && e.user.username !== 'admin',
      ],
      [
        [],
        'SECRETS',
        (e) =>
          e.requestURI.toLowerCase().includes('secrets') ||
          (e.objectRef?.resource ?? '').includes('secrets'),
      ],
    ];
    for (const [filters, text, pred] of cases) {
      const got = await store.backend.search(query({ filters, text, limit: 1 }));
      expect(got.total, JSON.stringify(filters) + text).toBe(requests.filter(pred).length);
      expect(got.total).toBeGreaterThan(0);
    }
  });

  test('getEvent returns every stage of a request with its bodies', async () => {
    const withBody = raw.find(
      (e) =>
        e.stage === 'ResponseComplete' &&
        e.verb === 'create' &&
        e.objectRef?.resource === 'secrets',
    )!;
    const detail = await store.backend.getEvent(withBody.auditID);
    expect(detail?.stages.map((s) => s.stage)).toEqual(
      raw
        .filter((e) => e.auditID === withBody.auditID)
        .map((e) => e.stage)
        .sort((a, b) => (a === 'RequestReceived' ? -1 : b === 'RequestReceived' ? 1 : 0)),
    );
    const complete = detail!.stages.find((s) => s.stage === 'ResponseComplete')!;
    expect((complete.event.requestObject as { kind: string }).kind).toBe('Secret');
    expect(await store.backend.getEvent('no-such-id')).toBeNull();
  });

  test('importing the webhook batches after the log adds nothing (same auditID and stage)', async () => {
    const reports = await importPath(path.join(DIR, 'webhook'), {
      sink: store.sink,
      deadLetters: store.deadLetters,
      maxEventBytes: 5 * 1024 * 1024,
    });
    expect(reports.reduce((s, r) => s + r.events, 0)).toBe(1112);
    expect(reports.reduce((s, r) => s + r.inserted, 0)).toBe(0);
    expect(reports.every((r) => r.shapes['event-list'] === r.events)).toBe(true);
    expect((await store.backend.search(query({ limit: 1 }))).total).toBe(554);
  });
});
