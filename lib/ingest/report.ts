// What an import tells its user: per input, what was found, stored and set aside, and why.

import type { SourceShape } from '@/lib/audit/types';
import { isoToMicros, microsToIso } from '@/lib/query/time';

export interface SetAside {
  /** 1-based line number, for line-oriented input. */
  line?: number;
  /** Position in a batch (EventList item, array element). */
  index?: number;
  reason: string;
}

export interface ImportReport {
  /** File path, or a label such as `webhook` or an upload's file name. */
  source: string;
  /** Shapes detected, with the number of events of each. */
  shapes: Partial<Record<SourceShape, number>>;
  /** Events that normalized cleanly. */
  events: number;
  /** Of those, newly stored. */
  inserted: number;
  /** Of those, already stored before (same auditID and stage). */
  duplicates: number;
  /** Inputs set aside (also written to the dead-letter file). */
  rejected: number;
  /** The first reasons, with where they occurred (capped; `rejected` has the full count). */
  rejections: SetAside[];
  /** A problem with the input as a whole (cut-off gzip, empty file); events before it are kept. */
  warnings: string[];
  bytes: number;
  /** Earliest and latest event time among the events that normalized (ISO-8601 UTC), if any. */
  minTime?: string;
  maxTime?: string;
}

export const MAX_LISTED_REJECTIONS = 100;

export function emptyReport(source: string): ImportReport {
  return {
    source,
    shapes: {},
    events: 0,
    inserted: 0,
    duplicates: 0,
    rejected: 0,
    rejections: [],
    warnings: [],
    bytes: 0,
  };
}

export function addRejection(report: ImportReport, r: SetAside): void {
  report.rejected += 1;
  if (report.rejections.length < MAX_LISTED_REJECTIONS) report.rejections.push(r);
}

/** Widens the report's event-time range to take in [minMicros, maxMicros]. */
export function noteTimeRange(report: ImportReport, minMicros: number, maxMicros: number): void {
  if (!Number.isFinite(minMicros) || !Number.isFinite(maxMicros)) return;
  if (report.minTime === undefined || minMicros < isoToMicros(report.minTime)) {
    report.minTime = microsToIso(minMicros);
  }
  if (report.maxTime === undefined || maxMicros > isoToMicros(report.maxTime)) {
    report.maxTime = microsToIso(maxMicros);
  }
}

/** Widens the report's event-time range to take in these events' times. */
export function noteEventTimes(report: ImportReport, events: readonly { time: string }[]): void {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    const t = isoToMicros(e.time);
    if (t < min) min = t;
    if (t > max) max = t;
  }
  noteTimeRange(report, min, max);
}

export function formatReport(r: ImportReport): string {
  const shapes = Object.entries(r.shapes)
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ');
  const lines = [
    `${r.source}: ${r.events} events (${shapes || 'no events'}), ${r.inserted} new, ${r.duplicates} already stored, ${r.rejected} set aside`,
  ];
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  for (const x of r.rejections.slice(0, 20)) {
    const where =
      x.line !== undefined ? `line ${x.line}` : x.index !== undefined ? `item ${x.index}` : 'input';
    lines.push(
      `  set aside ${where}${x.line !== undefined && x.index !== undefined ? ` item ${x.index}` : ''}: ${x.reason}`,
    );
  }
  if (r.rejected > 20) lines.push(`  … and ${r.rejected - 20} more set aside`);
  return lines.join('\n');
}
