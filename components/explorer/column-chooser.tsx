'use client';

import type { EventTableModel } from './event-table-body';

/** Which columns the table shows; each toggle writes `cols` to the URL. */
export function ColumnChooser({ table }: { table: EventTableModel }) {
  const columns = table.getAllLeafColumns();
  const visible = columns.filter((c) => c.getIsVisible()).length;
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-600 hover:bg-slate-50">
        Columns
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-48 space-y-1 rounded-md border border-slate-200 bg-white p-2 text-sm shadow-lg">
        <legend className="sr-only">Visible columns</legend>
        {columns.map((c) => {
          const on = c.getIsVisible();
          return (
            <label
              key={c.id}
              className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-50"
            >
              <input
                type="checkbox"
                checked={on}
                disabled={on && visible === 1}
                onChange={() => c.toggleVisibility(!on)}
              />
              {typeof c.columnDef.header === 'string' ? c.columnDef.header : c.id}
            </label>
          );
        })}
      </fieldset>
    </details>
  );
}
