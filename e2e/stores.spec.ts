// The explorer on every kind of store: the same events in the embedded store, real Loki,
// real Elasticsearch and real OpenSearch (started by the test command) must give the same
// view through the unchanged explorer; a store that is down shows its error in the panels.

import { expect, test, type Page } from '@playwright/test';
import { normalize } from '@/lib/audit/normalize';
import type { AuditEvent } from '@/lib/audit/types';
import { LokiWriter } from '@/lib/ingest/writers/loki-writer';
import { ElasticsearchWriter } from '@/lib/ingest/writers/elasticsearch-writer';
import { conformanceDataset } from '@/lib/testing/conformance/dataset';
import { E2E_STORES, INGEST_TOKEN, serverUrl } from './servers';

const base = () => serverUrl('stores');
const REMOTE = ['loki', 'elasticsearch', 'opensearch'] as const;
type Remote = (typeof REMOTE)[number];

const dataset = conformanceDataset(Date.now());
const iso = (us: number) => new Date(us / 1000).toISOString();
const VIEW = `from=${iso(dataset.startMicros)}&to=${iso(dataset.endMicros)}`;

function urlOf(store: Remote): string | undefined {
  const url = process.env[E2E_STORES[store].env];
  if (!url && process.env.AUDITLENS_REQUIRE_STORES === '1') {
    throw new Error(`${E2E_STORES[store].env} is not set but AUDITLENS_REQUIRE_STORES=1`);
  }
  return url;
}

const events: AuditEvent[] = dataset.events.flatMap((e) => {
  const r = normalize(e);
  return r.ok ? r.events : [];
});

async function loadEverywhere(): Promise<void> {
  // The embedded source, through the webhook endpoint, as an apiserver would post them.
  for (let i = 0; i < dataset.events.length; i += 400) {
    const items = dataset.events.slice(i, i + 400);
    const r = await fetch(`${base()}/api/ingest`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${INGEST_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items }),
    });
    expect(r.status, await r.clone().text()).toBe(200);
  }
  const loki = urlOf('loki');
  if (loki) {
    await new LokiWriter({ url: loki, labels: { job: E2E_STORES.loki.selectorJob } }).insert(
      events,
    );
    // Entries older than Loki's in-memory window only become visible once flushed.
    await fetch(`${loki}/flush`, { method: 'POST' });
  }
  for (const name of ['elasticsearch', 'opensearch'] as const) {
    const url = urlOf(name);
    if (!url) continue;
    const { index, preset } = E2E_STORES[name];
    const writer = new ElasticsearchWriter({ url, index, preset, replicas: 0 });
    await writer.insert(events);
    await writer.finish();
  }
}

/** What a reviewer reads off the explorer for one source: totals, top values, first rows. */
async function readView(page: Page, source: string) {
  await page.goto(`${base()}/?source=${source}&${VIEW}`);
  const panels = page.locator('[data-panel]');
  await expect(panels.first()).toBeVisible();
  await expect(page.locator('[data-panel]:not([data-state="ready"])')).toHaveCount(0, {
    timeout: 30_000,
  });
  const total = await page.getByTestId('table-total').textContent();
  const users = await page.getByRole('region', { name: 'Top User', exact: true }).innerText();
  const verbs = await page.getByRole('region', { name: 'Top Verb', exact: true }).innerText();
  const rows = page.getByRole('table', { name: 'Requests' }).locator('tbody tr');
  const firstRows = await rows.evaluateAll((trs) =>
    trs.slice(0, 10).map((tr) => (tr as HTMLElement).innerText),
  );
  return { total, users, verbs, firstRows };
}

test.describe('the explorer on each store', () => {
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    await loadEverywhere();
  });

  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  for (const store of REMOTE) {
    test(`${store} gives the same view as the embedded store`, async ({ page }) => {
      test.skip(!urlOf(store), `${E2E_STORES[store].env} is not set (npm test starts it)`);
      const local = await readView(page, 'local');
      expect(local.total).toMatch(/\d/);
      const remote = await readView(page, store);
      await page.screenshot({ path: `test-results/stores-${store}.png`, fullPage: true });
      expect(remote).toEqual(local);

      // The drill-down of the first request, from the store's own copy.
      const first = page.getByRole('table', { name: 'Requests' }).locator('tbody tr').first();
      await first.getByRole('link', { name: /^Open request/ }).click();
      const drawer = page.getByRole('dialog');
      await expect(drawer.getByRole('region', { name: 'When' })).toContainText(
        /ResponseComplete|Panic|ResponseStarted/,
      );
    });
  }

  test('the source menu switches the store and keeps the view', async ({ page }) => {
    await page.goto(`${base()}/?verb=get&${VIEW}`);
    const total = page.locator('[data-testid="table-total"]:not([data-loading])');
    await expect(total).toContainText('requests');
    const local = await total.textContent();
    const picker = page.getByRole('combobox', { name: 'Source', exact: true });
    await expect(picker).toHaveValue('local');
    const target = urlOf('loki') ? 'loki' : 'loki-down';
    await picker.selectOption(target);
    await expect(page).toHaveURL(new RegExp(`[?&]source=${target}&`));
    await expect(page).toHaveURL(/verb=get/);
    if (target === 'loki') await expect(total).toHaveText(local!);
  });

  for (const source of ['loki-down', 'elasticsearch-down']) {
    test(`${source}: every panel names the unreachable store`, async ({ page }) => {
      await page.goto(`${base()}/?source=${source}&${VIEW}`);
      const failed = page.locator('[data-panel][data-state="error"]');
      await expect(failed.first()).toBeVisible({ timeout: 30_000 });
      await expect(page.locator('[data-panel]:not([data-state="error"])')).toHaveCount(0);
      await expect(failed.first().getByRole('alert')).toContainText(source);
      await expect(failed.first().getByRole('alert')).toContainText(/cannot reach/);
      await page.screenshot({ path: `test-results/stores-${source}.png` });
      const api = await page.request.get(`${base()}/api/breakdown?source=${source}&dimension=user`);
      expect(api.status()).toBe(502);
      expect((await api.json()).error.code).toBe('unreachable');
    });
  }
});
