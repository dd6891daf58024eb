'use client';

import { useMemo } from 'react';
import { Panel, panelState } from '@/components/ui/panel';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/panel-state';
import { COUNTING_RULE_TEXT } from '@/lib/audit/counting';
import type { TimelineResult } from '@/lib/backends/types';
import { codeClassTimeline } from '@/lib/explorer/code-class';
import { formatCount } from '@/lib/explorer/event-summary';
import { withAbsoluteRange } from '@/lib/explorer/time-range';
import { timelineUrl } from '@/lib/explorer/panel-urls';
import { useApi } from '@/lib/explorer/use-api';
import type { ViewNavigation } from '@/lib/explorer/use-view';
import { CODE_CLASS_SPLIT, type ExplorerView } from '@/lib/explorer/view-state';
import { countNoun, WidenRangeHint } from './count-noun';
import { SplitSelect } from './split-select';
import { TimelineChart } from './timeline-chart';

/** Requests over time, stacked by the split dimension, with the total and how it is counted. */
export function TimelinePanel({ view, nav }: { view: ExplorerView; nav: ViewNavigation }) {
  const byClass = view.split === CODE_CLASS_SPLIT;
  const answer = useApi<TimelineResult>(timelineUrl(view));
  const { error, loading } = answer;
  const data = useMemo(
    () => (answer.data && byClass ? codeClassTimeline(answer.data) : answer.data),
    [answer.data, byClass],
  );
  const noun = countNoun(view.query);
  const title =
    data && !error ? (
      <span className={`text-base ${loading ? 'opacity-50' : ''}`}>
        {formatCount(data.total)} {noun}
      </span>
    ) : (
      'Timeline'
    );
  return (
    <Panel
      label="Timeline"
      panel="timeline"
      state={panelState({ error, loading, hasData: data !== null })}
      title={title}
      actions={<SplitSelect view={view} nav={nav} />}
    >
      <p className="-mt-1 mb-3 text-xs text-slate-500">
        {COUNTING_RULE_TEXT} Drag across bars to zoom.
      </p>
      {error ? (
        <ErrorState title="The timeline could not be loaded" message={error.message} />
      ) : !data ? (
        <LoadingState label="Loading the timeline…" rows={4} />
      ) : data.total === 0 ? (
        <EmptyState title={`No ${noun} in this range`} hint={<WidenRangeHint />} />
      ) : (
        <div className={loading ? 'opacity-50 transition-opacity' : ''} aria-busy={loading}>
          <TimelineChart
            timeline={data}
            noun={noun}
            onZoom={(start, end) =>
              nav.push({ ...view, query: withAbsoluteRange(view.query, start, end) })
            }
          />
        </div>
      )}
    </Panel>
  );
}
