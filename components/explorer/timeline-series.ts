// The timeline's buckets as rows recharts can stack. Series get positional keys (`s0`, `s1`)
// because split values are attacker-controlled text, and recharts reads a string dataKey
// as a property path (a user named `a.b` would be looked up as row.a.b).

import { OTHER_KEY, type TimelineResult } from '@/lib/backends/types';

export interface Series {
  key: string;
  label: string;
  color: string;
}

export type TimelineRow = Record<string, number> & { t: number; total: number };

// Colours are the stylesheet's chart variables (app/globals.css), so each theme picks its own.
const COLORS = Array.from({ length: 8 }, (_, i) => `var(--chart-${i + 1})`);
const OTHER_COLOR = 'var(--chart-other)';
/** Response-code classes (lib/explorer/code-class) in the colours their meaning suggests. */
const CLASS_COLORS: Readonly<Record<string, string>> = {
  '1xx': 'var(--chart-8)',
  '2xx': 'var(--chart-2)',
  '3xx': 'var(--chart-1)',
  '4xx': 'var(--chart-3)',
  '5xx': 'var(--chart-5xx)',
};

export function seriesLabel(value: string): string {
  return value === OTHER_KEY ? 'other' : value === '' ? '(none)' : value;
}

export function timelineSeries(timeline: TimelineResult, noun: string): Series[] {
  if (timeline.split === null) return [{ key: 's0', label: noun, color: COLORS[0]! }];
  return timeline.series.map((value, i) => ({
    key: `s${i}`,
    label: seriesLabel(value),
    color:
      value === OTHER_KEY
        ? OTHER_COLOR
        : ((timeline.split === 'code' ? CLASS_COLORS[value] : undefined) ??
          COLORS[i % COLORS.length] ??
          OTHER_COLOR),
  }));
}

export function timelineRows(timeline: TimelineResult): TimelineRow[] {
  return timeline.buckets.map((b) => {
    const row: TimelineRow = { t: Date.parse(b.start), total: b.total };
    if (timeline.split === null) row.s0 = b.total;
    timeline.series.forEach((value, i) => {
      row[`s${i}`] = b.counts[value] ?? 0;
    });
    return row;
  });
}
