// What the drill-down shows of one request, read from its stages: the last stage carries
// the result, and bodies come from whichever stage logged them.

import type { AuditEvent, K8sAuditEvent } from '@/lib/audit/types';
import type { EventDetail } from '@/lib/backends/types';
import { isoToMicros } from '@/lib/query/time';

export interface StageTime {
  stage: string;
  /** stageTimestamp, else the event time (ISO). */
  at: string;
}

export interface EventSummary {
  /** The stage with the result: the last one stored. */
  main: K8sAuditEvent;
  stages: StageTime[];
  received: string | null;
  latencyMs: number | null;
  requestObject: unknown;
  responseObject: unknown;
  secretsRequest: boolean;
}

export function summarizeEvent(detail: EventDetail): EventSummary | null {
  const last = detail.stages.at(-1);
  if (!last) return null;
  const main = last.event;
  const received = main.requestReceivedTimestamp ?? detail.stages[0]?.time ?? null;
  const end = last.stageTime ?? main.stageTimestamp ?? null;
  return {
    main,
    stages: detail.stages.map((s) => ({ stage: s.stage || '(none)', at: s.stageTime ?? s.time })),
    received,
    latencyMs: received && end ? micros(end, received) : null,
    requestObject: firstBody(detail.stages, 'requestObject'),
    responseObject: firstBody(detail.stages, 'responseObject'),
    secretsRequest: main.objectRef?.resource === 'secrets',
  };
}

function micros(end: string, start: string): number | null {
  try {
    return (isoToMicros(end) - isoToMicros(start)) / 1000;
  } catch {
    return null;
  }
}

function firstBody(stages: AuditEvent[], field: 'requestObject' | 'responseObject'): unknown {
  for (let i = stages.length - 1; i >= 0; i--) {
    const v = stages[i]?.event[field];
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

/** Latency for people: `840 µs`, `12.3 ms`, `4.51 s`, `9 min 2 s`. */
export function formatLatency(ms: number | null): string {
  if (ms === null) return '';
  if (ms < 1) return `${Math.round(ms * 1000)} µs`;
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
