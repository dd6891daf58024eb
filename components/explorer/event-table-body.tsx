'use client';

import type { ReactTable } from '@tanstack/react-table';
import Link from 'next/link';
import type { EventRow } from '@/lib/backends/types';
import type { ViewNavigation } from '@/lib/explorer/use-view';
import { viewHref, type ExplorerView } from '@/lib/explorer/view-state';
import type { eventTableFeatures } from './event-columns';
import { SortHeader } from './sort-header';

export type EventTableModel = ReactTable<typeof eventTableFeatures, EventRow>;

const WIDTHS: Record<string, string> = {
  time: 'w-48',
  user: 'max-w-72',
  verb: 'w-20',
  resource: 'max-w-56',
  object: 'max-w-72',
  code: 'w-16',
  sourceIP: 'max-w-40',
  latency: 'w-24 text-right',
  userAgent: 'max-w-72',
  stage: 'w-36',
};

export function EventTableBody({
  table,
  view,
  nav,
}: {
  table: EventTableModel;
  view: ExplorerView;
  nav: ViewNavigation;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs" aria-label="Requests">
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-500">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((h) => (
                <th
                  key={h.id}
                  scope="col"
                  className={`px-3 py-2 font-medium ${WIDTHS[h.column.id] ?? ''}`}
                >
                  {h.column.id === 'time' ? (
                    <SortHeader view={view} nav={nav} />
                  ) : (
                    <table.FlexRender header={h} />
                  )}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => {
            const open = { ...view, event: row.original.auditID };
            const selected = view.event === row.original.auditID;
            return (
              <tr
                key={row.id}
                onClick={(e) => {
                  if (e.defaultPrevented || window.getSelection()?.toString()) return;
                  nav.push(open);
                }}
                aria-selected={selected}
                className={`cursor-pointer border-b border-slate-100 align-middle ${
                  selected ? 'bg-sky-50' : 'hover:bg-slate-50'
                }`}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`px-3 py-1.5 ${WIDTHS[cell.column.id] ?? ''}`}>
                    {cell.column.id === 'time' ? (
                      <Link
                        href={viewHref(open)}
                        prefetch={false}
                        scroll={false}
                        onClick={(e) => e.stopPropagation()}
                        className="text-sky-800 hover:underline"
                        aria-label={`Open request ${row.original.auditID}`}
                      >
                        <table.FlexRender cell={cell} />
                      </Link>
                    ) : (
                      <table.FlexRender cell={cell} />
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
