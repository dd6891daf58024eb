'use client';

// The explorer's view, read from the URL, and the one way to change it: write a new URL.
// Back, Forward and reload then give the same view, because nothing else holds state.

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseView, viewHref, type ExplorerView, type ViewParseResult } from './view-state';

export interface ViewNavigation {
  /** Adds a history entry. */
  push: (view: ExplorerView) => void;
  /** Replaces the current entry (typing in the search box). */
  replace: (view: ExplorerView) => void;
}

export function useViewParse(): ViewParseResult {
  const params = useSearchParams();
  return useMemo(() => parseView(new URLSearchParams(params.toString())), [params]);
}

export function useViewNavigation(): ViewNavigation {
  const router = useRouter();
  const push = useCallback(
    (view: ExplorerView) => router.push(viewHref(view), { scroll: false }),
    [router],
  );
  const replace = useCallback(
    (view: ExplorerView) => router.replace(viewHref(view), { scroll: false }),
    [router],
  );
  return { push, replace };
}
