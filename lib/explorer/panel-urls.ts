// The API URLs the explorer's panels fetch for a view. One place, because the server page
// preloads the same URLs while the browser is still loading the scripts, and a preload is
// only used when the client asks for exactly the same URL.

import type { DimensionKey } from '@/lib/audit/dimensions';
import type { AuditQuery } from '@/lib/query/types';
import { aggregateQuery, apiUrl } from './api-client';
import { CODE_CLASS_TOP } from './code-class';
import { CODE_CLASS_SPLIT, type ExplorerView } from './view-state';

/** The breakdown panels, in page order. */
export const BREAKDOWN_DIMENSIONS: readonly DimensionKey[] = [
  'user',
  'verb',
  'resource',
  'namespace',
  'code',
  'sourceIP',
  'userAgent',
];
export const BREAKDOWN_TOP = 8;
export const BREAKDOWN_TOP_EXPANDED = 30;
/** Series of a split timeline; the rest are summed as `other`. */
export const TIMELINE_SERIES = 8;

export function timelineUrl(view: ExplorerView): string {
  const byClass = view.split === CODE_CLASS_SPLIT;
  const extras: Record<string, string> = {
    top: String(byClass ? CODE_CLASS_TOP : TIMELINE_SERIES),
  };
  // A split by code class asks for codes and groups them in the browser.
  if (view.split) extras.split = byClass ? 'code' : view.split;
  return apiUrl('/api/timeline', aggregateQuery(view.query), extras);
}

export function breakdownUrl(view: ExplorerView, dimension: DimensionKey, expanded: boolean) {
  const top = String(expanded ? BREAKDOWN_TOP_EXPANDED : BREAKDOWN_TOP);
  return apiUrl('/api/breakdown', aggregateQuery(view.query), { dimension, top });
}

/** The first page of the event table; later pages add the cursor. */
export function eventsUrl(query: AuditQuery): string {
  return apiUrl('/api/events', query);
}

/** Everything a freshly opened view fetches, for preloading. */
export function initialPanelUrls(view: ExplorerView): string[] {
  return [
    timelineUrl(view),
    ...BREAKDOWN_DIMENSIONS.map((d) => breakdownUrl(view, d, false)),
    eventsUrl(view.query),
  ];
}
