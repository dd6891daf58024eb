import { expect, test } from '@playwright/test';
import { serverUrl } from './servers';

test('a first run shows sample traffic of the last 24 hours', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(serverUrl('demo'));
  await expect(page.getByRole('heading', { name: 'Auditlens' })).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const requests = timeline.getByRole('heading', { name: /[\d,]+ requests/ });
  await expect(requests).toBeVisible();
  const count = Number((await requests.textContent())!.replace(/[^\d]/g, ''));
  expect(count).toBeGreaterThan(1000);
  const users = page.getByRole('region', { name: 'Top User' });
  await expect(users.getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Top Verb' })).toContainText('get');
  await page.screenshot({ path: 'test-results/overview.png', fullPage: true });
});

test('the API names a bad parameter', async ({ request }) => {
  const r = await request.get(`${serverUrl('demo')}/api/events?vrb=get`);
  expect(r.status()).toBe(400);
  const body = await r.json();
  expect(body.error.param).toBe('vrb');
  expect(body.error.message).toContain('vrb');
  const limit = await request.get(`${serverUrl('demo')}/api/events?limit=abc`);
  expect((await limit.json()).error).toMatchObject({ code: 'invalid_parameter', param: 'limit' });
  const dim = await request.get(`${serverUrl('demo')}/api/breakdown`);
  expect((await dim.json()).error.param).toBe('dimension');
});
