'use client';

// The event table's pages: the first page for the current query, then each `nextCursor`
// appended on demand. A new query starts over; an answer for an old query is dropped, and
// a cursor is fetched once however often the table asks (scrolling asks on every frame).

import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventRow, SearchResult } from '@/lib/backends/types';
import type { AuditQuery } from '@/lib/query/types';
import { apiUrl, fetchApi, type ApiError } from './api-client';
import { eventsUrl } from './panel-urls';

interface Pages {
  key: string | null;
  rows: EventRow[];
  total: number | null;
  next: string | null;
  error: ApiError | null;
  moreError: ApiError | null;
  loadingMore: boolean;
}

const EMPTY: Pages = {
  key: null,
  rows: [],
  total: null,
  next: null,
  error: null,
  moreError: null,
  loadingMore: false,
};

export interface EventPages {
  rows: EventRow[];
  total: number | null;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  moreError: ApiError | null;
  loadMore: () => void;
}

export function useEventPages(query: AuditQuery): EventPages {
  const key = eventsUrl(query);
  const [pages, setPages] = useState<Pages>(EMPTY);

  useEffect(() => {
    const ctrl = new AbortController();
    void fetchApi<SearchResult>(key, ctrl.signal).then((r) => {
      if (ctrl.signal.aborted) return;
      if (!r.ok) return setPages({ ...EMPTY, key, error: r.error });
      const { events, total, nextCursor } = r.data;
      setPages({ ...EMPTY, key, rows: events, total, next: nextCursor });
    });
    return () => ctrl.abort();
  }, [key]);

  const current = pages.key === key;
  const next = current ? pages.next : null;
  const inFlight = useRef<string | null>(null);
  const loadMore = useCallback(() => {
    if (next === null || inFlight.current === next) return;
    const cursor = next;
    inFlight.current = cursor;
    setPages((p) => ({ ...p, loadingMore: true, moreError: null }));
    void fetchApi<SearchResult>(apiUrl('/api/events', { ...query, cursor })).then((r) => {
      if (inFlight.current === cursor) inFlight.current = null;
      setPages((p) => {
        if (p.key !== key || p.next !== cursor) return p;
        if (!r.ok) return { ...p, loadingMore: false, moreError: r.error };
        const rows = [...p.rows, ...r.data.events];
        return { ...p, rows, next: r.data.nextCursor, loadingMore: false };
      });
    });
  }, [next, query, key]);

  return {
    // While a new query loads, the old rows stay (dimmed by the table) instead of flashing empty.
    rows: pages.rows,
    total: pages.total,
    hasMore: next !== null,
    loading: !current,
    loadingMore: current && pages.loadingMore,
    error: current ? pages.error : null,
    moreError: current ? pages.moreError : null,
    loadMore,
  };
}
