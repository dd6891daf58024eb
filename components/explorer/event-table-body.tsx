'use client';

// The event table's rows in a scroll box of their own, virtualized: only the rows in view
// (and a few either side) are in the DOM, spacer rows keep the table's height, so ten
// thousand loaded rows scroll as smoothly as fifty. Nearing the last loaded row fetches the
// next page. The header row stays in view while the rows scroll.

import type { ReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import type { EventRow } from '@/lib/backends/types';
import { eventsUrl } from '@/lib/explorer/panel-urls';
import type { EventPages } from '@/lib/explorer/use-event-pages';
import type { ViewNavigation } from '@/lib/explorer/use-view';
import { viewHref, type ExplorerView } from '@/lib/explorer/view-state';
import { spacerHeights, wantsNextPage } from '@/lib/explorer/virtual-rows';
import type { eventTableFeatures } from './event-columns';
import { SortHeader } from './sort-header';

export type EventTableModel = ReactTable<typeof eventTableFeatures, EventRow>;

/** Every row is one line (cells truncate), so rows have one fixed height and none is measured. */
const ROW_HEIGHT = 30;
/** Rows rendered beyond each edge of the viewport. */
const OVERSCAN = 12;
/** Rows short of the loaded end at which the next page is fetched: about half a box of rows. */
const PREFETCH_ROWS = 12;

// Fixed layout with set widths, so columns don't jump as different rows scroll in; the
// columns without a width share what is left.
const WIDTHS: Record<string, string> = {
  time: 'w-48',
  verb: 'w-24',
  code: 'w-16',
  sourceIP: 'w-32',
  latency: 'w-24 text-right',
  stage: 'w-36',
};

export function EventTableBody({
  table,
  view,
  nav,
  pages,
}: {
  table: EventTableModel;
  view: ExplorerView;
  nav: ViewNavigation;
  pages: EventPages;
}) {
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders this component itself on scroll; nothing memoizes its results
  // (the React Compiler is not enabled), which is what this rule warns about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (i) => rows[i]?.id ?? i,
    useFlushSync: false,
  });
  const rendered = virtualizer.getVirtualItems();
  const spacer = spacerHeights(rendered, virtualizer.getTotalSize(), 0);
  // The last row in view, not the last rendered: the overscan would fetch page 2 at once.
  const lastShown = virtualizer.range?.endIndex ?? -1;

  const { hasMore, loadingMore, moreError, loadMore } = pages;
  const loaded = rows.length;
  useEffect(() => {
    const busy = loadingMore;
    const failed = moreError !== null;
    if (wantsNextPage({ lastShown, loaded, hasMore, busy, failed, prefetchRows: PREFETCH_ROWS }))
      loadMore();
  }, [lastShown, loaded, hasMore, loadingMore, moreError, loadMore]);

  // A new query starts at its first row, not at the old scroll position.
  const queryKey = eventsUrl(view.query);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  const columns = table.getVisibleLeafColumns().length;
  return (
    <div
      ref={scrollRef}
      data-testid="table-scroll"
      // Focusable so the rows scroll with the keyboard too.
      tabIndex={0}
      className="max-h-[70vh] overflow-auto overscroll-contain focus-visible:outline-2 focus-visible:outline-sky-500"
    >
      <table
        className="w-full min-w-[56rem] table-fixed text-left text-xs"
        aria-label="Requests"
        aria-rowcount={loaded + 1}
      >
        <thead className="sticky top-0 z-10 bg-slate-50 text-slate-500 shadow-[inset_0_-1px_0_var(--color-slate-200)]">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((h) => (
                <th
                  key={h.id}
                  scope="col"
                  className={`px-3 py-2 font-medium ${WIDTHS[h.column.id] ?? ''}`}
                >
                  {h.column.id === 'time' ? (
                    <SortHeader view={view} nav={nav} />
                  ) : (
                    <table.FlexRender header={h} />
                  )}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {spacer.top > 0 && <SpacerRow height={spacer.top} columns={columns} />}
          {rendered.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const open = { ...view, event: row.original.auditID };
            const selected = view.event === row.original.auditID;
            return (
              <tr
                key={row.id}
                style={{ height: ROW_HEIGHT }}
                aria-rowindex={item.index + 2}
                onClick={(e) => {
                  if (e.defaultPrevented || window.getSelection()?.toString()) return;
                  nav.push(open);
                }}
                aria-selected={selected}
                className={`cursor-pointer border-b border-slate-100 align-middle ${
                  selected ? 'bg-sky-50' : 'hover:bg-slate-50'
                }`}
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={`truncate px-3 py-1.5 ${WIDTHS[cell.column.id] ?? ''}`}
                  >
                    {cell.column.id === 'time' ? (
                      <Link
                        href={viewHref(open)}
                        prefetch={false}
                        scroll={false}
                        onClick={(e) => e.stopPropagation()}
                        className="text-sky-800 hover:underline"
                        aria-label={`Open request ${row.original.auditID}`}
                      >
                        <table.FlexRender cell={cell} />
                      </Link>
                    ) : (
                      <table.FlexRender cell={cell} />
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
          {spacer.bottom > 0 && <SpacerRow height={spacer.bottom} columns={columns} />}
        </tbody>
      </table>
    </div>
  );
}

/** Stands in for rows scrolled out of the DOM. Hidden from assistive tech, which has aria-rowcount. */
function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden data-spacer style={{ height }}>
      <td colSpan={columns} className="p-0" />
    </tr>
  );
}
