'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import type { EventPages } from '@/lib/explorer/use-event-pages';

/** Loads the next page when scrolled into view, with a button for keyboards and slow scrolls. */
export function LoadMore({ pages }: { pages: EventPages }) {
  const ref = useRef<HTMLDivElement>(null);
  const { hasMore, loadingMore, loadMore, moreError } = pages;
  useEffect(() => {
    const el = ref.current;
    if (!el || !hasMore || moreError) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMore();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasMore, loadMore, moreError]);
  if (!hasMore && !moreError) {
    return <p className="py-3 text-center text-xs text-slate-400">End of the list.</p>;
  }
  return (
    <div ref={ref} className="flex flex-col items-center gap-2 py-3">
      {moreError && <p className="text-xs text-red-700">{moreError.message}</p>}
      <Button onClick={loadMore} disabled={loadingMore}>
        {loadingMore ? 'Loading…' : moreError ? 'Try again' : 'Load more'}
      </Button>
    </div>
  );
}
