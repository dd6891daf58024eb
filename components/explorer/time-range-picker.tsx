'use client';

import {
  activeQuickRange,
  formatLocal,
  formatUtc,
  localZone,
  QUICK_RANGES,
  resolveRangeMs,
  withQuickRange,
} from '@/lib/explorer/time-range';
import { useNow } from '@/lib/explorer/use-now';
import type { ViewNavigation } from '@/lib/explorer/use-view';
import type { ExplorerView } from '@/lib/explorer/view-state';
import { AbsoluteRangeForm } from './absolute-range-form';

/** Quick ranges, a custom absolute range, and the range resolved in the viewer's time zone. */
export function TimeRangePicker({ view, nav }: { view: ExplorerView; nav: ViewNavigation }) {
  const active = activeQuickRange(view.query);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ResolvedRange view={view} />
      <div role="group" aria-label="Time range" className="inline-flex rounded-md shadow-sm">
        {QUICK_RANGES.map((r, i) => {
          const pressed = active === r.seconds;
          return (
            <button
              key={r.label}
              type="button"
              aria-pressed={pressed}
              title={`Last ${r.label}`}
              onClick={() => nav.push({ ...view, query: withQuickRange(view.query, r.seconds) })}
              className={`border border-slate-300 px-2.5 py-1 text-sm font-medium tabular-nums ${
                i === 0 ? 'rounded-l-md' : '-ml-px'
              } ${
                pressed
                  ? 'relative z-10 border-sky-600 bg-sky-600 text-white'
                  : 'bg-white text-slate-700 hover:bg-slate-50'
              }`}
            >
              {r.label}
            </button>
          );
        })}
        <AbsoluteRangeForm view={view} nav={nav} />
      </div>
    </div>
  );
}

function ResolvedRange({ view }: { view: ExplorerView }) {
  const now = useNow();
  if (now === null) return <span className="text-sm text-slate-400">…</span>;
  const { startMs, endMs } = resolveRangeMs(view.query, now);
  return (
    <p
      className="text-sm text-slate-600 tabular-nums"
      title={`${formatUtc(startMs)} – ${formatUtc(endMs)}`}
      data-testid="resolved-range"
    >
      {formatLocal(startMs)} – {formatLocal(endMs)}{' '}
      <span className="text-xs text-slate-400">{localZone()}</span>
    </p>
  );
}
