// The event table against the demo server (about 20,000 requests in the last 24 hours):
// scrolling its rows fetches page after page through the cursor, while only the rows in view
// stay in the DOM, up to ten thousand rows loaded.

import { expect, test, type Locator, type Page } from '@playwright/test';
import { serverUrl } from './servers';

const base = () => serverUrl('demo');
/** Rows in view plus the overscan either side: the 70vh scroll box holds about 24 rows. */
const MAX_DOM_ROWS = 60;

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
});

/** The "· showing N" part of the table's title: how many rows are loaded. */
async function shown(page: Page): Promise<number> {
  const text = await page.getByTestId('table-total').textContent();
  const m = /showing ([\d,]+)/.exec(text ?? '');
  return m ? Number(m[1]!.replace(/,/g, '')) : 0;
}

function dataRows(page: Page): Locator {
  return page.getByRole('table', { name: 'Requests' }).locator('tbody tr:not([data-spacer])');
}

/** The 1-based positions (aria-rowindex, header is 1) of the rows in the DOM. */
async function renderedIndexes(page: Page): Promise<number[]> {
  return dataRows(page).evaluateAll((rows) =>
    rows.map((r) => Number(r.getAttribute('aria-rowindex'))),
  );
}

async function scrollRowsToEnd(page: Page): Promise<void> {
  await page.getByTestId('table-scroll').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
}

async function openTable(page: Page, path: string): Promise<void> {
  await page.goto(`${base()}${path}`);
  await expect(page.locator('[data-panel="table"]')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });
}

test('scrolling the rows loads page after page; the DOM keeps only the rows in view', async ({
  page,
}) => {
  await openTable(page, '/?limit=100');
  expect(await shown(page)).toBe(100);
  const first = await renderedIndexes(page);
  expect(first[0]).toBe(2);
  expect(first.length).toBeLessThan(MAX_DOM_ROWS);

  let loaded = 100;
  for (let pageNo = 2; pageNo <= 6; pageNo++) {
    await scrollRowsToEnd(page);
    await expect.poll(() => shown(page)).toBeGreaterThanOrEqual(pageNo * 100);
    loaded = await shown(page);
    // Settle, then look: the last loaded rows are in view, the first ones are gone.
    await scrollRowsToEnd(page);
    await expect
      .poll(async () => Math.max(...(await renderedIndexes(page))))
      .toBeGreaterThan((pageNo - 1) * 100);
    const indexes = await renderedIndexes(page);
    expect(indexes.length).toBeLessThan(MAX_DOM_ROWS);
    expect(indexes).not.toContain(2);
  }
  // The table says how many rows are loaded in all, for assistive tech (read together with
  // the title, as a prefetched page may land in between).
  const counts = await page.evaluate(() => ({
    rows: document.querySelector('table[aria-label="Requests"]')?.getAttribute('aria-rowcount'),
    title: document.querySelector('[data-testid="table-total"]')?.textContent,
  }));
  const showing = Number(/showing ([\d,]+)/.exec(counts.title ?? '')?.[1]?.replace(/,/g, ''));
  expect(Number(counts.rows)).toBe(showing + 1);
  expect(loaded).toBeGreaterThanOrEqual(600);

  // A new query (oldest first) starts at its first row, and a row still opens its drill-down.
  await page.getByRole('button', { name: /^Time/ }).click();
  await expect(page).toHaveURL(/[?&]sort=time-asc/);
  await expect(page.locator('[data-panel="table"]')).toHaveAttribute('data-state', 'ready');
  await expect(dataRows(page).first()).toHaveAttribute('aria-rowindex', '2');
  expect(await page.getByTestId('table-scroll').evaluate((el) => el.scrollTop)).toBe(0);
  expect(await shown(page)).toBe(100);
  await dataRows(page).nth(3).click();
  await expect(page).toHaveURL(/[?&]event=[0-9a-f-]+/);
  await expect(page.getByRole('dialog').getByRole('region', { name: 'Who' })).toBeVisible();
});

test('ten thousand loaded rows: the DOM stays small and scrolling stays quick', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openTable(page, '/?limit=1000');
  while ((await shown(page)) < 10_000) {
    const before = await shown(page);
    await scrollRowsToEnd(page);
    await expect.poll(() => shown(page), { timeout: 20_000 }).toBeGreaterThan(before);
    expect((await renderedIndexes(page)).length).toBeLessThan(MAX_DOM_ROWS);
  }
  expect(await page.locator('tbody tr').count()).toBeLessThan(MAX_DOM_ROWS + 2);

  // Jump to the middle and back: each jump renders its rows within a few frames.
  const scroll = page.getByTestId('table-scroll');
  for (const fraction of [0.5, 0.1, 0.9, 0.3]) {
    const ms = await scroll.evaluate(async (el, f) => {
      const t0 = performance.now();
      el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
      const target = Math.floor(9_000 * f);
      for (let i = 0; i < 60; i++) {
        await new Promise(requestAnimationFrame);
        const rows = [...el.querySelectorAll('tbody tr[aria-rowindex]')];
        const at = rows.map((r) => Number(r.getAttribute('aria-rowindex')));
        if (at.some((n) => n >= target)) return performance.now() - t0;
      }
      return Infinity;
    }, fraction);
    // Generous for a busy CI machine; unvirtualized, 10,000 rows take seconds to lay out.
    expect(ms).toBeLessThan(1_000);
    expect((await renderedIndexes(page)).length).toBeLessThan(MAX_DOM_ROWS);
  }
});
