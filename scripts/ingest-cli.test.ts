// The ingest command as a user runs it: a real process on a temporary store, its report
// on stdout, its errors on stderr with exit status 2.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { serverUrl } from '@/lib/testing/conformance/suite';
import { makeEvent } from '@/lib/testing/make-event';
import { haveShared, sharedPath } from '@/lib/testing/shared-data';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function ingest(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...args], {
      env: { ...process.env, AUDITLENS_SAMPLE_DATA: 'off' },
    });
    return { code: 0, ...r };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run ingest', () => {
  // Shipper documents whose Event fields sit at the root next to a `tag`: detection reads
  // them as Fluentd; --shape event reads them as plain Events.
  const file = path.join(dir, 'shipped.log');
  fs.writeFileSync(
    file,
    [1, 2, 3].map((n) => JSON.stringify({ ...makeEvent(n), tag: 'kube.audit' })).join('\n') +
      '\n{"protoPayload": {}}\n',
  );

  test('detects the shape per line and reports what it set aside', async () => {
    const r = await ingest(['--quiet', '--data-dir', path.join(dir, 'a'), file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /shipped\.log: 3 events \(fluentd: 3\), 3 new, 0 already stored, 1 set aside/,
    );
    expect(r.stdout).toMatch(/set aside line 4: .*protoPayload/);
  }, 120_000);

  test('--shape overrides detection, and a misfit line names the flag', async () => {
    const r = await ingest([
      '--quiet',
      '--shape',
      'event',
      '--data-dir',
      path.join(dir, 'b'),
      file,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/shipped\.log: 3 events \(event: 3\), 3 new/);
    expect(r.stdout).toMatch(/set aside line 4: --shape event: expected an Event/);
  }, 120_000);

  test('an unknown --shape is refused with the list of shapes', async () => {
    const r = await ingest(['--shape', 'splunk', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--shape: "splunk" is not one of event, event-list, fluentd/);
  }, 120_000);

  test('--to without what the store needs is refused, naming the flag', async () => {
    const loki = await ingest(['--to', 'loki', file]);
    expect(loki.code).toBe(2);
    expect(loki.stderr).toMatch(/--to loki needs --url/);
    const es = await ingest(['--to', 'elasticsearch', '--url', 'http://127.0.0.1:9', file]);
    expect(es.stderr).toMatch(/--to elasticsearch needs --index/);
    const bad = await ingest(['--to', 'splunk', file]);
    expect(bad.stderr).toMatch(/--to: "splunk" is not one of loki, elasticsearch/);
  }, 120_000);
});

// Recent events, so Loki shows them without a flush.
const now = Date.now();
const recent = [1, 2, 3, 4].map((n) =>
  makeEvent(n, {
    requestReceivedTimestamp: new Date(now - 60_000 + n * 1000).toISOString(),
    stageTimestamp: new Date(now - 60_000 + n * 1000 + 5).toISOString(),
  }),
);
const recentFile = path.join(dir, 'recent.log');
fs.writeFileSync(recentFile, recent.map((e) => JSON.stringify(e)).join('\n') + '\n');
const runId = `cli${process.pid}${now % 100000}`;

const loki = serverUrl('LOKI_URL');
describe.skipIf(loki.skip)('npm run ingest -- --to loki', () => {
  test('pushes every event into the labelled stream, once', async () => {
    const args = ['--quiet', '--to', 'loki', '--url', loki.url!, '--label', `job=${runId}`];
    const first = await ingest([...args, recentFile]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/recent\.log: 4 events \(event: 4\), 4 new/);
    await ingest([...args, recentFile]);
    const q = new URLSearchParams({
      query: `sum(count_over_time({job="${runId}"}[10m]))`,
      time: String(Math.floor(Date.now() / 1000)),
    });
    const r = await fetch(`${loki.url}/loki/api/v1/query?${q}`);
    const body = (await r.json()) as { data: { result: Array<{ value: [number, string] }> } };
    expect(body.data.result[0]?.value[1]).toBe('4');
  }, 120_000);
});

const es = serverUrl('ELASTICSEARCH_URL');
describe.skipIf(es.skip)('npm run ingest -- --to elasticsearch', () => {
  test('installs the template, loads every event once, and they are searchable', async () => {
    const index = `cli-${runId}`;
    const args = ['--quiet', '--to', 'elasticsearch', '--url', es.url!, '--index', index];
    const first = await ingest([...args, '--preset', 'elastic-agent', recentFile]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/4 new, 0 already stored/);
    const again = await ingest([...args, '--preset', 'elastic-agent', recentFile]);
    expect(again.stdout).toMatch(/0 new, 4 already stored/);
    const count = (await (await fetch(`${es.url}/${index}/_count`)).json()) as { count: number };
    expect(count.count).toBe(4);
    const template = await fetch(`${es.url}/_index_template/auditlens-${index}`);
    expect(template.status).toBe(200);
  }, 120_000);
});

const samples = ['data', 'audit-samples'] as const;
describe.skipIf(es.skip || loki.skip || !haveShared(...samples))(
  'npm run ingest -- --to with cloud exports',
  () => {
    // An AKS diagnostic-records batch and a GKE Cloud Audit Logs export: the writers take
    // every shape the importer reads, so a reviewer can load an export into their own store.
    const aks = sharedPath(...samples, 'sysdiglabs-aks-audit-log', 'event.json');
    const gke = sharedPath(
      ...samples,
      'GoogleCloudPlatform-khi',
      'k8s_audit__container_recorder_test_1_1.converted.jsonl',
    );

    test('an AKS batch and a GKE export land in Elasticsearch as the report says', async () => {
      const index = `cli-cloud-${runId}`;
      const args = ['--quiet', '--to', 'elasticsearch', '--url', es.url!, '--index', index];
      const r = await ingest([...args, aks, gke]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/event\.json: \d+ events \(aks: \d+\)/);
      expect(r.stdout).toMatch(/converted\.jsonl: \d+ events \(gke: \d+\)/);
      const total = Number(/total: 2 files, (\d+) events, (\d+) new/.exec(r.stdout)![2]);
      expect(total).toBeGreaterThan(0);
      const count = (await (await fetch(`${es.url}/${index}/_count`)).json()) as { count: number };
      expect(count.count).toBe(total);
    }, 180_000);

    test('the GKE export goes to Loki too', async () => {
      // Loki takes entries only within an hour of its stream's newest, so a fresh stream.
      const args = ['--quiet', '--to', 'loki', '--url', loki.url!, '--label', `job=gke${runId}`];
      const r = await ingest([...args, gke]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/converted\.jsonl: \d+ events \(gke: \d+\), \d+ new/);
    }, 180_000);
  },
);
