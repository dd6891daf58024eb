// The explorer in Chromium against the demo server (24 h of generated sample traffic):
// every change lands in the URL, and the URL alone brings the view back.

import { expect, test, type Page } from '@playwright/test';
import { serverUrl } from './servers';

const base = () => serverUrl('demo');

async function tableTotal(page: Page): Promise<number> {
  // The total of the current query, not the dimmed one of the previous query while it loads.
  const total = page.locator('[data-testid="table-total"]:not([data-loading])');
  // The first query of a fresh server warms the store up.
  await expect(total).toBeVisible({ timeout: 20_000 });
  return Number((await total.textContent())!.split('requests')[0]!.replace(/[^\d]/g, ''));
}

/** Opens an explorer URL and waits for hydration (the resolved range renders only in the browser). */
async function open(page: Page, path = '/') {
  await page.goto(`${base()}${path}`);
  await expect(page.getByTestId('resolved-range')).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
});

test('a breakdown value filters the view; its chip removes the filter', async ({ page }) => {
  await open(page);
  const all = await tableTotal(page);
  expect(all).toBeGreaterThan(1000);
  await page.screenshot({ path: 'test-results/explorer.png', fullPage: true });

  const verbs = page.getByRole('region', { name: 'Top Verb' });
  await verbs.getByRole('link', { name: /^get\b/ }).click();
  await expect(page).toHaveURL(/\?verb=get$/);
  const filters = page.getByRole('region', { name: 'Filters' });
  await expect(filters.getByText('verb = get')).toBeVisible();
  await expect.poll(() => tableTotal(page)).toBeLessThan(all);
  const rows = page.getByRole('table', { name: 'Requests' }).locator('tbody tr');
  await expect(rows.first()).toContainText('get');

  await filters.getByRole('button', { name: 'Remove filter verb = get' }).click();
  await expect(page).toHaveURL(`${base()}/`);
  // The range is "the last 24 hours", so a few requests may have slid out of it since.
  await expect.poll(async () => Math.abs((await tableTotal(page)) - all)).toBeLessThan(all / 100);

  await verbs.getByRole('link', { name: 'Exclude Verb get' }).click();
  await expect(page).toHaveURL(/\?verb!=get$/);
  await expect(filters.getByText('verb ≠ get')).toBeVisible();
  await expect.poll(() => tableTotal(page)).toBeLessThan(all);

  await page.goBack();
  await expect(page).toHaveURL(`${base()}/`);
  await expect(filters.getByText('verb ≠ get')).toHaveCount(0);
});

test('a request opens in the drill-down, survives a reload, and Back closes it', async ({
  page,
}) => {
  // The sample's "Secret written into the audit log" story: a create with the Secret's data.
  await open(page, '/?verb=create&resource=secrets&level=RequestResponse');
  const first = page.getByRole('table', { name: 'Requests' }).locator('tbody tr').first();
  await first.getByRole('link', { name: /^Open request/ }).click();
  await expect(page).toHaveURL(/&event=[0-9a-f-]+$/);
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('region', { name: 'Who' })).toContainText(
    'system:serviceaccount:ci:deployer',
  );
  await expect(drawer.getByRole('region', { name: 'Result' })).toContainText('201');
  await expect(drawer.getByRole('region', { name: 'When' })).toContainText('ResponseComplete');
  const request = drawer.getByRole('region', { name: 'Request object' });
  await expect(request).toContainText('"password": "••••"');
  await expect(drawer).not.toContainText('cGF5bWVudHM=');
  await page.screenshot({ path: 'test-results/explorer-drilldown.png' });

  await page.reload();
  await expect(drawer.getByRole('region', { name: 'Who' })).toContainText('ci:deployer');
  await drawer.getByRole('button', { name: 'Reveal secret values' }).click();
  await expect(request).toContainText('cGF5bWVudHM=');

  await page.goBack();
  await expect(page).toHaveURL(`${base()}/?verb=create&resource=secrets&level=RequestResponse`);
  await expect(drawer).toHaveCount(0);

  await page.goForward();
  await expect(drawer).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await expect(page).not.toHaveURL(/event=/);
});

