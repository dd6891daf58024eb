// Who sends requests: the user the apiserver authenticated, where from, with which client,
// and the annotations its allowed and denied requests carry. Actors are built once and
// frozen; every event of theirs shares these objects instead of copying them.

import type { UserInfo } from '@/lib/audit/types';

export const KUBE_VERSION = 'v1.34.1';
const KUBE_COMMIT = 'abcdef';

export const KUBECTL_LINUX = `kubectl/${KUBE_VERSION} (linux/amd64) kubernetes/${KUBE_COMMIT}`;
export const KUBECTL_MAC = `kubectl/${KUBE_VERSION} (darwin/arm64) kubernetes/${KUBE_COMMIT}`;

/**
 * Decides the audit level (see audit-policy.ts): components' own writes are logged without
 * bodies, everyone else's with them.
 */
export type ActorKind =
  'node' | 'control-plane' | 'workload' | 'person' | 'anonymous' | 'unauthenticated';

export type Annotations = Readonly<Record<string, string>>;

export interface Actor {
  readonly kind: ActorKind;
  readonly user: UserInfo;
  readonly sourceIPs: string[];
  readonly userAgent: string;
  /** Annotations of an allowed request; undefined for requests that never reach authorization. */
  readonly allow: Annotations | undefined;
  readonly forbid: Annotations | undefined;
}

export const DECISION = 'authorization.k8s.io/decision';
export const REASON = 'authorization.k8s.io/reason';

/** A Kubernetes component's user agent: `kube-scheduler/v1.34.1 (linux/amd64) kubernetes/abcdef/leader-election`. */
export function componentAgent(component: string, suffix = ''): string {
  return `${component}/${KUBE_VERSION} (linux/amd64) kubernetes/${KUBE_COMMIT}${suffix ? `/${suffix}` : ''}`;
}

/** Frozen, with keys sorted as the apiserver's JSON encoding of a Go map writes them. */
export function annotations(entries: Record<string, string>): Annotations {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(entries).sort()) sorted[key] = entries[key] ?? '';
  return Object.freeze(sorted);
}

export function decision(
  allowed: boolean,
  reason: string,
  extra: Record<string, string> = {},
): Annotations {
  return annotations({ ...extra, [DECISION]: allowed ? 'allow' : 'forbid', [REASON]: reason });
}

/** The reason RBAC gives, e.g. `RBAC: allowed by RoleBinding "edit/web" of ClusterRole "edit" to Group "developers"`. */
export function rbacReason(
  binding: string,
  bindingNamespace: string,
  roleKind: 'ClusterRole' | 'Role',
  role: string,
  subject: string,
): string {
  const bound = bindingNamespace
    ? `RoleBinding "${binding}/${bindingNamespace}"`
    : `ClusterRoleBinding "${binding}"`;
  return `RBAC: allowed by ${bound} of ${roleKind} "${role}" to ${subject}`;
}

export function serviceAccountSubject(namespace: string, name: string): string {
  return `ServiceAccount "${name}/${namespace}"`;
}

export function serviceAccountName(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}

export function serviceAccountUser(
  namespace: string,
  name: string,
  uid: string,
  extra?: Record<string, string[]>,
): UserInfo {
  const user: UserInfo = {
    username: serviceAccountName(namespace, name),
    uid,
    groups: [
      'system:serviceaccounts',
      `system:serviceaccounts:${namespace}`,
      'system:authenticated',
    ],
  };
  if (extra) user.extra = extra;
  return user;
}

/** user.extra of a token bound to a pod, as TokenRequest-issued tokens carry it since v1.30. */
export function podTokenExtra(
  credentialId: string,
  pod: { name: string; uid: string; node: { name: string; uid: string } },
): Record<string, string[]> {
  return {
    'authentication.kubernetes.io/credential-id': [`JTI=${credentialId}`],
    'authentication.kubernetes.io/node-name': [pod.node.name],
    'authentication.kubernetes.io/node-uid': [pod.node.uid],
    'authentication.kubernetes.io/pod-name': [pod.name],
    'authentication.kubernetes.io/pod-uid': [pod.uid],
  };
}

/** Freezes a value and everything in it: shared by many events, it must never change. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function actor(fields: Actor): Actor {
  return deepFreeze({ ...fields });
}
