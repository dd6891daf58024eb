import type { ViewNavigation } from '@/lib/explorer/use-view';
import type { ExplorerView } from '@/lib/explorer/view-state';

/** The time column's header: click to flip newest-first and oldest-first (`sort` in the URL). */
export function SortHeader({ view, nav }: { view: ExplorerView; nav: ViewNavigation }) {
  const desc = view.query.sort === 'time-desc';
  return (
    <button
      type="button"
      onClick={() =>
        nav.push({
          ...view,
          query: { ...view.query, sort: desc ? 'time-asc' : 'time-desc', cursor: null },
        })
      }
      title={desc ? 'Newest first: click for oldest first' : 'Oldest first: click for newest first'}
      className="inline-flex items-center gap-1 font-medium hover:text-slate-800"
    >
      Time <span aria-hidden>{desc ? '↓' : '↑'}</span>
      <span className="sr-only">{desc ? '(newest first)' : '(oldest first)'}</span>
    </button>
  );
}
