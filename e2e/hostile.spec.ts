// Audit data is attacker-controlled: user names, user agents, object names, annotations and
// bodies may carry HTML and script. Loaded through the webhook ingest of the `hostile`
// server, they must show as text, create no element, and run nothing.

import { expect, test, type Page } from '@playwright/test';
import { INGEST_TOKEN, serverUrl } from './servers';

const base = () => serverUrl('hostile');
const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=1</script>';
const SVG = '"><svg onload=window.__pwned=1>';
const JS_URL = 'javascript:window.__pwned=1';
const RANGE = 'from=2026-11-20T10:00:00Z&to=2026-11-20T11:00:00Z';
const UPDATE_ID = '0f0f0f0f-0000-4000-8000-00000000a001';
const PATCH_ID = '0f0f0f0f-0000-4000-8000-00000000a002';

function event(id: string, minute: number, fields: Record<string, unknown>) {
  const at = `2026-11-20T10:${String(minute).padStart(2, '0')}:00.000000Z`;
  return {
    level: 'RequestResponse',
    auditID: id,
    stage: 'ResponseComplete',
    requestURI: `/api/v1/namespaces/default/configmaps/${encodeURIComponent(SVG)}`,
    sourceIPs: ['10.0.0.66'],
    requestReceivedTimestamp: at,
    stageTimestamp: at,
    responseStatus: { metadata: {}, code: 200 },
    annotations: {
      'authorization.k8s.io/decision': 'allow',
      'authorization.k8s.io/reason': SCRIPT,
      'example.com/link': JS_URL,
    },
    ...fields,
  };
}

const EVENTS = [
  event(UPDATE_ID, 5, {
    verb: 'update',
    user: { username: IMG, groups: [SVG, 'system:authenticated'] },
    userAgent: SCRIPT,
    objectRef: { resource: 'configmaps', namespace: 'default', name: SVG, apiVersion: 'v1' },
    requestObject: {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name: SVG, annotations: { link: JS_URL } },
      data: { html: IMG },
    },
    responseObject: {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name: SVG, annotations: { link: JS_URL }, resourceVersion: '42' },
      data: { html: SCRIPT },
    },
  }),
  event(PATCH_ID, 6, {
    verb: 'patch',
    user: { username: SVG },
    userAgent: JS_URL,
    objectRef: { resource: 'configmaps', namespace: 'default', name: IMG, apiVersion: 'v1' },
    requestObject: [
      { op: 'replace', path: '/data/html', value: SCRIPT },
      { op: 'add', path: '/metadata/labels/x', value: JS_URL },
    ],
  }),
];

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    // The app ships no favicon; the browser's request for one is not the page's error.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) {
      errors.push(`${m.text()} ${m.location().url}`);
    }
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function expectNothingRan(page: Page) {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('[onerror], [onload]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  // A script made from the payload; the RSC payload may quote the URL inside a string literal.
  const scripts = await page.evaluate(
    () =>
      Array.from(document.scripts).filter((s) => s.textContent?.trim() === 'window.__pwned=1')
        .length,
  );
  expect(scripts).toBe(0);
}

test.beforeAll(async ({ request }) => {
  const r = await request.post(`${base()}/api/ingest`, {
    data: { kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items: EVENTS },
    headers: { Authorization: `Bearer ${INGEST_TOKEN}`, 'Content-Type': 'application/json' },
  });
  expect(r.status()).toBe(200);
});

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
});

test('HTML and script in audit data show as text and never run', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${base()}/?${RANGE}&split=user`);
  const table = page.getByRole('table', { name: 'Requests' });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table).toContainText(IMG);
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText(SVG);
  await expect(page.getByRole('region', { name: 'Top User', exact: true })).toContainText(IMG);
  await expectNothingRan(page);

  await table.locator('tbody tr').filter({ hasText: 'update' }).getByRole('link').first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('region', { name: 'Who' })).toContainText(IMG);
  await expect(drawer.getByRole('region', { name: 'Who' })).toContainText(SCRIPT);
  await expect(drawer).toContainText(SVG);
  await expect(drawer).toContainText(JS_URL);
  const changed = drawer.getByRole('region', { name: 'What changed' });
  await expect(changed).toContainText(
    `data.html ${JSON.stringify(IMG)} → ${JSON.stringify(SCRIPT)}`,
  );
  await expect(changed).toContainText('metadata.resourceVersion (absent) → "42"');
  const requestBody = drawer.getByRole('region', { name: 'Request object' });
  await expect(requestBody).toContainText(IMG);
  // Searching the tree highlights the match as text, inside the payload's own text.
  await requestBody.getByRole('searchbox', { name: 'Find in request object' }).fill('ONERROR');
  await expect(requestBody).toContainText('1 match');
  await expect(requestBody.locator('mark')).toHaveText(['onerror']);
  await expect(requestBody.getByRole('tree')).toContainText(JSON.stringify(IMG));
  await requestBody.screenshot({ path: 'test-results/json-search.png' });
  await drawer.getByRole('group', { name: 'Response object view' }).getByText('JSON').click();
  await expect(drawer.getByRole('region', { name: 'Response object' })).toContainText(SCRIPT);
  await expectNothingRan(page);
  await page.screenshot({ path: 'test-results/hostile-drilldown.png' });

  await page.goto(`${base()}/?${RANGE}&event=${PATCH_ID}`);
  const patch = page.getByRole('dialog').getByRole('region', { name: 'What changed' });
  await expect(patch).toContainText('JSON patch');
  await expect(patch).toContainText(`replace /data/html = ${JSON.stringify(SCRIPT)}`);
  await expect(patch).toContainText(`add /metadata/labels/x = ${JSON.stringify(JS_URL)}`);
  await expectNothingRan(page);
  await page.screenshot({ path: 'test-results/hostile-patch.png' });

  await page.goto(`${base()}/events/${UPDATE_ID}`);
  await expect(page.getByRole('region', { name: 'Who' })).toContainText(IMG);
  await expectNothingRan(page);
  expect(errors).toEqual([]);
});

test('a filter value with quotes, backslashes and |= round-trips through the URL', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const value = `a"b\\c|="d' ${SCRIPT}`;
  await page.goto(`${base()}/?${RANGE}`);
  await expect(page.getByTestId('resolved-range')).toBeVisible();
  await page.getByRole('button', { name: '+ Filter' }).click();
  const form = page.getByRole('form', { name: 'Add filter' });
  await form.getByLabel('Dimension').selectOption('user');
  // The form reads the URL syntax: a backslash is written twice.
  await form.getByLabel('Value').fill(value.replace(/\\/g, '\\\\'));
  await form.getByRole('button', { name: 'Add' }).click();
  const filters = page.getByRole('region', { name: 'Filters' });
  await expect(filters.getByText(`user = ${value}`, { exact: true })).toBeVisible();
  const url = page.url();
  expect(new URL(url).searchParams.get('user')).toBe(value.replace(/\\/g, '\\\\'));
  await page.reload();
  await expect(filters.getByText(`user = ${value}`, { exact: true })).toBeVisible();
  expect(page.url()).toBe(url);
  await expect(page.getByTestId('table-total')).toContainText('0');
  await expectNothingRan(page);
  expect(errors).toEqual([]);
});
