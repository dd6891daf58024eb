import Link from 'next/link';
import { getDimension } from '@/lib/audit/dimensions';
import type { BreakdownResult } from '@/lib/backends/types';
import { formatCount } from '@/lib/explorer/event-summary';
import { exclude, hasValue, includeOnly } from '@/lib/explorer/filter-edits';
import { viewHref, type ExplorerView } from '@/lib/explorer/view-state';
import type { FilterValue } from '@/lib/query/types';

/**
 * Each value is a real link to the view filtered to it (so middle-click and "copy link"
 * work), with a second link that excludes it. Bars show the value's share of the total.
 */
export function BreakdownRows({
  breakdown,
  view,
}: {
  breakdown: BreakdownResult;
  view: ExplorerView;
}) {
  const { dimension, total } = breakdown;
  const label = getDimension(dimension).label;
  const share = (n: number) => (total > 0 ? Math.min(100, (n / total) * 100) : 0);
  return (
    <ul className="space-y-0.5 text-sm">
      {breakdown.rows.map((r) => {
        const value: FilterValue = { op: 'eq', value: r.value };
        const shown = r.value === '' ? '(none)' : r.value;
        const active = hasValue(view.query, dimension, false, value);
        const pct = share(r.count);
        return (
          <li key={r.value} className="group flex items-stretch gap-1">
            <Link
              href={viewHref({ ...view, query: includeOnly(view.query, dimension, value) })}
              prefetch={false}
              scroll={false}
              title={`Show only ${label} = ${shown}`}
              aria-current={active ? 'true' : undefined}
              className="relative flex min-w-0 flex-1 items-center gap-2 overflow-hidden rounded px-1.5 py-0.5 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-500"
            >
              <span
                aria-hidden
                className={`absolute inset-y-0.5 left-0 rounded-sm ${active ? 'bg-sky-200' : 'bg-sky-100'}`}
                style={{ width: `${pct}%` }}
              />
              <span
                className={`relative min-w-0 flex-1 truncate font-mono text-xs ${r.value === '' ? 'text-slate-400 italic' : 'text-slate-800'}`}
              >
                {shown}
              </span>
              <span className="relative shrink-0 text-xs text-slate-700 tabular-nums">
                {formatCount(r.count)}
              </span>
              <span className="relative w-10 shrink-0 text-right text-xs text-slate-400 tabular-nums">
                {pct >= 10 ? pct.toFixed(0) : pct.toFixed(1)}%
              </span>
            </Link>
            <Link
              href={viewHref({ ...view, query: exclude(view.query, dimension, value) })}
              prefetch={false}
              scroll={false}
              aria-label={`Exclude ${label} ${shown}`}
              title={`Exclude ${label} = ${shown}`}
              className="flex w-6 shrink-0 items-center justify-center rounded text-slate-300 group-hover:text-slate-500 hover:bg-rose-50 hover:!text-rose-700 focus-visible:text-rose-700"
            >
              ≠
            </Link>
          </li>
        );
      })}
      {breakdown.other > 0 && (
        <li className="flex items-center gap-2 px-1.5 py-0.5 pr-8 text-xs text-slate-500">
          <span className="flex-1 italic">other</span>
          <span className="tabular-nums">{formatCount(breakdown.other)}</span>
          <span className="w-10 text-right tabular-nums">{share(breakdown.other).toFixed(1)}%</span>
        </li>
      )}
    </ul>
  );
}
