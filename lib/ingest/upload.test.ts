// Uploads go through importUpload as the route hands them over: one file's raw bytes and its
// name. The real cloud exports come from ../shared/data/audit-samples.

import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { haveShared, sharedPath } from '@/lib/testing/shared-data';
import { tempStore } from '@/lib/testing/temp-store';
import { crossSiteRefusal, importUpload, uploadName } from './upload';

const MAX_EVENT_BYTES = 5 * 1024 * 1024;
const present = haveShared('data', 'audit-samples');
const sample = (p: string): Buffer => fs.readFileSync(sharedPath('data', 'audit-samples', p));

let store: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => {
  store = await tempStore();
});
afterAll(async () => {
  await store?.dispose();
});

const ctx = () => ({
  sink: store.sink,
  deadLetters: store.deadLetters,
  maxEventBytes: MAX_EVENT_BYTES,
});

function event(id: string, time: string, verb = 'get'): string {
  return JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: id,
    stage: 'ResponseComplete',
    requestURI: '/api/v1/namespaces/default/pods',
    verb,
    user: { username: 'upload-test' },
    sourceIPs: ['10.1.2.3'],
    responseStatus: { code: 200 },
    requestReceivedTimestamp: time,
    stageTimestamp: time,
  });
}

describe.skipIf(!present)('uploads of the cloud exports in ../shared/data/audit-samples', () => {
  test('an AKS Event Hubs batch: 22 kube-audit records, then the same file again', async () => {
    const bytes = sample('sysdiglabs-aks-audit-log/event.json');
    const first = await importUpload(bytes, 'event.json', ctx());
    expect(first).toMatchObject({
      source: 'event.json',
      shapes: { aks: 22 },
      events: 22,
      inserted: 22,
      duplicates: 0,
      rejected: 0,
      warnings: [],
      minTime: '2020-05-05T15:45:26.352397Z',
      maxTime: '2020-05-05T16:16:38.370618Z',
    });
    const again = await importUpload(bytes, 'event.json', ctx());
    expect(again).toMatchObject({ events: 22, inserted: 0, duplicates: 22 });
  });

  test('an AKS storage-account blob (PT1H.json: one diagnostic record per line)', async () => {
    const { records } = JSON.parse(sample('sysdiglabs-aks-audit-log/event.json').toString()) as {
      records: unknown[];
    };
    const blob = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
    const r = await importUpload(Buffer.from(blob), 'PT1H.json', ctx());
    expect(r).toMatchObject({ shapes: { aks: 22 }, events: 22, rejected: 0 });
  });

  test('a GKE Cloud Audit Logs export (JSON lines)', async () => {
    const name = 'k8s_audit__container_recorder_test_1_1.converted.jsonl';
    const r = await importUpload(sample(`GoogleCloudPlatform-khi/${name}`), name, ctx());
    expect(r).toMatchObject({ shapes: { gke: 1 }, events: 1, inserted: 1, rejected: 0 });
    expect(r.minTime).toMatch(/^2024-01-01T01:00:00/);
    expect(r.maxTime).toBe(r.minTime);
  });

  test('a YAML file, by its name: the GKE entry again and a raw Event', async () => {
    const gke = await importUpload(
      sample('GoogleCloudPlatform-khi/k8s_audit__container_recorder_test_1_1.yaml'),
      'k8s_audit__container_recorder_test_1_1.yaml',
      ctx(),
    );
    expect(gke).toMatchObject({ shapes: { gke: 1 }, events: 1, inserted: 0, duplicates: 1 });
    const raw = await importUpload(
      sample('GoogleCloudPlatform-khi/oss__test-log.yaml'),
      'oss__test-log.yml',
      ctx(),
    );
    expect(raw).toMatchObject({ shapes: { event: 1 }, events: 1, inserted: 1, rejected: 0 });
  });

  test('a gzip file, recognised by its bytes whatever its name', async () => {
    const gz = zlib.gzipSync(sample('liggitt-audit2rbac/demo.v1.log'));
    const r = await importUpload(gz, 'demo.log', ctx());
    expect(r).toMatchObject({ shapes: { event: 37 }, events: 37, inserted: 37, rejected: 0 });
    expect(r.warnings).toEqual([]);
  });
});

