// The conformance queries: one list, run against every store. Values are picked from the
// dataset (the second most common value of each dimension, so neither trivial nor empty),
// so the cases stay meaningful when the generator changes.

import { DIMENSIONS, type DimensionKey } from '@/lib/audit/dimensions';
import type { K8sAuditEvent } from '@/lib/audit/types';
import type { AuditQuery, DimensionFilter, ResolvedRange } from '@/lib/query/types';
import { countValues, f, isRequest, timeOf } from '@/lib/testing/expected-answers';
import { HOSTILE_USER, SHARED_TIME_OFFSET_US, type ConformanceDataset } from './dataset';

export type ConformanceCase =
  | { id: string; kind: 'search'; query: Partial<AuditQuery>; range?: ResolvedRange }
  /** Pages through to the end with a small page size; compares the whole sequence. */
  | { id: string; kind: 'searchAll'; query: Partial<AuditQuery>; range?: ResolvedRange }
  | {
      id: string;
      kind: 'timeline';
      query: Partial<AuditQuery>;
      range?: ResolvedRange;
      bucketSeconds: number;
      split?: DimensionKey;
      splitLimit: number;
    }
  | {
      id: string;
      kind: 'breakdown';
      query: Partial<AuditQuery>;
      range?: ResolvedRange;
      dimension: DimensionKey;
      limit: number;
    }
  | { id: string; kind: 'getEvent'; auditID: string };

function secondValue(events: K8sAuditEvent[], key: string): string {
  const counted = countValues(events.filter(isRequest), key).filter(([v]) => v !== '');
  return (counted[1] ?? counted[0])![0];
}

