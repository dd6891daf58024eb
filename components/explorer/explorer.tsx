'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { useViewNavigation, useViewParse } from '@/lib/explorer/use-view';
import { withoutParam, type ExplorerView } from '@/lib/explorer/view-state';
import { BreakdownGrid } from './breakdown-grid';
import { EventDrawer } from './event-drawer';
import { EventTable } from './event-table';
import { ExplorerHeader } from './explorer-header';
import { FilterBar } from './filter-bar';
import { ParamError } from './param-error';
import { TimelinePanel } from './timeline-panel';

/** The explorer: every panel reads the view from the URL and changes it by writing a new URL. */
export function Explorer() {
  const parsed = useViewParse();
  const params = useSearchParams();
  if (!parsed.ok) {
    const removeHref = withoutParam(new URLSearchParams(params.toString()), parsed.error.param);
    return <ParamError error={parsed.error} removeHref={removeHref} />;
  }
  return <ExplorerPanels view={parsed.view} />;
}

function ExplorerPanels({ view }: { view: ExplorerView }) {
  const nav = useViewNavigation();
  const { push } = nav;
  const closeEvent = useCallback(() => push({ ...view, event: null }), [push, view]);
  return (
    <>
      <main className="mx-auto max-w-[1600px] space-y-4 px-4 py-4 sm:px-6">
        <ExplorerHeader view={view} nav={nav} />
        <FilterBar view={view} nav={nav} />
        <TimelinePanel view={view} nav={nav} />
        <BreakdownGrid view={view} />
        <EventTable view={view} nav={nav} />
      </main>
      {view.event !== null && <EventDrawer auditID={view.event} view={view} onClose={closeEvent} />}
    </>
  );
}
