import type { AuditQuery } from '@/lib/query/types';

/** "requests", or "events" once a stage filter makes panels count stage events. */
export function countNoun(q: AuditQuery): 'requests' | 'events' {
  return q.filters.some((f) => f.dimension === 'stage') ? 'events' : 'requests';
}

export function WidenRangeHint() {
  return <>Try a wider time range (7d or 30d above), or remove a filter.</>;
}
