// Bodies of the attack stories: what an intruder sends to gain cluster-admin and a foothold
// on a node.

import type { Manifest } from './bodies';

export function serviceAccountManifest(namespace: string, name: string): Manifest {
  return { kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name, namespace } };
}

export function clusterAdminBinding(
  name: string,
  namespace: string,
  serviceAccount: string,
): Manifest {
  return {
    kind: 'ClusterRoleBinding',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata: { name },
    subjects: [{ kind: 'ServiceAccount', name: serviceAccount, namespace }],
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
  };
}

/** A pod that owns its node: host namespaces, a privileged container, and the host's / mounted. */
export function privilegedPod(namespace: string, name: string, nodeName: string): Manifest {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      nodeName,
      hostNetwork: true,
      hostPID: true,
      hostIPC: true,
      tolerations: [{ operator: 'Exists' }],
      containers: [
        {
          name: 'debug',
          image: 'docker.io/library/alpine:3.20',
          command: ['sleep', 'infinity'],
          securityContext: { privileged: true },
          volumeMounts: [{ name: 'host-root', mountPath: '/host' }],
        },
      ],
      volumes: [{ name: 'host-root', hostPath: { path: '/', type: '' } }],
    },
  };
}

export const BASELINE_VIOLATIONS =
  'host namespaces (hostNetwork=true, hostPID=true, hostIPC=true), hostPath volumes (volume "host-root"), ' +
  'privileged (container "debug" must not set securityContext.privileged=true)';

export const RESTRICTED_VIOLATIONS =
  'host namespaces (hostNetwork=true, hostPID=true, hostIPC=true), ' +
  'privileged (container "debug" must not set securityContext.privileged=true), ' +
  'allowPrivilegeEscalation != false (container "debug" must set securityContext.allowPrivilegeEscalation=false), ' +
  'unrestricted capabilities (container "debug" must set securityContext.capabilities.drop=["ALL"]), ' +
  'restricted volume types (volume "host-root" uses restricted volume type "hostPath"), ' +
  'runAsNonRoot != true (pod or container "debug" must set securityContext.runAsNonRoot=true), ' +
  'seccompProfile (pod or container "debug" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';
