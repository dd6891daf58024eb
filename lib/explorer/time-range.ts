// Quick time ranges and how a range reads: in the viewer's time zone, with UTC for titles.

import { resolveTime } from '@/lib/query/time';
import type { AuditQuery, TimeExpr } from '@/lib/query/types';

export const QUICK_RANGES = [
  { label: '15m', seconds: 15 * 60 },
  { label: '1h', seconds: 3600 },
  { label: '6h', seconds: 6 * 3600 },
  { label: '24h', seconds: 86_400 },
  { label: '7d', seconds: 7 * 86_400 },
  { label: '30d', seconds: 30 * 86_400 },
] as const;

const NOW: TimeExpr = { kind: 'relative', offsetSeconds: 0 };

/** The query over the last `seconds`, up to now. */
export function withQuickRange(q: AuditQuery, seconds: number): AuditQuery {
  return { ...q, from: { kind: 'relative', offsetSeconds: seconds }, to: NOW, cursor: null };
}

/** The query over [startMs, endMs), as absolute instants. */
export function withAbsoluteRange(q: AuditQuery, startMs: number, endMs: number): AuditQuery {
  const iso = (ms: number): TimeExpr => ({ kind: 'absolute', iso: new Date(ms).toISOString() });
  return { ...q, from: iso(startMs), to: iso(endMs), cursor: null };
}

/** The quick range the query shows, if it is one. */
export function activeQuickRange(q: AuditQuery): number | null {
  if (q.to.kind !== 'relative' || q.to.offsetSeconds !== 0 || q.from.kind !== 'relative') {
    return null;
  }
  const s = q.from.offsetSeconds;
  return QUICK_RANGES.some((r) => r.seconds === s) ? s : null;
}

/** [start, end) in milliseconds against the clock `nowMs`. */
export function resolveRangeMs(q: AuditQuery, nowMs: number): { startMs: number; endMs: number } {
  const now = nowMs * 1000;
  return {
    startMs: Math.floor(resolveTime(q.from, now) / 1000),
    endMs: Math.floor(resolveTime(q.to, now) / 1000),
  };
}

const LOCAL = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

const LOCAL_PRECISE = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hour12: false,
});

/** `Nov 23, 06:09:24` in the viewer's time zone. */
export function formatLocal(ms: number): string {
  return LOCAL.format(ms);
}

/** `11/23/2026, 06:09:24.939`: for the table and the drill-down, in the viewer's zone. */
export function formatLocalPrecise(ms: number): string {
  return LOCAL_PRECISE.format(ms);
}

/** `2026-11-23 06:09:24 UTC`, for titles. */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

/** The viewer's time zone name, such as `Europe/Berlin`. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** ISO-8601 with microseconds (`2026-11-23T06:09:24.939885Z`) to milliseconds. */
export function isoToMs(iso: string): number {
  return Date.parse(iso);
}
