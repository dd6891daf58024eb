import type { TimelineResult } from '@/lib/backends/types';
import { OTHER_KEY } from '@/lib/backends/types';

const COLORS = [
  'bg-sky-500',
  'bg-emerald-500',
  'bg-amber-500',
  'bg-violet-500',
  'bg-rose-500',
  'bg-teal-500',
  'bg-slate-400',
];

function label(v: string): string {
  return v === OTHER_KEY ? 'other' : v || '(none)';
}

/** A plain stacked bar chart in CSS; the explorer's interactive chart replaces it. */
export function TimelineBars({ timeline }: { timeline: TimelineResult }) {
  const max = Math.max(1, ...timeline.buckets.map((b) => b.total));
  return (
    <div className="mt-3">
      <div className="flex h-40 items-end gap-px" aria-label="Requests over time">
        {timeline.buckets.map((b) => (
          <div
            key={b.start}
            className="flex flex-1 flex-col-reverse overflow-hidden rounded-t-sm bg-slate-100"
            style={{ height: `${(b.total / max) * 100}%` }}
            title={`${b.start}: ${b.total}`}
          >
            {timeline.series.map((s, i) => (
              <div
                key={s}
                className={COLORS[i % COLORS.length]}
                style={{ height: `${((b.counts[s] ?? 0) / Math.max(1, b.total)) * 100}%` }}
              />
            ))}
          </div>
        ))}
      </div>
      <ul className="mt-2 flex flex-wrap gap-3 text-xs text-slate-600">
        {timeline.series.map((s, i) => (
          <li key={s} className="flex items-center gap-1">
            <span className={`inline-block h-2 w-2 rounded-sm ${COLORS[i % COLORS.length]}`} />
            {label(s)}
          </li>
        ))}
      </ul>
    </div>
  );
}
