// A titled card: the frame of every explorer panel.

import type { ReactNode } from 'react';

/**
 * Whether a panel shows the answer to the current view: `ready` once it has drawn it (rows,
 * a chart or "nothing in this range"), `error` when it shows an error. Tests and the UI
 * benchmark wait for every `[data-panel]` to be ready.
 */
export type PanelState = 'loading' | 'ready' | 'error';

/** A titled card. `label` names the region for assistive tech and tests. */
export function Panel({
  title,
  label,
  actions,
  children,
  className = '',
  flush = false,
  panel,
  state,
}: {
  title: ReactNode;
  label: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** No padding around the body, for tables that run edge to edge. */
  flush?: boolean;
  /** A stable id for `data-panel` (`timeline`, `breakdown-user`, `table`). */
  panel?: string;
  state?: PanelState;
}) {
  return (
    <section
      aria-label={label}
      data-panel={panel}
      data-state={state}
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

/** The state of a panel fed by one API answer. */
export function panelState(a: { error: unknown; loading: boolean; hasData: boolean }): PanelState {
  if (a.loading) return 'loading';
  if (a.error) return 'error';
  return a.hasData ? 'ready' : 'loading';
}
