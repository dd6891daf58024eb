'use client';

// The event table panel: the total, the column chooser, and the virtualized rows.

import { useTable, type ColumnVisibilityState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Panel, type PanelState } from '@/components/ui/panel';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/panel-state';
import type { EventRow } from '@/lib/backends/types';
import { COLUMN_IDS, DEFAULT_COLUMNS, isColumnId, sameColumns } from '@/lib/explorer/columns';
import { formatCount } from '@/lib/explorer/event-summary';
import { useEventPages } from '@/lib/explorer/use-event-pages';
import type { ViewNavigation } from '@/lib/explorer/use-view';
import type { ExplorerView } from '@/lib/explorer/view-state';
import { ColumnChooser } from './column-chooser';
import { countNoun, WidenRangeHint } from './count-noun';
import { eventColumns, eventTableFeatures } from './event-columns';
import { EventTableBody } from './event-table-body';
import { LoadMore } from './load-more';

const rowId = (r: EventRow) => `${r.auditID}/${r.stage}`;

/** The matching requests, newest first, a page at a time; a row opens its drill-down. */
export function EventTable({ view, nav }: { view: ExplorerView; nav: ViewNavigation }) {
  const pages = useEventPages(view.query);
  // Counting stage events (a stage filter) without chosen columns: show which stage each row is.
  const stages = view.query.filters.some((f) => f.dimension === 'stage');
  const shown =
    stages && sameColumns(view.cols, DEFAULT_COLUMNS) ? [...view.cols, 'stage'] : view.cols;
  const shownKey = shown.join(',');
  const columnVisibility = useMemo<ColumnVisibilityState>(() => {
    const ids = shownKey.split(',');
    return Object.fromEntries(COLUMN_IDS.map((id) => [id, ids.includes(id)]));
  }, [shownKey]);
  const table = useTable({
    features: eventTableFeatures,
    columns: eventColumns,
    data: pages.rows,
    getRowId: rowId,
    state: { columnVisibility },
    onColumnVisibilityChange: (updater) => {
      const next = typeof updater === 'function' ? updater(columnVisibility) : updater;
      const cols = Object.keys(next)
        .filter((id) => next[id])
        .filter(isColumnId);
      if (cols.length > 0) nav.push({ ...view, cols });
    },
  });
  const noun = countNoun(view.query);
  const title =
    pages.total === null ? (
      'Requests'
    ) : (
      <span
        data-testid="table-total"
        data-loading={pages.loading || undefined}
        className={pages.loading ? 'opacity-50' : ''}
      >
        {formatCount(pages.total)} {noun}{' '}
        <span className="font-normal text-slate-500">
          · showing {formatCount(pages.rows.length)}
        </span>
      </span>
    );
  const state: PanelState = pages.loading
    ? 'loading'
    : pages.error
      ? 'error'
      : pages.total === null
        ? 'loading'
        : 'ready';
  return (
    <Panel
      label="Requests"
      panel="table"
      state={state}
      flush
      title={title}
      actions={<ColumnChooser table={table} />}
    >
      {pages.error ? (
        <div className="p-4">
          <ErrorState title="The requests could not be loaded" message={pages.error.message} />
        </div>
      ) : pages.total === null ? (
        <div className="p-4">
          <LoadingState label="Loading requests…" rows={6} />
        </div>
      ) : pages.rows.length === 0 && !pages.loading ? (
        <EmptyState title={`No ${noun} in this range`} hint={<WidenRangeHint />} />
      ) : (
        <div
          className={pages.loading ? 'opacity-50 transition-opacity' : ''}
          aria-busy={pages.loading}
        >
          <EventTableBody table={table} view={view} nav={nav} pages={pages} />
          <LoadMore pages={pages} />
        </div>
      )}
    </Panel>
  );
}
