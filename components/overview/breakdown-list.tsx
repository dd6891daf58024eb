import { getDimension } from '@/lib/audit/dimensions';
import type { BreakdownResult } from '@/lib/backends/types';

export function BreakdownList({ breakdown }: { breakdown: BreakdownResult }) {
  const d = getDimension(breakdown.dimension);
  const max = Math.max(1, ...breakdown.rows.map((r) => r.count));
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-label={`Top ${d.label}`}
    >
      <h2 className="mb-2 text-sm font-medium text-slate-700">{d.label}</h2>
      {breakdown.rows.length === 0 ? (
        <p className="text-sm text-slate-500">No requests in this range.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {breakdown.rows.map((r) => (
            <li key={r.value} className="relative flex justify-between gap-2 rounded px-1">
              <span
                className="absolute inset-y-0 left-0 rounded bg-sky-100"
                style={{ width: `${(r.count / max) * 100}%` }}
                aria-hidden
              />
              <span className="relative truncate font-mono text-xs leading-5" title={r.value}>
                {r.value || '(none)'}
              </span>
              <span className="relative tabular-nums text-slate-600">
                {r.count.toLocaleString('en-US')}
              </span>
            </li>
          ))}
          {breakdown.other > 0 && (
            <li className="flex justify-between px-1 text-slate-500">
              <span>other</span>
              <span className="tabular-nums">{breakdown.other.toLocaleString('en-US')}</span>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
