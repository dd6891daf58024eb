// Light and dark themes against the demo server: the system's preference by default, a
// toggle remembered by the browser, and `theme=` in the URL over both. In dark mode the
// explorer, the drill-down and the upload page must be dark and their text readable.
// With SCREENSHOT_DIR set (e.g. docs/screenshots) it also saves the README's screenshots.

import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { serverUrl } from './servers';

const base = () => serverUrl('demo');
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;
const PANELS = '[data-panel]';

type Rgb = [number, number, number];

/** The text colour of the element and the first opaque background behind it, as sRGB. */
async function colours(el: Locator): Promise<{ fg: Rgb; bg: Rgb }> {
  return el.evaluate((node) => {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    // The canvas turns any CSS colour (oklch, color-mix) into sRGB bytes.
    const rgb = (css: string): [number, number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!, a!];
    };
    let bg: [number, number, number, number] = [255, 255, 255, 255];
    for (let e: Element | null = node; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c[3] === 255) {
        bg = c;
        break;
      }
    }
    const fg = rgb(getComputedStyle(node).color);
    return { fg: [fg[0], fg[1], fg[2]], bg: [bg[0], bg[1], bg[2]] };
  });
}

function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

async function expectReadable(el: Locator, min = 4.5): Promise<void> {
  const { fg, bg } = await colours(el);
  expect(contrast(fg, bg), `contrast of ${el} (${fg} on ${bg})`).toBeGreaterThanOrEqual(min);
}

async function pageBackground(page: Page): Promise<Rgb> {
  return (await colours(page.locator('body'))).bg;
}

async function openExplorer(page: Page, search = ''): Promise<void> {
  await page.goto(`${base()}/${search}`);
  await expect(page.locator(PANELS)).toHaveCount(9);
  await expect(page.locator(`${PANELS}:not([data-state="ready"])`)).toHaveCount(0, {
    timeout: 30_000,
  });
}

async function snap(page: Page, name: string): Promise<void> {
  if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, name) });
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
});

test('follows the system: light and dark differ, and dark text is readable', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openExplorer(page);
  const light = await pageBackground(page);
  expect(luminance(light)).toBeGreaterThan(0.8);
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
  await snap(page, 'explorer.png');

  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await pageBackground(page);
  expect(luminance(dark)).toBeLessThan(0.05);
  expect(dark).not.toEqual(light);

  const timeline = page.getByRole('region', { name: 'Timeline' });
  const table = page.getByRole('table', { name: 'Requests' });
  await expectReadable(page.getByRole('heading', { name: 'Auditlens' }), 7);
  await expectReadable(timeline.getByRole('heading'), 7);
  await expectReadable(timeline.getByText(/Drag across bars to zoom/)); // muted text
  await expectReadable(page.getByRole('region', { name: 'Top User' }).getByRole('link').first());
  await expectReadable(table.locator('th').first());
  await expectReadable(table.locator('tbody td').nth(1));
  await expectReadable(table.getByRole('link').first()); // the time link

  // The chart follows: dark grid lines, and bars that stand out from the panel.
  const grid = timeline.locator('.recharts-cartesian-grid line').first();
  const gridStroke = await grid.evaluate((l) => getComputedStyle(l).stroke);
  const bar = timeline.locator('.recharts-bar-rectangle rect').first();
  const barFill = await bar.evaluate((p) => getComputedStyle(p).fill);
  const panelBg = (await colours(timeline)).bg;
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await grid.evaluate((l) => getComputedStyle(l).stroke)).not.toBe(gridStroke);
  expect(await bar.evaluate((p) => getComputedStyle(p).fill)).not.toBe(barFill);
  await page.emulateMedia({ colorScheme: 'dark' });
  const barRgb = await bar.evaluate((p) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.fillStyle = getComputedStyle(p).fill;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3);
  });
  expect(contrast(barRgb as Rgb, panelBg)).toBeGreaterThanOrEqual(3);
  await snap(page, 'explorer-dark.png');
});

