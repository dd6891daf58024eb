// Arithmetic of the virtualized event table: the spacer rows that stand in for the rows not
// in the DOM, and when scrolling should fetch the next page.

/** A rendered row's place, as @tanstack/react-virtual reports it (offsets include the margin). */
export interface RowSpan {
  index: number;
  start: number;
  end: number;
}

/**
 * Heights of the spacer rows above and below the rendered ones, so the table is as tall as
 * if every loaded row were there. `totalSize` excludes `scrollMargin` (the distance from the
 * top of the page to the first row); the spans' offsets include it.
 */
export function spacerHeights(
  rendered: readonly RowSpan[],
  totalSize: number,
  scrollMargin: number,
): { top: number; bottom: number } {
  const first = rendered[0];
  const last = rendered.at(-1);
  if (!first || !last) return { top: 0, bottom: 0 };
  return {
    top: Math.max(0, first.start - scrollMargin),
    bottom: Math.max(0, totalSize - (last.end - scrollMargin)),
  };
}

/** Fetch the next page once the last row in view is within `prefetchRows` of the loaded end. */
export function wantsNextPage(a: {
  lastShown: number;
  loaded: number;
  hasMore: boolean;
  busy: boolean;
  failed: boolean;
  prefetchRows: number;
}): boolean {
  if (!a.hasMore || a.busy || a.failed || a.lastShown < 0) return false;
  return a.loaded - 1 - a.lastShown < a.prefetchRows;
}
