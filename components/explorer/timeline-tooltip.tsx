import { formatCount } from '@/lib/explorer/event-summary';
import { formatLocal } from '@/lib/explorer/time-range';
import type { Series, TimelineRow } from './timeline-series';

/** One bucket: its span in the viewer's zone, each series' count (largest first), the total. */
export function TimelineTooltip({
  active,
  row,
  series,
  hidden,
  bucketMs,
  noun,
}: {
  active: boolean;
  row: TimelineRow | undefined;
  series: Series[];
  hidden: ReadonlySet<string>;
  bucketMs: number;
  noun: string;
}) {
  if (!active || !row) return null;
  const lines = series
    .filter((s) => !hidden.has(s.key) && (row[s.key] ?? 0) > 0)
    .sort((a, b) => (row[b.key] ?? 0) - (row[a.key] ?? 0));
  return (
    <div className="max-w-xs rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-xs shadow-lg">
      <p className="font-medium text-slate-700">
        {formatLocal(row.t)} – {formatLocal(row.t + bucketMs)}
      </p>
      <p className="mt-0.5 text-slate-500">
        {formatCount(row.total)} {noun}
      </p>
      {series.length > 1 && lines.length > 0 && (
        <ul className="mt-1.5 space-y-0.5">
          {lines.map((s) => (
            <li key={s.key} className="flex items-center gap-2">
              <span className="h-2 w-2 shrink-0 rounded-sm" style={{ background: s.color }} />
              <span className="min-w-0 flex-1 truncate font-mono">{s.label}</span>
              <span className="tabular-nums text-slate-700">{formatCount(row[s.key] ?? 0)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