test('the toggle is remembered, and theme= in the URL wins over it', async ({ page, context }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openExplorer(page);
  const toggle = page.getByLabel('Theme');
  await expect(toggle).toHaveValue('system');
  await toggle.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(luminance(await pageBackground(page))).toBeLessThan(0.05);

  // Remembered: a reload and another tab open dark, from the first paint on (the attribute
  // is never taken away while the page hydrates).
  await page.addInitScript(() => {
    const seen: (string | null)[] = [];
    Object.assign(window, { __themeSeen: seen });
    const root = () => document.documentElement;
    new MutationObserver(() => seen.push(root().getAttribute('data-theme'))).observe(document, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-theme'],
    });
  });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await expect(page.locator(`${PANELS}:not([data-state="ready"])`)).toHaveCount(0);
  const seen = await page.evaluate(
    () => (window as unknown as { __themeSeen: unknown[] }).__themeSeen,
  );
  expect(seen[0]).toBe('dark');
  expect(seen).not.toContain(null);
  const other = await context.newPage();
  await other.goto(`${base()}/upload`);
  await expect(other.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(luminance(await pageBackground(other))).toBeLessThan(0.05);
  await expectReadable(other.getByRole('heading', { name: 'Auditlens' }), 7);
  await expectReadable(other.getByText('No files uploaded yet'));
  await snap(other, 'upload-dark.png');
  await other.close();

  // A link with theme=light shows light whatever was chosen, keeps it as the view changes,
  // and the toggle says why it can't be changed.
  await openExplorer(page, '?theme=light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(luminance(await pageBackground(page))).toBeGreaterThan(0.8);
  await expect(page.getByLabel('Theme')).toBeDisabled();
  await page.getByRole('region', { name: 'Top Verb' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/[?&]verb=[^&]+&theme=light$/);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  await page.goto(`${base()}/?theme=blue`);
  await expect(page.getByRole('alert').filter({ hasText: 'bad parameter' })).toContainText(
    'parameter "theme": expected light or dark',
  );

  // Back to following the system.
  await openExplorer(page);
  await page.getByLabel('Theme').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
  expect(luminance(await pageBackground(page))).toBeGreaterThan(0.8);
});

test('the drill-down and its permalink page are readable in dark', async ({ page, request }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openExplorer(page, '?verb=create&resource=secrets&level=RequestResponse');
  const rows = page.getByRole('table', { name: 'Requests' }).locator('tbody tr');
  await rows
    .first()
    .getByRole('link', { name: /^Open request/ })
    .click();
  const drawer = page.getByRole('dialog');
  const who = drawer.getByRole('region', { name: 'Who' });
  await expect(who).toContainText('system:serviceaccount:ci:deployer');
  await expect(drawer.getByRole('region', { name: 'Request object' })).toContainText('••••');
  await expect(page.locator(`${PANELS}:not([data-state="ready"])`)).toHaveCount(0);
  await snap(page, 'drilldown.png');

  await page.emulateMedia({ colorScheme: 'dark' });
  expect(luminance((await colours(drawer)).bg)).toBeLessThan(0.05);
  await expectReadable(who.locator('dt').first());
  await expectReadable(who.locator('dd').first(), 7);
  await expectReadable(drawer.getByRole('region', { name: 'Result' }).locator('dd').first());
  const tree = drawer.getByRole('region', { name: 'Request object' }).getByRole('treeitem');
  await expectReadable(tree.first());
  await snap(page, 'drilldown-dark.png');

  const r = await request.get(`${base()}/api/events?subresource=exec&limit=1`);
  const id: string = (await r.json()).events[0].auditID;
  await page.goto(`${base()}/events/${id}?theme=dark`);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.getByRole('region', { name: 'What' })).toContainText('exec');
  expect(luminance(await pageBackground(page))).toBeLessThan(0.05);
  await expectReadable(page.getByRole('region', { name: 'What' }).locator('dd').first(), 7);
  await expect(page.getByLabel('Theme')).toBeDisabled();
});
