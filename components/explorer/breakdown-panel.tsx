'use client';

import { useState } from 'react';
import { Panel, panelState } from '@/components/ui/panel';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/panel-state';
import { getDimension, type DimensionKey } from '@/lib/audit/dimensions';
import type { BreakdownResult } from '@/lib/backends/types';
import { formatCount } from '@/lib/explorer/event-summary';
import { breakdownUrl } from '@/lib/explorer/panel-urls';
import { useApi } from '@/lib/explorer/use-api';
import type { ExplorerView } from '@/lib/explorer/view-state';
import { BreakdownRows } from './breakdown-rows';
import { countNoun, WidenRangeHint } from './count-noun';

/** Top values of one dimension with counts and share bars; each value is a link that filters. */
export function BreakdownPanel({
  dimension,
  view,
  wide = false,
}: {
  dimension: DimensionKey;
  view: ExplorerView;
  wide?: boolean;
}) {
  const [expanded, setExpanded] = useState(false);
  const { data, error, loading } = useApi<BreakdownResult>(breakdownUrl(view, dimension, expanded));
  const label = getDimension(dimension).label;
  const noun = countNoun(view.query);
  const more = data && (data.other > 0 || expanded) && (
    <button
      type="button"
      onClick={() => setExpanded(!expanded)}
      className="text-xs font-medium text-sky-700 hover:underline"
    >
      {expanded ? 'Show fewer' : 'Show more'}
    </button>
  );
  return (
    <Panel
      label={`Top ${label}`}
      panel={`breakdown-${dimension}`}
      state={panelState({ error, loading, hasData: data !== null })}
      title={label}
      actions={more}
      className={wide ? 'md:col-span-2' : ''}
    >
      {error ? (
        <ErrorState title={`${label} could not be loaded`} message={error.message} />
      ) : !data ? (
        <LoadingState label={`Loading ${label}…`} rows={5} />
      ) : data.rows.length === 0 ? (
        <EmptyState title={`No ${noun} in this range`} hint={<WidenRangeHint />} />
      ) : (
        <div className={loading ? 'opacity-50 transition-opacity' : ''} aria-busy={loading}>
          <BreakdownRows breakdown={data} view={view} />
          <p className="mt-2 text-right text-xs text-slate-400">
            of {formatCount(data.total)} {noun}
          </p>
        </div>
      )}
    </Panel>
  );
}
