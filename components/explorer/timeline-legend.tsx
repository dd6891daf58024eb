import type { Series } from './timeline-series';

/** The series, each a toggle that hides or shows its bars. */
export function TimelineLegend({
  series,
  hidden,
  onChange,
}: {
  series: Series[];
  hidden: ReadonlySet<string>;
  onChange: (hidden: ReadonlySet<string>) => void;
}) {
  if (series.length < 2) return null;
  const toggle = (key: string) => {
    const next = new Set(hidden);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    onChange(next);
  };
  return (
    <ul aria-label="Legend" className="mt-2 flex flex-wrap gap-x-1 gap-y-1 text-xs">
      {series.map((s) => {
        const shown = !hidden.has(s.key);
        return (
          <li key={s.key}>
            <button
              type="button"
              aria-pressed={shown}
              title={shown ? `Hide ${s.label}` : `Show ${s.label}`}
              onClick={() => toggle(s.key)}
              className={`flex max-w-64 items-center gap-1.5 rounded px-1.5 py-0.5 hover:bg-slate-100 ${
                shown ? 'text-slate-700' : 'text-slate-400 line-through'
              }`}
            >
              <span
                className="h-2.5 w-2.5 shrink-0 rounded-sm"
                style={{ background: shown ? s.color : 'var(--color-slate-200)' }}
              />
              <span className="truncate font-mono">{s.label}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
