// The embedded store against ~32,000 generated events (plus a few hand-made edge cases).
// Every expected answer is computed from the generated objects with plain code
// (lib/testing/expected-answers.ts), never with the counting or SQL code under test.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { K8sAuditEvent } from '@/lib/audit/types';
import { OTHER_KEY } from '@/lib/backends/types';
import { importPath } from '@/lib/ingest/import-path';
import type { AuditQuery, DimensionFilter } from '@/lib/query/types';
import { generateSampleEvents, SAMPLE_STORIES } from '@/lib/sample/generate';
import {
  ALL_STAGES,
  cmpEvent,
  countValues,
  f,
  isRequest,
  keyOf,
  matchesFilter,
  matchesText,
  micros,
  rangeQuery,
  seenValues,
  timeOf,
} from '@/lib/testing/expected-answers';
import { makeEvent } from '@/lib/testing/make-event';
import { tempStore } from '@/lib/testing/temp-store';

const END_MS = Date.UTC(2026, 10, 21);
const START_US = (END_MS - 86_400_000) * 1000;
const END_US = END_MS * 1000;

/** Edge cases the generator does not make: no stage, two source IPs, time fallbacks. */
const EXTRAS: K8sAuditEvent[] = [
  makeEvent(1, {
    stage: undefined,
    sourceIPs: ['203.0.113.200', '10.9.9.9'],
    user: { username: 'edge:no-stage', groups: ['edge:a', 'edge:b'] },
  }),
  makeEvent(2, {
    apiVersion: 'audit.k8s.io/v1beta1',
    requestReceivedTimestamp: undefined,
    stageTimestamp: undefined,
    timestamp: '2026-11-20T10:00:02.5Z',
  }),
  makeEvent(3, { requestReceivedTimestamp: undefined, stageTimestamp: '2026-11-20T10:00:03.25Z' }),
];

const RANGE = { startMicros: START_US, endMicros: END_US };
const query = (over: Partial<AuditQuery> = {}, range = RANGE) => rangeQuery(range, over);

