// Request and response bodies for the few events logged at Request or RequestResponse
// level. Shapes follow what kubectl, kubelets and the apiserver send; built only when the
// policy keeps them.

import type { Pod, Workload } from './cluster';
import { isoSeconds } from './time-format';

type Body = Record<string, unknown>;

/** An object as sent on create; the apiserver fills in its metadata (createdObject). */
export interface Manifest {
  metadata: Body;
  [field: string]: unknown;
}

const NODE_CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'];
const POD_CONDITIONS = [
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
  'PodScheduled',
];

/** A kubelet's heartbeat: a strategic merge patch of the node's conditions. */
export function nodeStatusPatch(atUs: number): Body {
  const now = isoSeconds(atUs);
  return {
    status: {
      '$setElementOrder/conditions': NODE_CONDITIONS.map((type) => ({ type })),
      conditions: NODE_CONDITIONS.map((type) => ({ lastHeartbeatTime: now, type })),
    },
  };
}

export function podStatusPatch(pod: Pod, atUs: number): Body {
  const now = isoSeconds(atUs);
  return {
    metadata: { uid: pod.uid },
    status: {
      '$setElementOrder/conditions': POD_CONDITIONS.map((type) => ({ type })),
      conditions: [
        { lastProbeTime: null, lastTransitionTime: now, status: 'True', type: 'Ready' },
        { lastProbeTime: null, lastTransitionTime: now, status: 'True', type: 'ContainersReady' },
      ],
    },
  };
}

function labels(workload: Workload): Record<string, string> {
  return { app: workload.name };
}

function podSpec(workload: Workload, image: string): Body {
  return {
    serviceAccountName: workload.serviceAccount,
    containers: [
      {
        name: workload.container,
        image,
        ports: [{ containerPort: 8080, protocol: 'TCP' }],
        resources: { requests: { cpu: '100m', memory: '128Mi' } },
      },
    ],
  };
}

function podTemplate(workload: Workload, image: string): Body {
  return { metadata: { labels: labels(workload) }, spec: podSpec(workload, image) };
}

function deploymentManifest(workload: Workload, image: string, replicas: number): Body {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: workload.name, namespace: workload.namespace, labels: labels(workload) },
    spec: {
      replicas,
      selector: { matchLabels: labels(workload) },
      template: podTemplate(workload, image),
    },
  };
}

/** kubectl's client-side apply: a strategic merge patch carrying last-applied-configuration. */
export function deploymentApplyPatch(workload: Workload, image: string, replicas: number): Body {
  const lastApplied = JSON.stringify(deploymentManifest(workload, image, replicas)) + '\n';
  return {
    metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied } },
    spec: { template: { spec: { containers: [{ image, name: workload.container }] } } },
  };
}

export function deploymentObject(
  workload: Workload,
  image: string,
  replicas: number,
  uid: string,
  resourceVersion: string,
  atUs: number,
  generation: number,
): Body {
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: {
      name: workload.name,
      namespace: workload.namespace,
      uid,
      resourceVersion,
      generation,
      creationTimestamp: '2025-06-02T09:14:07Z',
      labels: labels(workload),
      annotations: { 'deployment.kubernetes.io/revision': String(generation) },
    },
    spec: {
      replicas,
      selector: { matchLabels: labels(workload) },
      template: podTemplate(workload, image),
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: generation - 1,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      lastUpdateTime: isoSeconds(atUs),
    },
  };
}

/** `kubectl rollout restart`. */
export function restartPatch(atUs: number): Body {
  return {
    spec: {
      template: {
        metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': isoSeconds(atUs) } },
      },
    },
  };
}

export function scalePatch(replicas: number): Body {
  return { spec: { replicas } };
}

export function scaleObject(workload: Workload, replicas: number, resourceVersion: string): Body {
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: workload.name, namespace: workload.namespace, resourceVersion },
    spec: { replicas },
    status: { replicas: replicas - 1, selector: `app=${workload.name}` },
  };
}

export function deleteOptions(): Body {
  return { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' };
}

export function podObject(pod: Pod, resourceVersion: string, phase: string): Body {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name: pod.name,
      namespace: pod.namespace,
      uid: pod.uid,
      resourceVersion,
      labels: labels(pod.workload),
    },
    spec: { ...podSpec(pod.workload, pod.workload.image), nodeName: pod.node.name },
    status: { phase, podIP: pod.ip, hostIP: pod.node.ip },
  };
}

export function evictionObject(pod: Pod): Body {
  return {
    kind: 'Eviction',
    apiVersion: 'policy/v1',
    metadata: { name: pod.name, namespace: pod.namespace },
    deleteOptions: {},
  };
}

export function cordonPatch(): Body {
  return { spec: { unschedulable: true } };
}

export function selfSubjectAccessReview(
  namespace: string,
  verb: string,
  resource: string,
  allowed: boolean,
): [Body, Body] {
  const spec = { resourceAttributes: { namespace, verb, resource } };
  const request = {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: {},
    spec,
    status: { allowed: false },
  };
  const status: Body = { allowed };
  if (allowed)
    status.reason =
      'RBAC: allowed by RoleBinding "developers-edit/' +
      namespace +
      '" of ClusterRole "edit" to Group "developers"';
  return [request, { ...request, status }];
}

function base64(text: string): string {
  return btoa(text);
}

/** A Secret as sent on create: its values base64-encoded in `data`, which is what makes logging it a leak. */
export function secretObject(
  namespace: string,
  name: string,
  values: Record<string, string>,
): Manifest {
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) data[key] = base64(value);
  return { kind: 'Secret', apiVersion: 'v1', metadata: { name, namespace }, data, type: 'Opaque' };
}

/** The object the apiserver returns for a create: the manifest plus server-set metadata. */
export function createdObject(
  body: Manifest,
  uid: string,
  resourceVersion: string,
  atUs: number,
): Manifest {
  const { name, namespace, ...rest } = body.metadata;
  const metadata: Body = { name };
  if (namespace !== undefined) metadata.namespace = namespace;
  Object.assign(metadata, { uid, resourceVersion, creationTimestamp: isoSeconds(atUs) }, rest);
  return { ...body, metadata };
}

export function jobObject(
  namespace: string,
  name: string,
  image: string,
  command: string[],
): Manifest {
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      backoffLimit: 2,
      template: {
        spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image, command }] },
      },
    },
  };
}
