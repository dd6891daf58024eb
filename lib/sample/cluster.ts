// The simulated cluster: three control-plane nodes, six workers, the usual add-ons and a
// few team namespaces. Generated names and uids come from the seed, so a seed always
// describes the same cluster.

import type { Rng } from './random';

export interface ClusterNode {
  readonly name: string;
  readonly ip: string;
  readonly uid: string;
  readonly controlPlane: boolean;
  /** Third octet of the node's pod CIDR (10.244.<n>.0/24). */
  readonly podSubnet: number;
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

export interface Workload {
  readonly kind: WorkloadKind;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly container: string;
  readonly image: string;
  readonly serviceAccount: string;
  /** Current ReplicaSet of a Deployment (`web-6d9f7c5b8`); `''` for other kinds. */
  readonly replicaSet: string;
  /** The EndpointSlice of the workload's Service (`frontend-x7k2p`). */
  readonly endpointSlice: string;
  readonly pods: Pod[];
}

export interface Pod {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly ip: string;
  readonly node: ClusterNode;
  readonly workload: Workload;
}

export interface Cluster {
  readonly nodes: readonly ClusterNode[];
  readonly controlPlanes: readonly ClusterNode[];
  readonly workers: readonly ClusterNode[];
  readonly namespaces: readonly string[];
  /** Namespaces of the product teams, where people and CI work. */
  readonly teamNamespaces: readonly string[];
  readonly workloads: readonly Workload[];
  readonly deployments: readonly Workload[];
  readonly statefulSets: readonly Workload[];
  readonly daemonSets: readonly Workload[];
  readonly pods: readonly Pod[];
  /** Deployments and pods of the team namespaces. */
  readonly teamDeployments: readonly Workload[];
  readonly teamPods: readonly Pod[];
  workload(namespace: string, name: string): Workload;
  /** Pods of a namespace; throws for a namespace without pods. */
  podsIn(namespace: string): readonly Pod[];
  deploymentsIn(namespace: string): readonly Workload[];
}

export const TEAM_NAMESPACES = ['web', 'checkout', 'payments', 'catalog', 'data'] as const;
function isTeamNamespace(namespace: string): boolean {
  return (TEAM_NAMESPACES as readonly string[]).includes(namespace);
}

const SYSTEM_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'monitoring',
  'ingress-nginx',
  'cert-manager',
  'ci',
];

interface WorkloadSpec {
  namespace: string;
  name: string;
  kind: WorkloadKind;
  /** Pod count; ignored for DaemonSets, which run one pod per matching node. */
  replicas: number;
  container: string;
  serviceAccount: string;
  image: string;
  hostNetwork: boolean;
  workersOnly: boolean;
}

// namespace, name, kind, replicas, container, service account, image, flags (host network, workers only).
const WORKLOAD_TABLE = `
kube-system    coredns                   Deployment   2  coredns                  coredns             registry.k8s.io/coredns/coredns:v1.12.1
kube-system    kube-proxy                DaemonSet    0  kube-proxy               kube-proxy          registry.k8s.io/kube-proxy:v1.34.1                      host
kube-system    metrics-server            Deployment   1  metrics-server           metrics-server      registry.k8s.io/metrics-server/metrics-server:v0.8.0
monitoring     prometheus-k8s            StatefulSet  2  prometheus               prometheus-k8s      quay.io/prometheus/prometheus:v3.5.0
monitoring     kube-state-metrics        Deployment   1  kube-state-metrics       kube-state-metrics  registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.16.0
monitoring     node-exporter             DaemonSet    0  node-exporter            node-exporter       quay.io/prometheus/node-exporter:v1.9.1                 host,workers
monitoring     grafana                   Deployment   1  grafana                  grafana             docker.io/grafana/grafana:12.1.0
ingress-nginx  ingress-nginx-controller  Deployment   2  controller               ingress-nginx       registry.k8s.io/ingress-nginx/controller:v1.13.0
cert-manager   cert-manager              Deployment   1  cert-manager-controller  cert-manager        quay.io/jetstack/cert-manager-controller:v1.18.2
ci             ci-runner                 Deployment   2  runner                   deployer            registry.example.com/ci/runner:2025.11
web            frontend                  Deployment   4  web                      frontend            registry.example.com/web/frontend:3.18.0
checkout       checkout-web              Deployment   3  app                      checkout            registry.example.com/checkout/checkout-web:2.4.1
checkout       checkout-redis            StatefulSet  1  redis                    default             docker.io/library/redis:8.2
payments       payments-api              Deployment   3  api                      payments-api        registry.example.com/payments/payments-api:1.42.3
payments       payments-worker           Deployment   2  worker                   payments-api        registry.example.com/payments/payments-worker:1.42.3
catalog        catalog-api               Deployment   2  api                      catalog             registry.example.com/catalog/catalog-api:5.0.2
catalog        catalog-search            StatefulSet  3  opensearch               catalog             docker.io/opensearchproject/opensearch:3.2.0
data           etl-scheduler             Deployment   1  scheduler                etl                 registry.example.com/data/etl:0.19.4
`;