describe('embedded store on generated data', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let dir: string;
  let file: string;
  let raw: K8sAuditEvent[];
  let requests: K8sAuditEvent[];

  /** What the store must answer for these filters and text, from the generated objects. */
  const expected = (filters: DimensionFilter[], text = '') =>
    (filters.some((x) => x.dimension === 'stage' && !x.exclude) ? raw : requests).filter(
      (e) => filters.every((x) => matchesFilter(e, x)) && (!text || matchesText(e, text)),
    );

  beforeAll(async () => {
    raw = [...generateSampleEvents({ seed: 42, end: END_MS, requests: 25_000 }), ...EXTRAS];
    raw = raw.map((e) => JSON.parse(JSON.stringify(e)) as K8sAuditEvent);
    requests = raw.filter(isRequest);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-generated-'));
    file = path.join(dir, 'generated.ndjson');
    fs.writeFileSync(file, raw.map((e) => JSON.stringify(e)).join('\n') + '\n');
    store = await tempStore();
    const [report] = await importPath(file, {
      sink: store.sink,
      deadLetters: store.deadLetters,
      maxEventBytes: 5 * 1024 * 1024,
    });
    expect(report).toMatchObject({ events: raw.length, inserted: raw.length, rejected: 0 });
  }, 180_000);
  afterAll(async () => {
    await store?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('counts requests by the rule, and every event with stage=*', async () => {
    expect(raw.length).toBeGreaterThan(30_000);
    expect(raw.every((e) => timeOf(e) >= START_US && timeOf(e) < END_US)).toBe(true);
    expect((await store.backend.search(query({ limit: 1 }))).total).toBe(requests.length);
    const all = await store.backend.search(query({ limit: 1, filters: [ALL_STAGES] }));
    expect(all.total).toBe(raw.length);
    expect((await store.backend.health()).details?.events).toBe(raw.length);
  });

  test.each(['user', 'verb', 'resource', 'namespace', 'code', 'sourceIP', 'group'])(
    'breakdown by %s equals the counts computed from the objects',
    async (dimension) => {
      const exp = countValues(requests, dimension);
      const d = dimension as DimensionFilter['dimension'];
      const full = await store.backend.breakdown(query(), { dimension: d, limit: 1000 });
      expect(full.rows).toEqual(exp.map(([value, count]) => ({ value, count })));
      expect(full.other).toBe(0);
      const top = await store.backend.breakdown(query(), { dimension: d, limit: 3 });
      expect(top.rows).toEqual(full.rows.slice(0, 3));
      expect(top.other).toBe(exp.slice(3).reduce((s, [, c]) => s + c, 0));
      expect(top.total).toBe(requests.length);
    },
  );

  test('breakdown by stage with stage=* counts every stored event', async () => {
    const got = await store.backend.breakdown(query({ filters: [ALL_STAGES] }), {
      dimension: 'stage',
      limit: 10,
    });
    expect(got.rows).toEqual(countValues(raw, 'stage').map(([value, count]) => ({ value, count })));
  });

  test.each([
    [3600, START_US, END_US],
    [300, START_US, END_US],
    [300, START_US + 4_000_123_456, END_US - 7_654_321_000],
  ])('timeline of %is buckets in [%i, %i) equals counts from the objects', async (s, lo, hi) => {
    const step = s * 1e6;
    const exp = new Map<number, number>();
    for (let t = Math.floor(lo / step) * step; t < hi; t += step) exp.set(t, 0);
    const inRange = requests.filter((e) => timeOf(e) >= lo && timeOf(e) < hi);
    for (const e of inRange) {
      const b = Math.floor(timeOf(e) / step) * step;
      exp.set(b, exp.get(b)! + 1);
    }
    const t = await store.backend.timeline(query({}, { startMicros: lo, endMicros: hi }), {
      bucketSeconds: s,
      splitLimit: 3,
    });
    expect(new Map(t.buckets.map((b) => [micros(b.start), b.total]))).toEqual(exp);
    expect(t.total).toBe(inRange.length);
  });

  test.each(['verb', 'group'] as const)(
    'timeline split by %s: top 3 series in order, per-bucket counts and other',
    async (split) => {
      const step = 600e6;
      const top = countValues(requests, split)
        .slice(0, 3)
        .map(([v]) => v);
      const exp = new Map<number, Record<string, number>>();
      for (let t = START_US; t < END_US; t += step) exp.set(t, {});
      for (const e of requests) {
        const counts = exp.get(Math.floor(timeOf(e) / step) * step)!;
        for (const v of seenValues(e, split)) {
          const k = top.includes(v) ? v : OTHER_KEY;
          counts[k] = (counts[k] ?? 0) + 1;
        }
      }
      const t = await store.backend.timeline(query(), { bucketSeconds: 600, splitLimit: 3, split });
      expect(t.series).toEqual([...top, OTHER_KEY]);
      expect(new Map(t.buckets.map((b) => [micros(b.start), b.counts]))).toEqual(exp);
      expect(t.total).toBe(requests.length);
    },
  );

  test('filters and free text match what the objects say', async () => {
    const someID = requests[1234]!.auditID!;
    const cases: Array<[DimensionFilter[], string]> = [
      [[f('user', false, 'system:serviceaccount:*')], ''],
      [[f('user', true, 'system:serviceaccount:*')], ''],
      [[f('verb', true, 'get', 'list')], ''],
      [[f('code', false, '4*')], ''],
      [[f('code', false, '401')], ''],
      [[f('group', false, 'system:masters', 'system:nodes')], ''],
      [[f('group', true, 'system:authenticated')], ''],
      [[f('group', false, '')], ''],
      [[f('namespace', false, '')], ''],
      [[f('namespace', true, '')], ''],
      [[f('resource', false, 'secrets'), f('user', true, 'system:serviceaccount:*')], ''],
      [[f('sourceIP', false, '10.*')], ''],
      [[f('sourceIP', false, '10.9.9.9')], ''],
      [[f('stage', false, 'ResponseStarted')], ''],
      [[f('stage', true, 'Panic')], ''],
      [[], 'KUBE-SYSTEM'],
      [[], 'Kubectl/'],
      [[], '203.0.113.'],
      [[], someID.slice(9, 23).toUpperCase()],
      [[f('verb', false, 'create')], 'SeCrEtS'],
    ];
    for (const [filters, text] of cases) {
      const got = await store.backend.search(query({ filters, text, limit: 5 }));
      const exp = expected(filters, text);
      expect(got.total, JSON.stringify(filters) + text).toBe(exp.length);
      expect(got.total, JSON.stringify(filters) + text).toBeGreaterThan(0);
      const newest = [...exp].sort(cmpEvent).reverse().slice(0, 5);
      expect(got.events.map(keyOf)).toEqual(newest.map(keyOf));
    }
  });

  test.each([
    ['time-desc', false],
    ['time-asc', false],
    ['time-asc', true],
  ] as const)(
    'paging %s (stage=* %s) with limit 97 visits every event once, in order',
    async (sort, all) => {
      const filters = all ? [ALL_STAGES] : [];
      const exp = [...expected(filters)].sort(cmpEvent);
      if (sort === 'time-desc') exp.reverse();
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await store.backend.search(query({ limit: 97, cursor, sort, filters }));
        seen.push(...page.events.map(keyOf));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(Math.ceil(exp.length / 97));
      if (seen.join('\n') !== exp.map(keyOf).join('\n')) expect(seen).toEqual(exp.map(keyOf));
    },
  );

  test('getEvent returns every stage in order with the generated bodies', async () => {
    const counts = new Map<string, number>();
    for (const e of raw) counts.set(e.auditID!, (counts.get(e.auditID!) ?? 0) + 1);
    const id = raw.find((e) => counts.get(e.auditID!) === 3)!.auditID!;
    const detail = await store.backend.getEvent(id);
    const order = ['RequestReceived', 'ResponseStarted', 'ResponseComplete', 'Panic'];
    const exp = raw
      .filter((e) => e.auditID === id)
      .sort((a, b) => order.indexOf(a.stage!) - order.indexOf(b.stage!));
    expect(detail?.stages.map((s) => s.stage)).toEqual(exp.map((e) => e.stage));
    expect(detail?.stages.map((s) => s.event)).toEqual(exp);
    expect(detail?.stages.map((s) => micros(s.time))).toEqual(exp.map(timeOf));
    const noStage = await store.backend.getEvent(EXTRAS[0]!.auditID!);
    expect(noStage?.stages.map((s) => [s.stage, s.event.sourceIPs])).toEqual([
      ['', ['203.0.113.200', '10.9.9.9']],
    ]);
    expect(await store.backend.getEvent('no-such-id')).toBeNull();
  });

  test('the hand-made events get their time from stageTimestamp or v1beta1 timestamp', async () => {
    const page = await store.backend.search(query({ text: '00000000-0000-4000-8000-', limit: 10 }));
    expect(page.events.map((e) => [e.auditID.slice(-1), e.stage, e.time])).toEqual([
      ['3', 'ResponseComplete', '2026-11-20T10:00:03.250000Z'],
      ['2', 'ResponseComplete', '2026-11-20T10:00:02.500000Z'],
      ['1', '', '2026-11-20T10:00:01.000000Z'],
    ]);
  });

  test.each(SAMPLE_STORIES.map((s) => [s.id, s] as const))(
    'story %s: its filter finds its events',
    async (_id, story) => {
      const filters = Object.entries(story.filter).map(([k, v]) => f(k, false, v!));
      const stars = [...filters.filter((x) => x.dimension !== 'stage'), ALL_STAGES];
      for (const q of [filters, stars]) {
        const got = await store.backend.search(query({ filters: q, limit: 1 }));
        expect(got.total, JSON.stringify(q)).toBe(expected(q).length);
      }
      expect(expected(filters).length).toBeGreaterThan(0);
    },
  );

  test('re-importing the same file stores nothing new', async () => {
    const [report] = await importPath(file, {
      sink: store.sink,
      deadLetters: store.deadLetters,
      maxEventBytes: 5 * 1024 * 1024,
    });
    expect(report).toMatchObject({ events: raw.length, inserted: 0, duplicates: raw.length });
    expect((await store.backend.search(query({ limit: 1 }))).total).toBe(requests.length);
  });
});