describe('uploads of generated files', () => {
  test('a cut-short gzip keeps the events before the cut and warns', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) =>
      event(`cut-${i}`, `2026-01-02T03:04:${String(i % 60).padStart(2, '0')}.000000Z`),
    );
    const gz = zlib.gzipSync(lines.join('\n') + '\n');
    const r = await importUpload(gz.subarray(0, Math.floor(gz.length / 2)), 'cut.log.gz', ctx());
    expect(r.events).toBeGreaterThan(0);
    expect(r.events).toBeLessThan(2000);
    expect(r.inserted).toBe(r.events);
    expect(r.warnings.join(' ')).toMatch(/gzip data is damaged or cut short/);
  });

  test('a gzip YAML file, with a bad document set aside and the rest kept', async () => {
    const yaml = [
      'kind: Event\napiVersion: audit.k8s.io/v1\nlevel: Metadata\nauditID: yaml-1\nstage: ResponseComplete\nrequestURI: /api\nverb: get\nuser: {username: yaml-user}\nrequestReceivedTimestamp: "2026-01-02T00:00:00.000000Z"\nstageTimestamp: "2026-01-02T00:00:01.000000Z"',
      'kind: 0',
      'kind: Event\napiVersion: audit.k8s.io/v1\nlevel: Metadata\nauditID: yaml-2\nstage: ResponseComplete\nrequestURI: /api\nverb: list\nuser: {username: yaml-user}\nrequestReceivedTimestamp: "2026-01-03T00:00:00.000000Z"\nstageTimestamp: "2026-01-03T00:00:01.000000Z"',
    ].join('\n---\n');
    const r = await importUpload(zlib.gzipSync(yaml), 'events.yaml.gz', ctx());
    expect(r).toMatchObject({
      events: 2,
      inserted: 2,
      rejected: 1,
      minTime: '2026-01-02T00:00:00.000000Z',
      maxTime: '2026-01-03T00:00:00.000000Z',
    });
    expect(r.rejections[0]!.index).toBe(1);
  });

  test('an empty file says so', async () => {
    const r = await importUpload(Buffer.alloc(0), 'empty.json', ctx());
    expect(r.events).toBe(0);
    expect(r.warnings).toEqual(['the input is empty: no events']);
    expect(r.minTime).toBeUndefined();
  });

  test('names are labels: directories and control characters are dropped', () => {
    expect(uploadName('../../etc/passwd')).toBe('passwd');
    expect(uploadName('a\u0000b\n.log')).toBe('a?b?.log');
    expect(uploadName(null)).toBe('upload');
  });
});

describe('crossSiteRefusal', () => {
  const h = (o: Record<string, string>) => new Headers(o);
  test('takes same-origin requests', () => {
    expect(crossSiteRefusal(h({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }))).toBe(
      null,
    );
    expect(crossSiteRefusal(h({ host: 'x', 'sec-fetch-site': 'same-origin' }))).toBe(null);
    // Behind a proxy that rewrites Host, the browser's Sec-Fetch-Site still says same-origin.
    expect(
      crossSiteRefusal(
        h({
          host: '127.0.0.1:3000',
          origin: 'https://audit.example.com',
          'sec-fetch-site': 'same-origin',
        }),
      ),
    ).toBe(null);
    expect(
      crossSiteRefusal(
        h({
          host: 'internal:3000',
          'x-forwarded-host': 'audit.example.com',
          origin: 'https://audit.example.com',
        }),
      ),
    ).toBe(null);
  });
  test('refuses other sites and requests that say nothing', () => {
    expect(crossSiteRefusal(h({ host: '127.0.0.1:3000', origin: 'http://evil.example' }))).toMatch(
      /evil\.example/,
    );
    expect(crossSiteRefusal(h({ host: '127.0.0.1:3000' }))).toMatch(/Origin/);
    expect(
      crossSiteRefusal(
        h({
          host: '127.0.0.1:3000',
          origin: 'http://127.0.0.1:3000',
          'sec-fetch-site': 'cross-site',
        }),
      ),
    ).toMatch(/cross-site/);
    expect(crossSiteRefusal(h({ host: '127.0.0.1:3000', origin: 'null' }))).toMatch(/Origin/);
  });
});