function parseWorkloads(table: string): WorkloadSpec[] {
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const [
        namespace = '',
        name = '',
        kind,
        replicas = '0',
        container = '',
        serviceAccount = '',
        image = '',
        flags = '',
      ] = line.trim().split(/\s+/);
      if (kind !== 'Deployment' && kind !== 'StatefulSet' && kind !== 'DaemonSet') {
        throw new Error(`bad workload kind in: ${line}`);
      }
      const flagList = flags.split(',');
      return {
        namespace,
        name,
        kind,
        replicas: Number(replicas),
        container,
        serviceAccount,
        image,
        hostNetwork: flagList.includes('host'),
        workersOnly: flagList.includes('workers'),
      };
    });
}

const WORKLOADS = parseWorkloads(WORKLOAD_TABLE);

function buildNodes(rng: Rng): ClusterNode[] {
  const nodes: ClusterNode[] = [];
  for (let i = 1; i <= 3; i++) {
    nodes.push({
      name: `cp-${i}`,
      ip: `10.0.0.${10 + i}`,
      uid: rng.uuid(),
      controlPlane: true,
      podSubnet: i - 1,
    });
  }
  for (let i = 1; i <= 6; i++) {
    nodes.push({
      name: `worker-${i}`,
      ip: `10.0.1.${20 + i}`,
      uid: rng.uuid(),
      controlPlane: false,
      podSubnet: i + 2,
    });
  }
  return nodes;
}

function buildWorkload(
  spec: WorkloadSpec,
  nodes: readonly ClusterNode[],
  workers: readonly ClusterNode[],
  rng: Rng,
  nextHost: number[],
): Workload {
  const replicaSet =
    spec.kind === 'Deployment' ? `${spec.name}-${rng.nameSuffix(rng.between(9, 10))}` : '';
  const workload: Workload = {
    kind: spec.kind,
    namespace: spec.namespace,
    name: spec.name,
    uid: rng.uuid(),
    container: spec.container,
    image: spec.image,
    serviceAccount: spec.serviceAccount,
    replicaSet,
    endpointSlice: `${spec.name}-${rng.nameSuffix(5)}`,
    pods: [],
  };
  const placements =
    spec.kind === 'DaemonSet'
      ? spec.workersOnly
        ? workers
        : nodes
      : Array.from({ length: spec.replicas }, () => rng.pick(workers));
  placements.forEach((node, i) => {
    const name =
      spec.kind === 'Deployment'
        ? `${replicaSet}-${rng.nameSuffix(5)}`
        : spec.kind === 'StatefulSet'
          ? `${spec.name}-${i}`
          : `${spec.name}-${rng.nameSuffix(5)}`;
    const host = (nextHost[node.podSubnet] ?? 2) + 1;
    nextHost[node.podSubnet] = host;
    const ip = spec.hostNetwork ? node.ip : `10.244.${node.podSubnet}.${host}`;
    workload.pods.push({ namespace: spec.namespace, name, uid: rng.uuid(), ip, node, workload });
  });
  return workload;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function buildCluster(rng: Rng): Cluster {
  const nodes = buildNodes(rng);
  const controlPlanes = nodes.filter((n) => n.controlPlane);
  const workers = nodes.filter((n) => !n.controlPlane);
  const nextHost: number[] = [];
  const workloads = WORKLOADS.map((spec) => buildWorkload(spec, nodes, workers, rng, nextHost));
  const byKey = new Map(workloads.map((w) => [`${w.namespace}/${w.name}`, w]));
  const pods = workloads.flatMap((w) => w.pods);
  const podsByNamespace = groupBy(pods, (p) => p.namespace);
  const deploymentsByNamespace = groupBy(
    workloads.filter((w) => w.kind === 'Deployment'),
    (w) => w.namespace,
  );
  return {
    nodes,
    controlPlanes,
    workers,
    namespaces: [...SYSTEM_NAMESPACES, ...TEAM_NAMESPACES],
    teamNamespaces: TEAM_NAMESPACES,
    workloads,
    deployments: workloads.filter((w) => w.kind === 'Deployment'),
    statefulSets: workloads.filter((w) => w.kind === 'StatefulSet'),
    daemonSets: workloads.filter((w) => w.kind === 'DaemonSet'),
    pods,
    teamDeployments: workloads.filter(
      (w) => w.kind === 'Deployment' && isTeamNamespace(w.namespace),
    ),
    teamPods: workloads.filter((w) => isTeamNamespace(w.namespace)).flatMap((w) => w.pods),
    workload(namespace, name) {
      const found = byKey.get(`${namespace}/${name}`);
      if (!found) throw new Error(`no workload ${namespace}/${name}`);
      return found;
    },
    podsIn(namespace) {
      const found = podsByNamespace.get(namespace);
      if (!found) throw new Error(`no pods in ${namespace}`);
      return found;
    },
    deploymentsIn(namespace) {
      const found = deploymentsByNamespace.get(namespace);
      if (!found) throw new Error(`no deployments in ${namespace}`);
      return found;
    },
  };
}
