// Security presets and the response-code-class split, against the demo server.

import { expect, test } from '@playwright/test';
import { serverUrl } from './servers';

const base = () => serverUrl('demo');

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
});

test('a preset is a link that swaps the filters and keeps the range', async ({ page }) => {
  await page.goto(`${base()}/?from=now-7d&user=alice&split=user`);
  await expect(page.getByTestId('resolved-range')).toBeVisible();
  const presets = page.getByRole('navigation', { name: 'Security presets' });
  const denied = presets.getByRole('link', { name: 'Denied (401/403)' });
  await expect(denied).toHaveAttribute('href', '/?from=now-7d&code=401&code=403&split=user');
  await denied.click();
  await expect(page).toHaveURL(`${base()}/?from=now-7d&code=401&code=403&split=user`);
  const filters = page.getByRole('region', { name: 'Filters' });
  await expect(filters.getByText('code = 401')).toBeVisible();
  await expect(filters.getByText('code = 403')).toBeVisible();
  await expect(filters).not.toContainText('alice');
  await expect(denied).toHaveAttribute('aria-current', 'page');
  const rows = page.getByRole('table', { name: 'Requests' }).locator('tbody tr');
  await expect(rows.first()).toContainText(/40[13]/);
  await page.screenshot({ path: 'test-results/explorer-presets.png' });

  await presets.getByRole('link', { name: 'Exec / attach / port-forward' }).click();
  await expect(page).toHaveURL(
    /\?from=now-7d&subresource=exec&subresource=attach&subresource=portforward&stage=ResponseStarted&stage=ResponseComplete&stage=Panic&split=user$/,
  );
  await expect(rows.first()).toContainText('pods/');
});

test('the timeline splits by response-code class', async ({ page }) => {
  await page.goto(`${base()}/`);
  await expect(page.getByTestId('resolved-range')).toBeVisible();
  await page.getByLabel('Split by').selectOption('codeClass');
  await expect(page).toHaveURL(`${base()}/?split=codeClass`);
  const legend = page.getByRole('list', { name: 'Legend' });
  await expect(legend).toContainText('2xx');
  await expect(legend).toContainText('4xx');
  await expect(legend).not.toContainText('200');
  await page.reload();
  await expect(page.getByLabel('Split by')).toHaveValue('codeClass');
  await expect(legend).toContainText('2xx');
  await page
    .getByRole('region', { name: 'Timeline' })
    .screenshot({ path: 'test-results/explorer-code-class.png' });
});
