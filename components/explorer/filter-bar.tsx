'use client';

import { Button } from '@/components/ui/button';
import { Chip } from '@/components/ui/chip';
import { filterChips } from '@/lib/explorer/filter-chips';
import { clearFilters, removeFilterValue } from '@/lib/explorer/filter-edits';
import type { ViewNavigation } from '@/lib/explorer/use-view';
import type { ExplorerView } from '@/lib/explorer/view-state';
import { AddFilter } from './add-filter';
import { SearchInput } from './search-input';

/** The query's filters as removable chips, the free-text search, "add filter" and "clear all". */
export function FilterBar({ view, nav }: { view: ExplorerView; nav: ViewNavigation }) {
  const chips = filterChips(view.query);
  const anything = chips.length > 0 || view.query.text !== '';
  return (
    <section
      aria-label="Filters"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm"
    >
      <SearchInput view={view} nav={nav} />
      <ul className="flex min-w-0 flex-wrap items-center gap-1.5" aria-label="Active filters">
        {chips.map((c) => (
          <li key={c.key} className="max-w-full">
            <Chip
              tone={c.exclude ? 'exclude' : 'include'}
              removeLabel={`Remove filter ${c.label}`}
              onRemove={() =>
                nav.push({
                  ...view,
                  query: removeFilterValue(view.query, c.dimension, c.exclude, c.value),
                })
              }
            >
              {c.label}
            </Chip>
          </li>
        ))}
      </ul>
      <div className="ml-auto flex items-center gap-2">
        <AddFilter view={view} nav={nav} />
        {anything && (
          <Button
            variant="ghost"
            onClick={() => nav.push({ ...view, query: clearFilters(view.query) })}
          >
            Clear all
          </Button>
        )}
      </div>
    </section>
  );
}
