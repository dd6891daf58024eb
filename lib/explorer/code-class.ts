// The timeline split by response-code class, derived from a split by code: the API splits
// by exact code (top N plus OTHER_KEY), and classes sum codes by their first digit. Codes
// the API folded into OTHER_KEY, and events without a code, land in "other".

import { OTHER_KEY, type TimelineResult } from '@/lib/backends/types';

/** Codes to ask for, so that few fall into OTHER_KEY (50 is the API's maximum). */
export const CODE_CLASS_TOP = 50;
export const CODE_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;

export function codeClass(code: string): string {
  return /^[1-5][0-9]{2}$/.test(code) ? `${code[0]}xx` : OTHER_KEY;
}

/** A `split=code` timeline regrouped by class; series in class order, OTHER_KEY last. */
export function codeClassTimeline(t: TimelineResult): TimelineResult {
  const buckets = t.buckets.map((b) => {
    const counts: Record<string, number> = {};
    for (const [code, n] of Object.entries(b.counts)) {
      const c = codeClass(code);
      counts[c] = (counts[c] ?? 0) + n;
    }
    return { ...b, counts };
  });
  const present = new Set(buckets.flatMap((b) => Object.keys(b.counts)));
  const series = [...CODE_CLASSES, OTHER_KEY].filter((c) => present.has(c));
  return { ...t, split: 'code', series, buckets };
}
