// Everyone who talks to the simulated apiserver in normal operation: kubelets, the control
// plane, add-ons, people and CI. Stories add their own actors (story-actors.ts).

import {
  actor,
  annotations,
  componentAgent,
  decision,
  KUBECTL_LINUX,
  KUBECTL_MAC,
  podTokenExtra,
  rbacReason,
  serviceAccountSubject,
  serviceAccountUser,
  type Actor,
  type Annotations,
} from './actors';
import { buildCluster, type Cluster, type ClusterNode, type Pod } from './cluster';
import type { Rng } from './random';

export const CONTROLLERS = [
  'replicaset-controller',
  'deployment-controller',
  'endpointslice-controller',
  'endpoint-controller',
  'namespace-controller',
  'job-controller',
  'cronjob-controller',
  'daemon-set-controller',
  'statefulset-controller',
  'node-controller',
  'horizontal-pod-autoscaler',
  'generic-garbage-collector',
  'resourcequota-controller',
  'persistent-volume-binder',
] as const;
export type ControllerName = (typeof CONTROLLERS)[number];

export interface NodeActors {
  readonly node: ClusterNode;
  readonly kubelet: Actor;
  readonly kubeProxy: Actor;
}

export interface LeaderElected {
  readonly leader: Actor;
  readonly standbys: readonly Actor[];
}

export interface World {
  readonly cluster: Cluster;
  readonly nodes: readonly NodeActors[];
  kubeletOf(node: ClusterNode): Actor;
  readonly controllers: Readonly<Record<ControllerName, Actor>>;
  /** One instance per control-plane node: the leader, and two standbys that poll its lease. */
  readonly controllerManagers: LeaderElected;
  /** The leading controller manager's shared informers (list and watch). */
  readonly controllerManagerInformers: Actor;
  readonly schedulers: LeaderElected;
  /** The leading scheduler's scheduling client (user agent `.../scheduler`). */
  readonly scheduler: Actor;
  readonly apiserver: Actor;
  /** Identity lease names of the three apiservers (`apiserver-<hash>`). */
  readonly apiserverLeases: readonly string[];
  readonly coredns: Actor;
  readonly kubeStateMetrics: Actor;
  readonly prometheus: Actor;
  readonly certManager: Actor;
  readonly ingressNginx: Actor;
  readonly grafana: Actor;
  readonly alice: Actor;
  readonly bob: Actor;
  /** The on-call SRE, bound to cluster-admin. */
  readonly carol: Actor;
  readonly ciDeployer: Actor;
  /** A laptop with an expired kubeconfig token: its requests fail authentication. */
  readonly expiredToken: Actor;
  /** Annotations of a developer's allowed write in a team namespace. */
  developerWrite(namespace: string): Annotations;
}

const FORBID = decision(false, '');
const ALLOW_UNEXPLAINED = decision(true, '');
const EMPTY_USER = {};

function kubelet(node: ClusterNode): Actor {
  return actor({
    kind: 'node',
    user: {
      username: `system:node:${node.name}`,
      groups: ['system:nodes', 'system:authenticated'],
    },
    sourceIPs: [node.ip],
    userAgent: componentAgent('kubelet'),
    allow: ALLOW_UNEXPLAINED,
    forbid: decision(false, `no relationship found between node '${node.name}' and this object`),
  });
}

/** A workload's service account, authenticated with its pod-bound projected token. */
function podActor(rng: Rng, pod: Pod, userAgent: string, binding: string, role = binding): Actor {
  const { namespace, serviceAccount } = pod.workload;
  return actor({
    kind: 'workload',
    user: serviceAccountUser(namespace, serviceAccount, rng.uuid(), podTokenExtra(rng.uuid(), pod)),
    sourceIPs: [pod.ip],
    userAgent,
    allow: decision(
      true,
      rbacReason(
        binding,
        '',
        'ClusterRole',
        role,
        serviceAccountSubject(namespace, serviceAccount),
      ),
    ),
    forbid: FORBID,
  });
}

function firstPod(cluster: Cluster, namespace: string, name: string): Pod {
  const pod = cluster.workload(namespace, name).pods[0];
  if (!pod) throw new Error(`workload ${namespace}/${name} has no pods`);
  return pod;
}