export function conformanceCases(ds: ConformanceDataset): ConformanceCase[] {
  const { events, startMicros: start, endMicros: end } = ds;
  const cases: ConformanceCase[] = [];
  const filters = (...fs: DimensionFilter[]) => ({ filters: fs, limit: 25 });

  // Every dimension as include and as exclude.
  for (const d of DIMENSIONS) {
    const v = d.key === 'stage' ? 'ResponseStarted' : secondValue(events, d.key);
    cases.push({ id: `include ${d.key}=${v}`, kind: 'search', query: filters(f(d.key, false, v)) });
    cases.push({ id: `exclude ${d.key}!=${v}`, kind: 'search', query: filters(f(d.key, true, v)) });
  }

  // Several values, wildcards, missing values, combinations.
  cases.push(
    { id: 'verb=get or list', kind: 'search', query: filters(f('verb', false, 'get', 'list')) },
    {
      id: 'user prefix',
      kind: 'search',
      query: filters(f('user', false, 'system:serviceaccount:*')),
    },
    { id: 'user prefix excluded', kind: 'search', query: filters(f('user', true, 'system:*')) },
    { id: 'code=4*', kind: 'search', query: filters(f('code', false, '4*')) },
    { id: 'namespace missing', kind: 'search', query: filters(f('namespace', false, '')) },
    { id: 'namespace present', kind: 'search', query: filters(f('namespace', true, '')) },
    {
      id: 'group prefix or exact',
      kind: 'search',
      query: filters(f('group', false, 'system:node*', 'edge:b')),
    },
    { id: 'sourceIP excluded', kind: 'search', query: filters(f('sourceIP', true, '10.*')) },
    {
      id: 'secrets not by service accounts',
      kind: 'search',
      query: filters(f('resource', false, 'secrets'), f('user', true, 'system:serviceaccount:*')),
    },
    { id: 'stage=* counts every event', kind: 'search', query: filters(f('stage', false, '*')) },
    {
      id: 'hostile user matches itself',
      kind: 'search',
      query: filters(f('user', false, HOSTILE_USER)),
    },
    { id: 'hostile prefix', kind: 'search', query: filters(f('user', false, 'evil"} |= `x*')) },
    { id: 'hostile group', kind: 'search', query: filters(f('group', false, 'grp\\backslash')) },
    {
      id: 'regex-looking value is literal',
      kind: 'search',
      query: filters(f('name', false, 'n\\a.m*')),
    },
    { id: 'free text', kind: 'search', query: { text: 'secret', limit: 25 } },
    { id: 'free text ignores case', kind: 'search', query: { text: 'KUBE-SYSTEM', limit: 25 } },
    { id: 'free text non-ASCII', kind: 'search', query: { text: 'zoë@example', limit: 25 } },
    { id: 'free text in source IP', kind: 'search', query: { text: '203.0.113.', limit: 25 } },
    { id: 'free text hostile', kind: 'search', query: { text: '"quotes" and \\back', limit: 25 } },
    { id: 'nothing matches', kind: 'search', query: filters(f('user', false, 'no-such-user')) },
  );

  // Time edges: an event exactly at the start is in, exactly at the end is out.
  const times = [...new Set(events.map(timeOf))].sort((a, b) => a - b);
  const a = times[Math.floor(times.length / 3)]!;
  const b = times[Math.floor((2 * times.length) / 3)]!;
  const shared = start + SHARED_TIME_OFFSET_US;
  cases.push(
    {
      id: 'range starts on an event',
      kind: 'searchAll',
      query: { limit: 200 },
      range: { startMicros: b, endMicros: end },
    },
    {
      id: 'range ends on an event',
      kind: 'search',
      query: { limit: 30, sort: 'time-asc' },
      range: { startMicros: a, endMicros: b },
    },
    {
      id: 'one microsecond',
      kind: 'searchAll',
      query: { limit: 2, filters: [f('stage', false, '*')] },
      range: { startMicros: shared, endMicros: shared + 1 },
    },
    {
      id: 'empty range',
      kind: 'search',
      query: { limit: 10 },
      range: { startMicros: start - 3_600_000_000, endMicros: start },
    },
  );

  // Pagination to the end, both orders, with ties in one microsecond.
  cases.push(
    { id: 'page to the end, newest first', kind: 'searchAll', query: { limit: 97 } },
    {
      id: 'page to the end, oldest first',
      kind: 'searchAll',
      query: { limit: 250, sort: 'time-asc' },
    },
    {
      id: 'page every stage through ties',
      kind: 'searchAll',
      query: { limit: 3, filters: [f('stage', false, '*')] },
      range: { startMicros: shared - 60_000_000, endMicros: shared + 60_000_000 },
    },
    {
      id: 'page a filtered view',
      kind: 'searchAll',
      query: { limit: 20, filters: [f('verb', false, 'create', 'delete', 'patch', 'update')] },
    },
  );

  // Timelines.
  cases.push(
    { id: 'timeline 5m', kind: 'timeline', query: {}, bucketSeconds: 300, splitLimit: 5 },
    {
      id: 'timeline 1m, offset range',
      kind: 'timeline',
      query: {},
      bucketSeconds: 60,
      splitLimit: 5,
      range: { startMicros: start + 123_456_789, endMicros: end - 987_654_321 },
    },
    {
      id: 'timeline split by verb',
      kind: 'timeline',
      query: {},
      bucketSeconds: 600,
      split: 'verb',
      splitLimit: 4,
    },
    {
      id: 'timeline split by user, other',
      kind: 'timeline',
      query: {},
      bucketSeconds: 900,
      split: 'user',
      splitLimit: 3,
    },
    {
      id: 'timeline split by group (list)',
      kind: 'timeline',
      query: {},
      bucketSeconds: 1800,
      split: 'group',
      splitLimit: 3,
    },
    {
      id: 'timeline split by code, filtered',
      kind: 'timeline',
      query: { filters: [f('user', true, 'system:*')] },
      bucketSeconds: 300,
      split: 'code',
      splitLimit: 10,
    },
    {
      id: 'timeline of every stage',
      kind: 'timeline',
      query: { filters: [f('stage', false, '*')] },
      bucketSeconds: 3600,
      split: 'stage',
      splitLimit: 5,
    },
  );

  // Breakdowns, with and without "other".
  for (const [dimension, limit] of [
    ['user', 5],
    ['verb', 100],
    ['resource', 8],
    ['namespace', 3],
    ['code', 10],
    ['sourceIP', 4],
    ['group', 3],
    ['userAgent', 5],
    ['subresource', 10],
    ['decision', 5],
  ] as const) {
    cases.push({
      id: `breakdown ${dimension} top ${limit}`,
      kind: 'breakdown',
      query: {},
      dimension,
      limit,
    });
  }
  cases.push(
    {
      id: 'breakdown user of denied requests',
      kind: 'breakdown',
      query: { filters: [f('code', false, '401', '403')] },
      dimension: 'user',
      limit: 5,
    },
    {
      id: 'breakdown of nothing',
      kind: 'breakdown',
      query: { filters: [f('verb', false, 'no-such-verb')] },
      dimension: 'user',
      limit: 5,
    },
  );

  // One event by auditID: every stage; and an unknown ID.
  const multiStage = events.find(
    (e) => e.stage === 'RequestReceived' && events.some((o) => o.auditID === e.auditID && o !== e),
  )!;
  cases.push(
    { id: 'event with every stage', kind: 'getEvent', auditID: multiStage.auditID! },
    {
      id: 'event with hostile fields',
      kind: 'getEvent',
      auditID: events.find((e) => e.user?.username === HOSTILE_USER)!.auditID!,
    },
    { id: 'unknown event', kind: 'getEvent', auditID: '00000000-0000-4000-8000-ffffffffffff' },
  );
  return cases;
}
