// Uploads real cloud exports through the upload page's file picker (drag-and-drop can't be
// driven reliably), reads their reports, and follows "view these events" to the explorer.

import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SHARED_DIR, serverUrl } from './servers';

const SAMPLES = path.join(SHARED_DIR, 'data', 'audit-samples');
const haveShared = fs.existsSync(SAMPLES);
const AKS = path.join(SAMPLES, 'sysdiglabs-aks-audit-log', 'event.json');
const GKE = path.join(
  SAMPLES,
  'GoogleCloudPlatform-khi',
  'k8s_audit__container_recorder_test_1_1.converted.jsonl',
);

test.describe('upload page', () => {
  test(`imports an AKS batch and a GKE export and shows them in the explorer (${SAMPLES})`, async ({
    page,
  }) => {
    test.skip(!haveShared, `missing ${SAMPLES}`);
    await page.goto(`${serverUrl('upload')}/upload`);
    await expect(page.getByText('No files uploaded yet')).toBeVisible();
    await page.getByLabel('Choose audit log files').setInputFiles([AKS, GKE]);

    const aks = page.getByRole('listitem', { name: 'Upload event.json' });
    const gke = page.getByRole('listitem', { name: `Upload ${path.basename(GKE)}` });
    await expect(aks.getByTestId('upload-status')).toHaveText('Done');
    await expect(gke.getByTestId('upload-status')).toHaveText('Done');
    await expect(aks.getByTestId('detected-shape')).toHaveText(['AKS diagnostic records · 22']);
    await expect(aks.getByTestId('count-events')).toHaveText('22');
    await expect(aks.getByTestId('count-inserted')).toHaveText('22');
    await expect(aks.getByTestId('count-rejected')).toHaveText('0');
    await expect(gke.getByTestId('detected-shape')).toHaveText(['GKE Cloud Audit Logs · 1']);
    await expect(gke.getByTestId('count-inserted')).toHaveText('1');

    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/upload.png', fullPage: true });

    // The same AKS file again: all already stored.
    await page.getByLabel('Choose audit log files').setInputFiles([AKS]);
    const again = page.getByRole('listitem', { name: 'Upload event.json' }).first();
    await expect(again.getByTestId('count-duplicates')).toHaveText('22');
    await expect(again.getByTestId('count-inserted')).toHaveText('0');

    // The first AKS report's link, kept for after the GKE one is followed.
    const aksHref = await page
      .getByRole('listitem', { name: 'Upload event.json' })
      .last()
      .getByRole('link', { name: /view these events/i })
      .getAttribute('href');
    expect(aksHref).toMatch(/from=2020-05-05T15%3A45%3A26Z/);

    await gke.getByRole('link', { name: /view these events/i }).click();
    await expect(page).toHaveURL(/from=2024-01-01T01%3A00%3A00Z/);
    const rows = page.getByRole('table', { name: 'Requests' }).locator('tbody tr');
    await expect(rows.filter({ hasText: 'nginx-deployment-surge-8655b4b8c5-xf5f4' })).toHaveCount(
      1,
    );

    await page.goto(`${serverUrl('upload')}${aksHref}`);
    await expect(rows.filter({ hasText: 'aksService' }).first()).toBeVisible();
    await expect(rows.filter({ hasText: 'nodeclient' }).first()).toBeVisible();
  });

  test('lists what was set aside and why, and keeps the rest', async ({ page }) => {
    await page.goto(`${serverUrl('upload')}/upload`);
    const good = JSON.stringify({
      kind: 'Event',
      apiVersion: 'audit.k8s.io/v1',
      level: 'Metadata',
      auditID: 'e2e-upload-mixed-1',
      stage: 'ResponseComplete',
      requestURI: '/api/v1/namespaces',
      verb: 'list',
      user: { username: '<img src=x onerror=alert(1)>' },
      requestReceivedTimestamp: '2026-03-01T10:00:00.000000Z',
      stageTimestamp: '2026-03-01T10:00:00.100000Z',
    });
    const lines = [good, '{"kind": 0}', 'not json <b>at all</b>'].join('\n') + '\n';
    await page
      .getByLabel('Choose audit log files')
      .setInputFiles([{ name: 'mixed.log', mimeType: 'text/plain', buffer: Buffer.from(lines) }]);
    const item = page.getByRole('listitem', { name: 'Upload mixed.log' });
    await expect(item.getByTestId('count-inserted')).toHaveText('1');
    await expect(item.getByTestId('count-rejected')).toHaveText('2');
    await expect(item.getByText(/^line 2/)).toBeVisible();
    await expect(item.getByText(/^line 3/)).toBeVisible();
    await expect(item.getByText('raw Event · 1')).toBeVisible();
    await page.screenshot({ path: 'test-results/upload-set-aside.png', fullPage: true });
  });

  test("shows the API's message when an upload is refused", async ({ page }) => {
    await page.route('**/api/upload?**', (route) =>
      route.fulfill({
        status: 413,
        json: {
          error: {
            code: 'too_large',
            message:
              'the file is over the 1024-byte upload limit (AUDITLENS_MAX_INGEST_BODY_BYTES)',
          },
        },
      }),
    );
    await page.goto(`${serverUrl('upload')}/upload`);
    await page
      .getByLabel('Choose audit log files')
      .setInputFiles([{ name: 'big.log', mimeType: 'text/plain', buffer: Buffer.from('{}\n') }]);
    const item = page.getByRole('listitem', { name: 'Upload big.log' });
    await expect(item.getByTestId('upload-status')).toHaveText('Failed');
    await expect(item.getByRole('alert')).toContainText('AUDITLENS_MAX_INGEST_BODY_BYTES');
  });

  test('refuses a cross-site POST with 403', async ({ request }) => {
    const r = await request.post(`${serverUrl('upload')}/api/upload?name=x.json`, {
      data: Buffer.from('{}'),
      headers: { Origin: 'http://evil.example', 'Content-Type': 'application/octet-stream' },
    });
    expect(r.status()).toBe(403);
    const body = await r.json();
    expect(body.error.code).toBe('cross_site');
    expect(body.error.message).toMatch(/evil\.example/);
  });
});