function controlPlaneUser(name: string, ip: string, userAgent: string): Actor {
  return actor({
    kind: 'control-plane',
    user: { username: name, groups: ['system:authenticated'] },
    sourceIPs: [ip],
    userAgent,
    allow: decision(true, rbacReason(name, '', 'ClusterRole', name, `User "${name}"`)),
    forbid: FORBID,
  });
}

function person(
  username: string,
  group: string,
  ip: string,
  userAgent: string,
  allowReason: string,
): Actor {
  return actor({
    kind: 'person',
    user: { username, groups: [group, 'system:authenticated'] },
    sourceIPs: [ip],
    userAgent,
    allow: decision(true, allowReason),
    forbid: FORBID,
  });
}

function buildControllers(rng: Rng, leaderIp: string): Record<ControllerName, Actor> {
  const entries = CONTROLLERS.map((name): [ControllerName, Actor] => [
    name,
    actor({
      kind: 'control-plane',
      // The controller manager requests these tokens itself, so they are bound to no pod.
      user: serviceAccountUser('kube-system', name, rng.uuid(), {
        'authentication.kubernetes.io/credential-id': [`JTI=${rng.uuid()}`],
      }),
      sourceIPs: [leaderIp],
      userAgent: componentAgent(
        'kube-controller-manager',
        `system:serviceaccount:kube-system:${name}`,
      ),
      allow: decision(
        true,
        rbacReason(
          `system:controller:${name}`,
          '',
          'ClusterRole',
          `system:controller:${name}`,
          serviceAccountSubject('kube-system', name),
        ),
      ),
      forbid: FORBID,
    }),
  ]);
  return recordOf(entries);
}

/** The one cast here: `entries` holds exactly one entry per ControllerName, built from CONTROLLERS. */
function recordOf(entries: [ControllerName, Actor][]): Record<ControllerName, Actor> {
  return Object.fromEntries(entries) as Record<ControllerName, Actor>;
}

function leaderElected(
  nodes: readonly ClusterNode[],
  leaderIndex: number,
  make: (node: ClusterNode) => Actor,
): LeaderElected {
  const actors = nodes.map(make);
  const leader = actors[leaderIndex];
  if (!leader) throw new Error('no control-plane node for the leader');
  return { leader, standbys: actors.filter((a) => a !== leader) };
}

