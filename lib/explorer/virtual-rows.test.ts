import { describe, expect, test } from 'vitest';
import { spacerHeights, wantsNextPage } from './virtual-rows';

describe('spacerHeights', () => {
  test('nothing rendered needs no spacers', () => {
    expect(spacerHeights([], 5000, 300)).toEqual({ top: 0, bottom: 0 });
  });

  test('rows in the middle: the rows above and below become spacer height', () => {
    // 100 rows of 30 px starting 300 px down the page; rows 40-59 rendered.
    const rendered = Array.from({ length: 20 }, (_, i) => ({
      index: 40 + i,
      start: 300 + (40 + i) * 30,
      end: 300 + (41 + i) * 30,
    }));
    expect(spacerHeights(rendered, 3000, 300)).toEqual({ top: 1200, bottom: 1200 });
  });

  test('the first and last rows rendered need no spacer', () => {
    const rendered = [
      { index: 0, start: 50, end: 80 },
      { index: 1, start: 80, end: 110 },
    ];
    expect(spacerHeights(rendered, 60, 50)).toEqual({ top: 0, bottom: 0 });
  });
});

describe('wantsNextPage', () => {
  const base = { loaded: 100, hasMore: true, busy: false, failed: false, prefetchRows: 15 };

  test('asks when the rows in view come near the loaded end', () => {
    expect(wantsNextPage({ ...base, lastShown: 84 })).toBe(false);
    expect(wantsNextPage({ ...base, lastShown: 85 })).toBe(true);
    expect(wantsNextPage({ ...base, lastShown: 99 })).toBe(true);
  });

  test('never while a page loads, after a failure, at the end, or with nothing rendered', () => {
    expect(wantsNextPage({ ...base, lastShown: 99, busy: true })).toBe(false);
    expect(wantsNextPage({ ...base, lastShown: 99, failed: true })).toBe(false);
    expect(wantsNextPage({ ...base, lastShown: 99, hasMore: false })).toBe(false);
    expect(wantsNextPage({ ...base, lastShown: -1, loaded: 0 })).toBe(false);
  });
});
