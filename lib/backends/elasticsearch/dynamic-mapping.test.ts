// An index a shipper filled without the Auditlens template: dynamic mapping makes strings
// text with a `.keyword` sub-field, responseStatus.code a long and @timestamp a
// millisecond date. The adapter reads that from the mapping; answers still match the
// embedded store (events here lie in distinct milliseconds), and health warns of the limits.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalize } from '@/lib/audit/normalize';
import type { AuditEvent, K8sAuditEvent } from '@/lib/audit/types';
import type { ConformanceCase } from '@/lib/testing/conformance/cases';
import { answerCase } from '@/lib/testing/conformance/suite';
import { f, micros } from '@/lib/testing/expected-answers';
import { makeEvent } from '@/lib/testing/make-event';
import { tempStore } from '@/lib/testing/temp-store';
import { documentFor, documentId } from './documents';
import { ElasticsearchBackend } from './elasticsearch-backend';
import { dropIndex, testIndex } from './testing/conformance-kit';

const CODES = [200, 200, 201, 401, 403, 404, 500, 200, 409];
const STAGES = ['ResponseComplete', 'ResponseComplete', 'RequestReceived', 'ResponseStarted'];

function events(): K8sAuditEvent[] {
  return Array.from({ length: 60 }, (_, n) => {
    const code = CODES[n % CODES.length]!;
    const stage = STAGES[n % STAGES.length]!;
    return makeEvent(n, {
      stage,
      responseStatus: { metadata: {}, code },
      user: {
        username: n % 7 === 0 ? `system:serviceaccount:kube-system:sa-${n % 3}` : `User-${n % 5}`,
        groups: n % 4 === 0 ? [] : ['system:authenticated', `team-${n % 3}`],
      },
      ...(n % 6 === 0 ? { objectRef: { resource: 'nodes', name: `node-${n}` } } : {}),
      annotations: { 'authorization.k8s.io/decision': code === 403 ? 'forbid' : 'allow' },
    });
  });
}

function normalized(list: K8sAuditEvent[]): AuditEvent[] {
  return list.flatMap((e) => {
    const r = normalize(e);
    return r.ok ? r.events : [];
  });
}

const servers = [
  ['Elasticsearch', process.env.ELASTICSEARCH_URL],
  ['OpenSearch', process.env.OPENSEARCH_URL],
] as const;

for (const [product, url] of servers) {
  describe.skipIf(!url)(`${product}: an index with a dynamic mapping`, () => {
    const index = testIndex('dynamic');
    const raw = events();
    const times = raw.map((e) => micros(e.requestReceivedTimestamp!));
    const ds = {
      startMicros: Math.min(...times),
      endMicros: Math.max(...times) + 1,
      events: raw,
    };
    let reference: Awaited<ReturnType<typeof tempStore>>;
    let backend: ElasticsearchBackend;

    beforeAll(async () => {
      const ndjson = normalized(raw)
        .map(
          (e) =>
            `${JSON.stringify({ create: { _id: documentId(e) } })}\n${JSON.stringify(documentFor(e, 'fluentd'))}\n`,
        )
        .join('');
      const res = await fetch(`${url}/${index}/_bulk?refresh=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson' },
        body: ndjson,
      });
      const body = (await res.json()) as { errors: boolean };
      expect(body.errors).toBe(false);
      reference = await tempStore();
      await reference.backend.insert(normalized(raw));
      backend = new ElasticsearchBackend({
        name: 'dynamic',
        type: 'elasticsearch',
        url: url!,
        index,
        preset: 'fluentd',
        timeoutMs: 30_000,
      });
    });
    afterAll(async () => {
      await dropIndex(url!, index);
      await reference?.dispose();
    });

    test('health names the precision and length limits of the mapping', async () => {
      const h = await backend.health();
      expect(h.ok).toBe(true);
      const warnings = (h.details?.warnings as string[]).join('\n');
      expect(warnings).toContain('@timestamp is a date with millisecond precision');
      expect(warnings).toContain('user.username.keyword');
    });

    const cases: ConformanceCase[] = [
      { id: 'all', kind: 'search', query: { limit: 100 } },
      {
        id: 'every stage',
        kind: 'searchAll',
        query: { limit: 7, filters: [f('stage', false, '*')] },
      },
      { id: 'user', kind: 'search', query: { filters: [f('user', false, 'User-2')] } },
      { id: 'user prefix', kind: 'search', query: { filters: [f('user', true, 'system:*')] } },
      { id: 'code prefix (long)', kind: 'search', query: { filters: [f('code', false, '4*')] } },
      { id: 'code eq (long)', kind: 'search', query: { filters: [f('code', false, '500', 'x')] } },
      { id: 'group missing', kind: 'search', query: { filters: [f('group', false, '')] } },
      { id: 'namespace missing', kind: 'search', query: { filters: [f('namespace', false, '')] } },
      { id: 'decision', kind: 'search', query: { filters: [f('decision', false, 'forbid')] } },
      { id: 'free text', kind: 'search', query: { text: 'user-3' } },
      { id: 'breakdown user', kind: 'breakdown', query: {}, dimension: 'user', limit: 3 },
      { id: 'breakdown code', kind: 'breakdown', query: {}, dimension: 'code', limit: 4 },
      { id: 'breakdown group', kind: 'breakdown', query: {}, dimension: 'group', limit: 2 },
      { id: 'breakdown namespace', kind: 'breakdown', query: {}, dimension: 'namespace', limit: 9 },
      {
        id: 'timeline by code',
        kind: 'timeline',
        query: { filters: [f('stage', false, '*')] },
        bucketSeconds: 10,
        split: 'code',
        splitLimit: 3,
      },
      { id: 'one event', kind: 'getEvent', auditID: raw[5]!.auditID! },
    ];
    for (const c of cases) {
      test(`${c.kind}: ${c.id} answers like the embedded store`, async () => {
        const want = await answerCase(reference.backend, ds, c);
        expect(await answerCase(backend, ds, c)).toEqual(want);
      });
    }
  });
}
