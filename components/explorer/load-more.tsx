'use client';

// The table's footer: the next page loads by itself as the rows scroll near the end
// (event-table-body); this says so, and gives a button for keyboards and a failed page.

import { Button } from '@/components/ui/button';
import type { EventPages } from '@/lib/explorer/use-event-pages';

export function LoadMore({ pages }: { pages: EventPages }) {
  const { hasMore, loadingMore, loadMore, moreError } = pages;
  if (!hasMore && !moreError) {
    return <p className="py-3 text-center text-xs text-slate-400">End of the list.</p>;
  }
  return (
    <div className="flex flex-col items-center gap-2 border-t border-slate-100 py-3">
      {moreError && <p className="text-xs text-red-700">{moreError.message}</p>}
      <Button onClick={loadMore} disabled={loadingMore}>
        {loadingMore ? 'Loading…' : moreError ? 'Try again' : 'Load more'}
      </Button>
    </div>
  );
}
