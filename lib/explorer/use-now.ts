'use client';

// The viewer's clock for labels such as the resolved time range: null on the server (its
// zone and clock are not the viewer's), then ticking every 15 seconds in the browser.

import { useSyncExternalStore } from 'react';

const TICK_MS = 15_000;
let now = Date.now();

function subscribe(onChange: () => void): () => void {
  now = Date.now();
  const id = setInterval(() => {
    now = Date.now();
    onChange();
  }, TICK_MS);
  return () => clearInterval(id);
}

export function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
}
