import { BREAKDOWN_DIMENSIONS } from '@/lib/explorer/panel-urls';
import type { ExplorerView } from '@/lib/explorer/view-state';
import { BreakdownPanel } from './breakdown-panel';

export function BreakdownGrid({ view }: { view: ExplorerView }) {
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
      {BREAKDOWN_DIMENSIONS.map((d) => (
        <BreakdownPanel key={d} dimension={d} view={view} wide={d === 'userAgent'} />
      ))}
    </div>
  );
}
