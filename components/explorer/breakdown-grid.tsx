import type { DimensionKey } from '@/lib/audit/dimensions';
import type { ExplorerView } from '@/lib/explorer/view-state';
import { BreakdownPanel } from './breakdown-panel';

export const BREAKDOWN_DIMENSIONS: readonly DimensionKey[] = [
  'user',
  'verb',
  'resource',
  'namespace',
  'code',
  'sourceIP',
  'userAgent',
];

export function BreakdownGrid({ view }: { view: ExplorerView }) {
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
      {BREAKDOWN_DIMENSIONS.map((d) => (
        <BreakdownPanel key={d} dimension={d} view={view} wide={d === 'userAgent'} />
      ))}
    </div>
  );
}
