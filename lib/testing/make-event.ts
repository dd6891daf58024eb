import type { K8sAuditEvent } from '@/lib/audit/types';

/** A plausible v1 Event for tests; `n` makes the auditID and time unique and ordered. */
export function makeEvent(n: number, over: Partial<K8sAuditEvent> = {}): K8sAuditEvent {
  const t = new Date(Date.UTC(2026, 10, 20, 10, 0, 0) + n * 1000)
    .toISOString()
    .replace('Z', '000Z');
  return {
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    stage: 'ResponseComplete',
    requestURI: `/api/v1/namespaces/ns-${n % 3}/pods/p-${n}`,
    verb: 'get',
    user: { username: `user-${n % 4}`, groups: ['system:authenticated'] },
    sourceIPs: ['10.1.2.3'],
    userAgent: 'kubectl/v1.34.1 (linux/amd64) kubernetes/abcdef',
    objectRef: { resource: 'pods', namespace: `ns-${n % 3}`, name: `p-${n}`, apiVersion: 'v1' },
    responseStatus: { metadata: {}, code: 200 },
    requestReceivedTimestamp: t,
    stageTimestamp: t,
    annotations: { 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': '' },
    ...over,
  };
}

export function lines(events: K8sAuditEvent[]): string {
  return events.map((e) => JSON.stringify(e)).join('\n') + '\n';
}