test('the permalink page shows one request', async ({ page, request }) => {
  const r = await request.get(`${base()}/api/events?subresource=exec&limit=1`);
  const { events } = await r.json();
  const id: string = events[0].auditID;
  await page.goto(`${base()}/events/${id}`);
  await expect(page.getByRole('region', { name: 'What' })).toContainText('exec');
  await expect(page.getByRole('region', { name: 'When' })).toContainText('ResponseStarted');
  await page.screenshot({ path: 'test-results/explorer-permalink.png', fullPage: true });
});

test('a bad URL parameter is named, with a way back', async ({ page }) => {
  await page.goto(`${base()}/?vrb=get&user=alice`);
  const alert = page.getByRole('alert').filter({ hasText: 'bad parameter' });
  await expect(alert).toContainText('vrb');
  await expect(alert).toContainText('did you mean "verb"?');
  await page.screenshot({ path: 'test-results/explorer-error.png' });
  await alert.getByRole('link', { name: 'Remove vrb' }).click();
  await expect(page).toHaveURL(/\?user=alice$/);
  await expect(page.getByRole('region', { name: 'Filters' })).toContainText('user = alice');

  await page.goto(`${base()}/?split=colour`);
  await expect(page.getByRole('alert').filter({ hasText: 'bad parameter' })).toContainText(
    'parameter "split"',
  );
  await page.getByRole('link', { name: 'Reset to the default view' }).click();
  await expect(page).toHaveURL(`${base()}/`);
});

test('the exec story is findable and counts stage events with stage=*', async ({ page }) => {
  await open(page, '/?subresource=exec&stage=*');
  const rows = page.getByRole('table', { name: 'Requests' }).locator('tbody tr');
  await expect(rows.first()).toContainText('pods/exec');
  await expect(page.getByTestId('table-total')).toContainText('events');
  await expect(page.getByRole('table', { name: 'Requests' })).toContainText('ResponseStarted');
});

test('time range, split, search and paging all live in the URL', async ({ page }) => {
  await open(page);
  await page.getByRole('group', { name: 'Time range' }).getByRole('button', { name: '7d' }).click();
  await expect(page).toHaveURL(/\?from=now-7d$/);
  await expect(page.getByTestId('resolved-range')).toHaveAttribute('title', /UTC/);

  await page.getByLabel('Split by').selectOption('user');
  await expect(page).toHaveURL(/\?from=now-7d&split=user$/);
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText('system:');

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.type('kube-proxy');
  await expect(page).toHaveURL(/&q=kube-proxy&split=user$/);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('kube-proxy');
  await expect(page.getByLabel('Split by')).toHaveValue('user');

  // Scrolling the rows to their end fetches the next page (e2e/explorer-table.spec.ts has more).
  const total = page.getByTestId('table-total');
  await expect(total).toContainText('showing 50');
  await page.getByTestId('table-scroll').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(total).toContainText('showing 100');
});

test('dragging across the timeline zooms to that span', async ({ page }) => {
  await open(page);
  const chart = page.getByTestId('timeline-chart');
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const box = (await chart.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, y, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/\?from=20\d\d-[^&]+Z&to=20\d\d-[^&]+Z$/);
  await expect(page.getByRole('button', { name: 'Custom' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('"add filter" and "copy link" give a view another browser opens the same', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '/?from=now-7d');
  await page.getByRole('button', { name: '+ Filter' }).click();
  const form = page.getByRole('form', { name: 'Add filter' });
  await form.getByLabel('Dimension').selectOption('subresource');
  await form.getByLabel('Value').fill('exec');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page).toHaveURL(/\?from=now-7d&subresource=exec$/);
  const total = await tableTotal(page);
  expect(total).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Copy absolute link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/\?from=20\d\d-[^&]+Z&to=20\d\d-[^&]+Z&subresource=exec$/);

  const fresh = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole('region', { name: 'Filters' })).toContainText('subresource = exec');
  expect(await tableTotal(other)).toBe(total);
  await fresh.close();
});
