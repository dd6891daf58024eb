// Every file of the public audit-log corpus in ../shared/data/audit-samples, imported into
// one store. Expectations come from reading the files (and validate.py), not from our code.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AuditQuery } from '@/lib/query/types';
import { importPath } from '@/lib/ingest/import-path';
import type { ImportReport } from '@/lib/ingest/report';
import { ALL_STAGES, f, micros, rangeQuery } from '@/lib/testing/expected-answers';
import { haveShared, sharedPath } from '@/lib/testing/shared-data';
import { tempStore } from '@/lib/testing/temp-store';

const DIR = sharedPath('data', 'audit-samples');
const present = haveShared('data', 'audit-samples');

/** The files hold old timestamps (2017–2025): query a range that covers them all. */
const WIDE = {
  startMicros: micros('2000-01-01T00:00:00Z'),
  endMicros: micros('2100-01-01T00:00:00Z'),
};
const query = (over: Partial<AuditQuery> = {}) => rangeQuery(WIDE, over);

interface Expected {
  /** Events that normalized; `stored` of them are new (the rest share auditID and stage with a file imported before). */
  events: number;
  stored: number;
  setAside: number;
}

const row = (events: number, stored: number, setAside = 0): Expected => ({
  events,
  stored,
  setAside,
});

// Files are imported in listImportFiles order: names sorted, sub-folders after files.
const EXPECTED: Record<string, Expected> = {
  // One GKE LogEntry each (auditID from operation.id); each .yaml is the original of the
  // .converted.jsonl imported just before it, so it adds nothing new.
  ...Object.fromEntries(
    ['1_1', '1_2', '1_3'].flatMap((n) => [
      [
        `GoogleCloudPlatform-khi/k8s_audit__container_recorder_test_${n}.converted.jsonl`,
        row(1, 1),
      ],
      [`GoogleCloudPlatform-khi/k8s_audit__container_recorder_test_${n}.yaml`, row(1, 0)],
    ]),
  ),
  'GoogleCloudPlatform-khi/oss__test-log.converted.jsonl': row(1, 1),
  // The YAML original of the .converted.jsonl copy imported just before it.
  'GoogleCloudPlatform-khi/oss__test-log.yaml': row(1, 0),
  'afcollins-kube-audit-log-tool/single-event.json': row(1, 1),
  // Go-cased {"Items": […]} body: its two items are the same event (auditID and stage).
  'crowdsecurity-crowdsec/webhook_body_valid_json.json': row(2, 1),
  'crowdsecurity-hub/k8s-audit-pod-exec-file.log': row(1, 1),
  'crowdsecurity-hub/k8s-audit-priv-pod-file.log': row(1, 1),
  // The three edited variants keep the original's auditID and stage.
  'kubernetes-sigs-apisnoop/audit_event.json': row(1, 1),
  'kubernetes-sigs-apisnoop/audit_event_bad_verb.json': row(1, 0),
  'kubernetes-sigs-apisnoop/audit_event_dummy_request.json': row(1, 0),
  'kubernetes-sigs-apisnoop/audit_event_part_count_too_high.json': row(1, 0),
  'kubernetes-test-infra/gcsreader_parsing_test_lines.log': row(3, 3),
  'liggitt-audit2rbac/demo.v1.log': row(37, 37),
  // Its 37 ResponseComplete events that the v1 file also holds are already stored.
  'liggitt-audit2rbac/demo.v1beta1.original-501d132.log': row(757, 720),
  'openshift-cluster-logging-operator/apiaudit/log5607_sample.json': row(1, 1),
  'openshift-cluster-logging-operator/apiaudit/policy_audit-want.log': row(4, 4),
  // Policy-filter input and outputs: the same requests at other levels.
  'openshift-cluster-logging-operator/apiaudit/policy_audit.log': row(5, 1),
  'openshift-cluster-logging-operator/apiaudit/vrl_audit_in.log': row(100, 95),
  'openshift-cluster-logging-operator/apiaudit/vrl_audit_out_exporter.log': row(9, 0),
  'openshift-cluster-logging-operator/hack-logsamples/otlp_audit_kube.json': row(3, 3),
  'openshift-cluster-logging-operator/hack-logsamples/otlp_audit_openshift.json': row(3, 3),
  'openshift-cluster-logging-operator/hack-logsamples/raw_audit_kubernetes.json': row(1, 1),
  'openshift-cluster-logging-operator/hack-logsamples/raw_audit_oauth-apiserver.json': row(1, 1),
  'openshift-cluster-logging-operator/hack-logsamples/raw_audit_openshift.json': row(1, 1),
  'openshift-cluster-logging-operator/hack-logsamples/viaq_audit_kubernetes.json': row(1, 1),
  'openshift-cluster-logging-operator/hack-logsamples/viaq_audit_openshift.json': row(1, 1),
  // 34 kube-audit records, none with a time: neither the Event nor the record (no `time`)
  // has one, so all are set aside, as the EKS events without one are.
  'panther-labs-panther-analysis/rule_tests_aks_diagnostic.jsonl': row(0, 0, 34),
  // 188 lines: 17 events with a time (9 distinct auditID+stage: the rule tests reuse IDs),
  // 170 with no time field at all and 1 with no Event field: set aside.
  'panther-labs-panther-analysis/rule_tests_eks_raw_event.jsonl': row(17, 9, 171),
  // 57 LogEntries: 6 are not Kubernetes calls (deploymentmanager, compute), 37 of the 51
  // io.k8s ones have no timestamp or receiveTimestamp; 14 are kept, all different.
  'panther-labs-panther-analysis/rule_tests_gke_cloud_audit.jsonl': row(14, 14, 43),
  // Not audit data (a JSON array of 279 index entries): stays set aside.
  'panther-labs-panther-analysis/rule_tests_index.json': row(0, 0, 279),
  'sysdiglabs-aks-audit-log/event.json': row(22, 22),
  'sysdiglabs-aks-audit-log/sample_EventHubs_event.json': row(1, 1),
  'sysdiglabs-aks-audit-log/sample_KubeAuditLog_event.json': row(1, 1),
};

