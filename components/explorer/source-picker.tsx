'use client';

// Which configured source the view reads: shown when there is more than one. Choosing
// one keeps the filters and range, and drops the cursor and the open event (they belong
// to the previous store).

import { useApi } from '@/lib/explorer/use-api';
import type { ViewNavigation } from '@/lib/explorer/use-view';
import type { ExplorerView } from '@/lib/explorer/view-state';
import type { SourceSummary } from '@/lib/config/sources';

const KIND: Record<SourceSummary['type'], string> = {
  embedded: 'embedded',
  loki: 'Loki',
  elasticsearch: 'Elasticsearch',
};

export function SourcePicker({ view, nav }: { view: ExplorerView; nav: ViewNavigation }) {
  const { data } = useApi<{ sources: SourceSummary[] }>('/api/sources');
  const sources = data?.sources ?? [];
  if (sources.length < 2) return null;
  const current =
    view.query.source === 'default'
      ? (sources.find((s) => s.isDefault)?.name ?? view.query.source)
      : view.query.source;
  return (
    <label
      className="flex items-center gap-1.5 text-xs text-slate-600"
      title="The store this view reads"
    >
      Source
      <select
        aria-label="Source"
        value={current}
        onChange={(e) => {
          const chosen = sources.find((s) => s.name === e.target.value);
          if (!chosen) return;
          nav.push({
            ...view,
            event: null,
            query: {
              ...view.query,
              cursor: null,
              source: chosen.isDefault ? 'default' : chosen.name,
            },
          });
        }}
        className="rounded border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-800"
      >
        {sources.map((s) => (
          <option key={s.name} value={s.name}>
            {s.name} ({KIND[s.type]})
          </option>
        ))}
      </select>
    </label>
  );
}
