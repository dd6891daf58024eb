// Posts the real apiserver's webhook batches to /api/ingest exactly as kube-apiserver's
// webhook backend does (same bodies, headers, and a retry of every batch), then checks
// that each event is stored once.

import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { INGEST_TOKEN, SHARED_DIR, serverUrl } from './servers';

const WEBHOOK_DIR = path.join(SHARED_DIR, 'data', 'kube-apiserver-v1.34', 'webhook');
const haveShared = fs.existsSync(WEBHOOK_DIR);

const APISERVER_HEADERS = {
  'Content-Type': 'application/json',
  Accept: 'application/json, */*',
  'User-Agent': 'kube-apiserver/v1.34.4 (linux/amd64) kubernetes/d2ba4a8',
  Authorization: `Bearer ${INGEST_TOKEN}`,
};

const RANGE = 'from=2026-11-23T03:50:00Z&to=2026-11-23T03:52:00Z';

test.describe('webhook ingest', () => {
  test('refuses a missing or wrong bearer token', async ({ request }) => {
    const url = `${serverUrl('ingest')}/api/ingest`;
    const body = JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items: [] });
    const none = await request.post(url, {
      data: body,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(none.status()).toBe(401);
    const wrong = await request.post(url, {
      data: body,
      headers: { ...APISERVER_HEADERS, Authorization: 'Bearer not-the-token' },
    });
    expect(wrong.status()).toBe(401);
    expect((await wrong.json()).error.code).toBe('unauthorized');
  });

  test(`stores each event of the real apiserver's batches once, across retries (${WEBHOOK_DIR})`, async ({
    request,
  }) => {
    test.skip(!haveShared, `missing ${WEBHOOK_DIR}`);
    const url = `${serverUrl('ingest')}/api/ingest`;
    const files = fs
      .readdirSync(WEBHOOK_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files.length).toBe(17);
    let sent = 0;
    for (const f of files) {
      const body = fs.readFileSync(path.join(WEBHOOK_DIR, f));
      const items = (JSON.parse(body.toString()) as { items: unknown[] }).items.length;
      sent += items;
      const first = await request.post(url, { data: body, headers: APISERVER_HEADERS });
      expect(first.status(), f).toBe(200);
      const firstBody = await first.json();
      expect(firstBody.accepted, f).toBe(items);
      // The apiserver retries a batch whose answer it did not see; the retry must store nothing new.
      const retry = await request.post(url, { data: body, headers: APISERVER_HEADERS });
      expect(retry.status()).toBe(200);
      expect(await retry.json()).toMatchObject({ accepted: items, inserted: 0, duplicates: items });
    }
    expect(sent).toBe(1112);

    const all = await request.get(`${serverUrl('ingest')}/api/events?${RANGE}&stage=*&limit=1`);
    expect((await all.json()).total).toBe(1112);
    // 522 ResponseComplete + the lone 401 ResponseStarted (the webhook lost 31 final watch events).
    const requests = await request.get(`${serverUrl('ingest')}/api/events?${RANGE}&limit=1`);
    expect((await requests.json()).total).toBe(523);
    const health = await (await request.get(`${serverUrl('ingest')}/api/health`)).json();
    expect(health.details.events).toBe(1112);
  });

  test('keeps the good events of a batch with a bad one and names the bad one', async ({
    request,
  }) => {
    const url = `${serverUrl('ingest')}/api/ingest`;
    const good = (id: string) => ({
      level: 'Metadata',
      auditID: id,
      stage: 'ResponseComplete',
      requestURI: '/api/v1/namespaces',
      verb: 'list',
      user: { username: 'e2e-user' },
      sourceIPs: ['10.0.0.1'],
      responseStatus: { code: 200 },
      requestReceivedTimestamp: '2026-11-20T10:00:00.000000Z',
      stageTimestamp: '2026-11-20T10:00:00.100000Z',
    });
    const body = {
      kind: 'EventList',
      apiVersion: 'audit.k8s.io/v1',
      items: [good('e2e-good-1'), { ...good('e2e-bad'), verb: 5 }, good('e2e-good-2')],
    };
    const r = await request.post(url, { data: body, headers: APISERVER_HEADERS });
    expect(r.status()).toBe(200);
    const json = await r.json();
    expect(json.inserted).toBe(2);
    expect(json.rejected).toHaveLength(1);
    expect(json.rejected[0].index).toBe(1);
    expect(json.rejected[0].reason).toContain('verb');
    const found = await request.get(
      `${serverUrl('ingest')}/api/events?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z&user=e2e-user`,
    );
    expect((await found.json()).total).toBe(2);
  });

  test('answers 400 naming the problem for a body that is not JSON', async ({ request }) => {
    const r = await request.post(`${serverUrl('ingest')}/api/ingest`, {
      data: Buffer.from('{"kind":"EventList","items":[{"auditID":'),
      headers: APISERVER_HEADERS,
    });
    expect(r.status()).toBe(400);
    expect((await r.json()).error.message).toMatch(/not JSON/);
  });
});