// Falco: one Event per file, but one file has 6 lines; one fixture is `{"kind": 0}`; two
// files reuse the auditID of a file imported before them.
const FALCO = 'falcosecurity-falco/k8s_audit/';
function falcoExpected(name: string): Expected {
  if (name === 'fal_01_003.json') return row(0, 0, 1);
  if (name === 'create_configmap_sensitive_values.json') return row(6, 6);
  if (name === 'create_nginx_pod_privileged_2nd_container.json') return row(1, 0); // = …no_secctx_1st…
  if (name === 'some-user_creates_namespace_foo.json') return row(1, 0); // = anonymous_creates…
  return row(1, 1);
}

describe.skipIf(!present)(`public audit-log samples (${DIR})`, () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let reports: Map<string, ImportReport>;

  beforeAll(async () => {
    store = await tempStore();
    const list = await importPath(DIR, {
      sink: store.sink,
      deadLetters: store.deadLetters,
      maxEventBytes: 5 * 1024 * 1024,
    });
    reports = new Map(list.map((r) => [path.relative(DIR, r.source), r]));
  }, 120_000);
  afterAll(async () => store?.dispose());

  const expectedFor = (file: string): Expected =>
    file.startsWith(FALCO) ? falcoExpected(file.slice(FALCO.length)) : EXPECTED[file]!;

  test('every data file is imported and no file is unaccounted for', () => {
    const falco = fs.readdirSync(path.join(DIR, FALCO)).filter((n) => n.endsWith('.json'));
    expect(falco).toHaveLength(47);
    expect([...reports.keys()].sort()).toEqual(
      [...Object.keys(EXPECTED), ...falco.map((n) => FALCO + n)].sort(),
    );
  });

  test('per file: events stored, duplicates and inputs set aside', () => {
    const got: Record<string, Expected> = {};
    const want: Record<string, Expected> = {};
    for (const [file, r] of reports) {
      const e = expectedFor(file);
      want[file] = { events: e.events, stored: e.stored, setAside: e.setAside };
      got[file] = { events: r.events, stored: r.inserted, setAside: r.rejected };
      expect(r.duplicates, file).toBe(r.events - r.inserted);
      expect(r.warnings, file).toEqual([]);
    }
    expect(got).toEqual(want);
  });

  test('the cloud and shipper shapes are detected per file', () => {
    const shapes = (file: string) => reports.get(file)?.shapes;
    const khi = 'GoogleCloudPlatform-khi/k8s_audit__container_recorder_test_1_1';
    expect(shapes(`${khi}.converted.jsonl`)).toEqual({ gke: 1 });
    expect(shapes(`${khi}.yaml`)).toEqual({ gke: 1 });
    expect(shapes('panther-labs-panther-analysis/rule_tests_gke_cloud_audit.jsonl')).toEqual({
      gke: 14,
    });
    expect(shapes('sysdiglabs-aks-audit-log/event.json')).toEqual({ aks: 22 });
    expect(shapes('sysdiglabs-aks-audit-log/sample_EventHubs_event.json')).toEqual({ aks: 1 });
    expect(shapes('crowdsecurity-crowdsec/webhook_body_valid_json.json')).toEqual({
      'go-struct': 2,
    });
    const logsamples = 'openshift-cluster-logging-operator/hack-logsamples';
    expect(shapes(`${logsamples}/otlp_audit_kube.json`)).toEqual({ otlp: 3 });
    expect(shapes(`${logsamples}/viaq_audit_openshift.json`)).toEqual({ 'openshift-viaq': 1 });
    expect(shapes(`${logsamples}/raw_audit_openshift.json`)).toEqual({ event: 1 });
  });

  test('broken fixtures and inputs that are not audit events are set aside with a reason', () => {
    const setAside = [...reports].filter(([file]) => expectedFor(file).setAside > 0);
    expect(setAside.length).toBe(5); // the index, falco, and Panther's EKS, AKS and GKE tests
    for (const [file, r] of setAside) {
      expect(r.rejections.length, file).toBe(Math.min(r.rejected, 100));
      for (const x of r.rejections) expect(x.reason.trim().length, file).toBeGreaterThan(10);
    }
    const falco = reports.get(FALCO + 'fal_01_003.json')!;
    expect(falco.rejections[0]!.reason).toMatch(/kind/);
    const eks = reports.get('panther-labs-panther-analysis/rule_tests_eks_raw_event.jsonl')!;
    const [noEvent, ...noTime] = [...eks.rejections].sort((a, b) =>
      a.line === 27 ? -1 : b.line === 27 ? 1 : 0,
    );
    expect(noEvent).toMatchObject({
      line: 27,
      reason: expect.stringMatching(/not an audit event/),
    });
    for (const x of noTime) expect(x.reason).toMatch(/no time/);
    const aks = reports.get('panther-labs-panther-analysis/rule_tests_aks_diagnostic.jsonl')!;
    for (const x of aks.rejections) expect(x.reason).toMatch(/no time/);
    const gke = reports.get('panther-labs-panther-analysis/rule_tests_gke_cloud_audit.jsonl')!;
    const notK8s = gke.rejections.filter((x) => /is not a Kubernetes API call/.test(x.reason));
    expect(notK8s.map((x) => x.line)).toEqual([1, 2, 3, 6, 7, 34]);
    expect(gke.rejections.filter((x) => /no time/.test(x.reason))).toHaveLength(37);
  });

  test('the broken falco fixture is kept as a dead letter with its reason', () => {
    const dir = path.join(store.dataDir, 'dead-letters');
    const letters = fs
      .readdirSync(dir)
      .flatMap((n) => fs.readFileSync(path.join(dir, n), 'utf8').split('\n'))
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { source: string; reason: string; raw: string });
    const fal = letters.filter((l) => l.source.endsWith('fal_01_003.json'));
    expect(fal).toHaveLength(1);
    expect(JSON.parse(fal[0]!.raw)).toEqual({ kind: 0 });
    expect(fal[0]!.reason).toBe(reports.get(FALCO + 'fal_01_003.json')!.rejections[0]!.reason);
  });

  // The cloud shapes add 47 events, 44 of them final (2 AKS and 1 OTLP watch ResponseStarted):
  // AKS 22 + 1, GKE 3 (KHI) + 14 (Panther), OTLP 6, Go-cased webhook 1.
  test('977 distinct events count as 642 requests; breakdowns match counts from the files', async () => {
    expect((await store.backend.search(query({ limit: 1 }))).total).toBe(642);
    expect((await store.backend.search(query({ limit: 1, filters: [ALL_STAGES] }))).total).toBe(
      977,
    );
    const users = await store.backend.breakdown(query(), { dimension: 'user', limit: 2 });
    expect(users.rows).toEqual([
      { value: 'system:admin', count: 437 },
      { value: 'minikube-user', count: 37 },
    ]);
    expect(users.total).toBe(642);
    // Added: 200 ×34 (AKS 19, OTLP 5, GKE 10), 201 ×1 (webhook), 409 ×3 (AKS 1, GKE 2), 304 ×1
    // (AKS) and 5 GKE without a code.
    const codes = await store.backend.breakdown(query(), { dimension: 'code', limit: 6 });
    expect(codes.rows.map((r) => `${r.value}:${r.count}`)).toEqual([
      '200:380',
      '201:134',
      '404:93',
      '403:20',
      '409:7',
      ':5', // Panther GKE entries whose protoPayload has no status: no code to map
    ]);
    expect(codes.other).toBe(3); // two 304, one 101
  });

  /** The stored rows of one request, oldest first, all stages. */
  const rowsOf = async (auditID: string) =>
    (await store.backend.search(query({ text: auditID, filters: [ALL_STAGES], sort: 'time-asc' })))
      .events;

  test('audit2rbac: v1beta1 takes its time from `timestamp`; v1 keeps impersonation', async () => {
    const v1beta1 = await rowsOf('efa66285-edeb-4d96-b5a3-1ad86ee63437');
    expect(v1beta1.map((e) => [e.stage, e.time, e.dims.user, e.dims.verb, e.dims.name])).toEqual([
      [
        'RequestReceived',
        '2017-09-11T19:57:33.000000Z',
        ['system:admin'],
        ['delete'],
        ['audit2rbac:bob'],
      ],
      [
        'ResponseComplete',
        '2017-09-11T19:57:33.000000Z',
        ['system:admin'],
        ['delete'],
        ['audit2rbac:bob'],
      ],
    ]);
    expect(v1beta1[0]!.dims.group).toEqual(['system:masters', 'system:authenticated']);
    const detail = await store.backend.getEvent('efa66285-edeb-4d96-b5a3-1ad86ee63437');
    expect(detail?.stages.map((s) => s.apiVersion)).toEqual([
      'audit.k8s.io/v1beta1',
      'audit.k8s.io/v1beta1',
    ]);
    const [first] = await rowsOf('033d17af-082d-4b24-aa22-627752e83d71');
    expect(first).toMatchObject({ stage: 'ResponseComplete', time: '2017-09-11T19:55:05.000000Z' });
    expect(first!.dims).toMatchObject({
      user: ['system:admin'],
      impersonatedUser: ['bob'],
      verb: ['list'],
      code: ['403'],
    });
  });

  test('other shapes: EKS space-separated time, ViaQ level, BOM and non-ASCII bodies', async () => {
    const [eks] = await rowsOf('d976bfc6-a2bc-49d5-bdeb-074441e0b875');
    expect(eks?.time).toBe('2024-11-13T18:34:10.595141Z');
    const [viaq] = await rowsOf('0aa7d5c9-1afd-4fc4-920c-e5d9e0b7befa');
    expect(viaq).toMatchObject({ time: '2023-10-18T17:24:14.412707Z' });
    expect(viaq!.dims).toMatchObject({ level: ['Metadata'], user: ['system:apiserver'] });
    for (const file of [
      'crowdsecurity-hub/k8s-audit-pod-exec-file.log',
      'sysdiglabs-aks-audit-log/sample_KubeAuditLog_event.json',
      'afcollins-kube-audit-log-tool/single-event.json',
    ]) {
      const text = fs.readFileSync(path.join(DIR, file), 'utf8').replace(/^\uFEFF/, '');
      const body = JSON.parse(text) as { auditID: string };
      const detail = await store.backend.getEvent(body.auditID);
      expect(
        detail?.stages.map((s) => s.event),
        file,
      ).toEqual([body]);
    }
    const [exec] = await rowsOf('57a794de-44d3-40ee-a0ad-c0eb096eef6c');
    expect(exec!.dims).toMatchObject({ subresource: ['exec'], code: ['101'] });
    const count = async (...filters: ReturnType<typeof f>[]) =>
      (await store.backend.search(query({ filters, limit: 1 }))).total;
    expect(await count(f('code', false, '403'), f('user', false, 'system:anonymous'))).toBe(2);
    expect(await count(f('impersonatedUser', false, 'bob'))).toBe(29);
  });
});
