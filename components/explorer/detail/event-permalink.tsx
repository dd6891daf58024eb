'use client';

import { defaultQuery } from '@/lib/query/codec';
import { DEFAULT_COLUMNS } from '@/lib/explorer/columns';
import type { Theme } from '@/lib/explorer/theme';
import { DEFAULT_SPLIT, type ExplorerView } from '@/lib/explorer/view-state';
import { EventDetail } from './event-detail';

const MONTH_SECONDS = 30 * 86_400;

/** The drill-down on a page of its own; its links open the explorer over the last 30 days. */
export function EventPermalink({
  auditID,
  source,
  theme,
}: {
  auditID: string;
  source: string;
  theme: Theme | null;
}) {
  const base: ExplorerView = {
    query: { ...defaultQuery(), source, from: { kind: 'relative', offsetSeconds: MONTH_SECONDS } },
    split: DEFAULT_SPLIT,
    event: null,
    cols: DEFAULT_COLUMNS,
    theme,
  };
  return (
    <div className="rounded-lg border border-slate-200 bg-white pt-4 shadow-sm">
      <EventDetail auditID={auditID} base={base} />
    </div>
  );
}