export function buildWorld(rng: Rng): World {
  const cluster = buildCluster(rng);
  const kubeProxyPods = new Map(
    cluster.workload('kube-system', 'kube-proxy').pods.map((p) => [p.node.name, p]),
  );
  const nodes = cluster.nodes.map((node): NodeActors => {
    const proxyPod = kubeProxyPods.get(node.name);
    if (!proxyPod) throw new Error(`no kube-proxy pod on ${node.name}`);
    return {
      node,
      kubelet: kubelet(node),
      kubeProxy: podActor(
        rng,
        proxyPod,
        componentAgent('kube-proxy'),
        'kubeadm:node-proxier',
        'system:node-proxier',
      ),
    };
  });
  const kubelets = new Map(nodes.map((n) => [n.node.name, n.kubelet]));
  const [cp1, cp2] = cluster.controlPlanes;
  if (!cp1 || !cp2) throw new Error('the sample cluster needs control-plane nodes');
  const ciRunner = firstPod(cluster, 'ci', 'ci-runner');
  const developerWrites = new Map<string, Annotations>();

  return {
    cluster,
    nodes,
    kubeletOf(node) {
      const found = kubelets.get(node.name);
      if (!found) throw new Error(`no kubelet for ${node.name}`);
      return found;
    },
    controllers: buildControllers(rng, cp1.ip),
    controllerManagers: leaderElected(cluster.controlPlanes, 0, (n) =>
      controlPlaneUser(
        'system:kube-controller-manager',
        n.ip,
        componentAgent('kube-controller-manager', 'leader-election'),
      ),
    ),
    controllerManagerInformers: controlPlaneUser(
      'system:kube-controller-manager',
      cp1.ip,
      componentAgent('kube-controller-manager', 'shared-informers'),
    ),
    schedulers: leaderElected(cluster.controlPlanes, 1, (n) =>
      controlPlaneUser(
        'system:kube-scheduler',
        n.ip,
        componentAgent('kube-scheduler', 'leader-election'),
      ),
    ),
    scheduler: controlPlaneUser(
      'system:kube-scheduler',
      cp2.ip,
      componentAgent('kube-scheduler', 'scheduler'),
    ),
    apiserver: actor({
      kind: 'control-plane',
      user: {
        username: 'system:apiserver',
        uid: rng.uuid(),
        groups: ['system:authenticated', 'system:masters'],
      },
      sourceIPs: ['127.0.0.1'],
      userAgent: componentAgent('kube-apiserver'),
      allow: ALLOW_UNEXPLAINED,
      forbid: FORBID,
    }),
    apiserverLeases: cluster.controlPlanes.map(() => `apiserver-${rng.nameSuffix(26)}`),
    coredns: podActor(
      rng,
      firstPod(cluster, 'kube-system', 'coredns'),
      'coredns/v0.0.0-master+$Format (linux/amd64) kubernetes/$Format',
      'system:coredns',
    ),
    kubeStateMetrics: podActor(
      rng,
      firstPod(cluster, 'monitoring', 'kube-state-metrics'),
      'kube-state-metrics/v2.16.0 (linux/amd64) kubernetes/abcdef',
      'kube-state-metrics',
    ),
    prometheus: podActor(
      rng,
      firstPod(cluster, 'monitoring', 'prometheus-k8s'),
      'Prometheus/3.5.0',
      'prometheus-k8s',
    ),
    certManager: podActor(
      rng,
      firstPod(cluster, 'cert-manager', 'cert-manager'),
      'cert-manager-controller/v1.18.2 (linux/amd64) cert-manager/b4ac1e2',
      'cert-manager-controller-certificates',
    ),
    ingressNginx: podActor(
      rng,
      firstPod(cluster, 'ingress-nginx', 'ingress-nginx-controller'),
      'nginx-ingress-controller/v1.13.0 (linux/amd64) ingress-nginx/2b9e9f6',
      'ingress-nginx',
    ),
    grafana: podActor(rng, firstPod(cluster, 'monitoring', 'grafana'), 'Grafana/12.1.0', 'grafana'),
    alice: person(
      'alice@example.com',
      'developers',
      '192.168.10.23',
      KUBECTL_MAC,
      rbacReason('developers-view', '', 'ClusterRole', 'view', 'Group "developers"'),
    ),
    bob: person(
      'bob@example.com',
      'developers',
      '192.168.10.41',
      KUBECTL_MAC,
      rbacReason('developers-view', '', 'ClusterRole', 'view', 'Group "developers"'),
    ),
    carol: person(
      'carol@example.com',
      'sre',
      '192.168.20.5',
      KUBECTL_LINUX,
      rbacReason('sre-admins', '', 'ClusterRole', 'cluster-admin', 'Group "sre"'),
    ),
    ciDeployer: ciDeployerActor(ciRunner.ip),
    expiredToken: actor({
      kind: 'unauthenticated',
      user: EMPTY_USER,
      sourceIPs: ['192.168.10.41'],
      userAgent: KUBECTL_MAC,
      allow: undefined,
      forbid: undefined,
    }),
    developerWrite(namespace) {
      let found = developerWrites.get(namespace);
      if (!found) {
        found = decision(
          true,
          rbacReason('developers-edit', namespace, 'ClusterRole', 'edit', 'Group "developers"'),
        );
        developerWrites.set(namespace, found);
      }
      return found;
    },
  };
}

// Fixed so the stolen-token story shows the very same service account uid as daily CI traffic.
const CI_DEPLOYER_UID = '5f0c3a4e-2b7d-4c1e-9a8f-6d3b2e1c0f9a';

/** The CI deployer authenticates with a long-lived Secret token, which the apiserver flags. */
export function ciDeployerActor(ip: string, userAgent = KUBECTL_LINUX): Actor {
  const legacy = { 'authentication.k8s.io/legacy-token': 'system:serviceaccount:ci:deployer' };
  return actor({
    kind: 'workload',
    user: serviceAccountUser('ci', 'deployer', CI_DEPLOYER_UID),
    sourceIPs: [ip],
    userAgent,
    allow: decision(
      true,
      rbacReason(
        'ci-deployer',
        '',
        'ClusterRole',
        'cluster-admin',
        serviceAccountSubject('ci', 'deployer'),
      ),
      legacy,
    ),
    forbid: annotations({ ...legacy, ...FORBID }),
  });
}
