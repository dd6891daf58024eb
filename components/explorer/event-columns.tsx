// Column definitions of the event table, one per ColumnId (lib/explorer/columns.ts). Cells
// render text only; the table wraps the time cell in the link that opens the drill-down.

import { columnVisibilityFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { EventRow } from '@/lib/backends/types';
import { COLUMNS, type ColumnId } from '@/lib/explorer/columns';
import { formatLatency } from '@/lib/explorer/event-summary';
import { formatLocalPrecise, formatUtc, isoToMs } from '@/lib/explorer/time-range';
import { CodeBadge } from './code-badge';

export const eventTableFeatures = tableFeatures({ columnVisibilityFeature });
const col = createColumnHelper<typeof eventTableFeatures, EventRow>();

const first = (row: EventRow, key: keyof EventRow['dims']) => row.dims[key]?.[0] ?? '';
const header = (id: ColumnId) => COLUMNS.find((c) => c.id === id)?.label ?? id;

function Mono({ text, title }: { text: string; title?: string }) {
  return (
    <span className="block truncate font-mono" title={title ?? text}>
      {text}
    </span>
  );
}

export const eventColumns = col.columns([
  col.accessor('time', {
    id: 'time',
    header: header('time'),
    cell: (c) => {
      const ms = isoToMs(c.getValue());
      return (
        <span className="whitespace-nowrap tabular-nums" title={formatUtc(ms)}>
          {formatLocalPrecise(ms)}
        </span>
      );
    },
  }),
  col.accessor((r) => first(r, 'user'), {
    id: 'user',
    header: header('user'),
    cell: (c) => <Mono text={c.getValue() || '(none)'} />,
  }),
  col.accessor((r) => first(r, 'verb'), {
    id: 'verb',
    header: header('verb'),
    cell: (c) => <span className="font-mono">{c.getValue()}</span>,
  }),
  col.accessor((r) => [first(r, 'resource'), first(r, 'subresource')].filter(Boolean).join('/'), {
    id: 'resource',
    header: header('resource'),
    cell: (c) => <Mono text={c.getValue()} />,
  }),
  col.accessor((r) => [first(r, 'namespace'), first(r, 'name')].filter(Boolean).join('/'), {
    id: 'object',
    header: header('object'),
    cell: (c) => <Mono text={c.getValue()} />,
  }),
  col.accessor((r) => first(r, 'code'), {
    id: 'code',
    header: header('code'),
    cell: (c) => <CodeBadge code={c.getValue()} />,
  }),
  col.accessor((r) => r.dims.sourceIP ?? [], {
    id: 'sourceIP',
    header: header('sourceIP'),
    cell: (c) => <Mono text={c.getValue()[0] ?? ''} title={c.getValue().join(', ')} />,
  }),
  col.accessor('latencyMs', {
    id: 'latency',
    header: header('latency'),
    cell: (c) => (
      <span className="block text-right whitespace-nowrap tabular-nums">
        {formatLatency(c.getValue())}
      </span>
    ),
  }),
  col.accessor((r) => first(r, 'userAgent'), {
    id: 'userAgent',
    header: header('userAgent'),
    cell: (c) => <Mono text={c.getValue()} />,
  }),
  col.accessor('stage', {
    id: 'stage',
    header: header('stage'),
    cell: (c) => <span className="font-mono">{c.getValue() || '(none)'}</span>,
  }),
]);
