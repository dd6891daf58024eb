// Expected answers for store tests, computed from raw audit Events with plain code. The
// counting rule, time fallback and filter semantics are written out again on purpose, so
// the tests do not share the code they check (lib/audit/counting.ts, sql-where.ts).

import type { K8sAuditEvent } from '@/lib/audit/types';
import { defaultQuery } from '@/lib/query/codec';
import type { AuditQuery, DimensionFilter, ResolvedQuery } from '@/lib/query/types';

/** Microseconds since the epoch of `2026-11-20T10:00:02.5Z` (fraction truncated to 6 digits). */
export function micros(iso: string): number {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(iso)!;
  return Date.parse(m[1] + 'Z') * 1000 + Number((m[2] ?? '').padEnd(6, '0').slice(0, 6));
}
export const timeOf = (e: K8sAuditEvent): number =>
  micros(e.requestReceivedTimestamp ?? e.stageTimestamp ?? e.timestamp!);

/** The counting rule, written out again here: the test must not share the code it checks. */
export function isRequest(e: K8sAuditEvent): boolean {
  return (
    e.stage === undefined ||
    e.stage === 'ResponseComplete' ||
    e.stage === 'Panic' ||
    (e.stage === 'ResponseStarted' && e.responseStatus?.code === 401)
  );
}

export const MULTI = new Set(['group', 'sourceIP']);
/** A dimension's values in one event: a list for groups and source IPs, else 0 or 1 value. */
export function valuesOf(e: K8sAuditEvent, key: string): string[] {
  const o = e.objectRef ?? {};
  const v: unknown = {
    user: e.user?.username,
    group: e.user?.groups ?? [],
    sourceIP: e.sourceIPs ?? [],
    verb: e.verb,
    resource: o.resource,
    subresource: o.subresource,
    namespace: o.namespace,
    name: o.name,
    apiGroup: o.apiGroup,
    code: e.responseStatus?.code?.toString(),
    stage: e.stage,
    level: e.level,
    userAgent: e.userAgent,
    impersonatedUser: e.impersonatedUser?.username,
    decision: e.annotations?.['authorization.k8s.io/decision'],
    auditID: e.auditID,
  }[key];
  if (Array.isArray(v)) return v as string[];
  return v === undefined || v === null ? [] : [String(v)];
}
/** Values as a filter or breakdown sees them: a missing field or an empty list is ''. */
export function seenValues(e: K8sAuditEvent, key: string): string[] {
  const v = valuesOf(e, key);
  return v.length ? v : [''];
}

export function matchesFilter(e: K8sAuditEvent, f: DimensionFilter): boolean {
  const vals = seenValues(e, f.dimension);
  const hit = f.values.some((fv) => {
    if (MULTI.has(f.dimension) && fv.op === 'eq' && fv.value === '') {
      return valuesOf(e, f.dimension).length === 0;
    }
    return vals.some((x) => (fv.op === 'prefix' ? x.startsWith(fv.value) : x === fv.value));
  });
  return f.exclude ? !hit : hit;
}

export function matchesText(e: K8sAuditEvent, text: string): boolean {
  const t = text.toLowerCase();
  const fields = ['user', 'verb', 'resource', 'namespace', 'name', 'userAgent', 'auditID'];
  return [...fields.flatMap((k) => valuesOf(e, k)), e.requestURI ?? '', ...(e.sourceIPs ?? [])]
    .map((x) => x.toLowerCase())
    .some((x) => x.includes(t));
}

export const byValueThenCount = (a: [string, number], b: [string, number]): number =>
  b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export function countValues(events: K8sAuditEvent[], key: string): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const e of events) for (const v of seenValues(e, key)) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()].sort(byValueThenCount);
}

export const f = (dimension: string, exclude: boolean, ...values: string[]): DimensionFilter => ({
  dimension: dimension as DimensionFilter['dimension'],
  exclude,
  values: values.map((v) =>
    v.endsWith('*')
      ? { op: 'prefix' as const, value: v.slice(0, -1) }
      : { op: 'eq' as const, value: v },
  ),
});
export const ALL_STAGES = f('stage', false, '*');

export const keyOf = (e: { auditID?: string; stage?: string }) => `${e.auditID}/${e.stage ?? ''}`;
export const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const cmpEvent = (a: K8sAuditEvent, b: K8sAuditEvent) =>
  timeOf(a) - timeOf(b) || cmpStr(a.auditID!, b.auditID!) || cmpStr(a.stage ?? '', b.stage ?? '');
/** A query over the half-open range [startMicros, endMicros). */
export function rangeQuery(
  range: { startMicros: number; endMicros: number },
  over: Partial<AuditQuery> = {},
): ResolvedQuery {
  const iso = (us: number) => new Date(us / 1000).toISOString();
  const from = { kind: 'absolute' as const, iso: iso(range.startMicros) };
  const to = { kind: 'absolute' as const, iso: iso(range.endMicros) };
  return { ...defaultQuery(), from, to, ...over, range };
}
