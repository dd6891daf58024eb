import type { ReactNode } from 'react';

/** A titled card. `label` names the region for assistive tech and tests. */
export function Panel({
  title,
  label,
  actions,
  children,
  className = '',
  flush = false,
}: {
  title: ReactNode;
  label: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** No padding around the body, for tables that run edge to edge. */
  flush?: boolean;
}) {
  return (
    <section
      aria-label={label}
      className={`flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}
    >
      <header className="flex min-h-10 flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-2">
        <h2 className="text-sm font-semibold text-slate-800">{title}</h2>
        {actions}
      </header>
      <div className={`min-w-0 flex-1 ${flush ? '' : 'p-4'}`}>{children}</div>
    </section>
  );
}
