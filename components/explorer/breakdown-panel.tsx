'use client';

import { useState } from 'react';
import { Panel } from '@/components/ui/panel';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/panel-state';
import { getDimension, type DimensionKey } from '@/lib/audit/dimensions';
import type { BreakdownResult } from '@/lib/backends/types';
import { aggregateQuery, apiUrl } from '@/lib/explorer/api-client';
import { formatCount } from '@/lib/explorer/event-summary';
import { useApi } from '@/lib/explorer/use-api';
import type { ExplorerView } from '@/lib/explorer/view-state';
import { BreakdownRows } from './breakdown-rows';
import { countNoun, WidenRangeHint } from './count-noun';

const TOP = 8;
const TOP_EXPANDED = 30;

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
  const top = expanded ? TOP_EXPANDED : TOP;
  const url = apiUrl('/api/breakdown', aggregateQuery(view.query), {
    dimension,
    top: String(top),
  });
  const { data, error, loading } = useApi<BreakdownResult>(url);
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
