// What every node sends: kubelet heartbeats (the node lease, node status), pod status,
// service-account tokens for its pods, webhook authn/authz checks, and kube-proxy watches.

import { annotations } from './actors';
import { nodeStatusPatch, podStatusPatch } from './bodies';
import {
  CONFIGMAPS,
  ENDPOINTSLICES,
  LEASES,
  NODES,
  PODS,
  SERVICEACCOUNTS,
  SERVICES,
  SUBJECTACCESSREVIEWS,
  TOKENREVIEWS,
} from './resources';
import { notFound } from './response-status';
import { template, type TrafficTemplate } from './traffic-template';

const KUBE_PROXY_SELECTOR =
  'labelSelector=%21service.kubernetes.io%2Fheadless%2C%21service.kubernetes.io%2Fservice-proxy-name';

export const NODE_TRAFFIC: readonly TrafficTemplate[] = [
  // Every kubelet renews its lease every 10 seconds: the bulk of any cluster's audit log.
  template('kubelet renews node lease', 220, (f, w, at) => {
    const n = f.rng.pick(w.nodes);
    return f.resource(
      n.kubelet,
      at,
      'update',
      LEASES,
      'kube-node-lease',
      n.node.name,
      '',
      '?timeout=10s',
    );
  }),
  template('kubelet gets its node', 40, (f, w, at) => {
    const n = f.rng.pick(w.nodes);
    return f.resource(
      n.kubelet,
      at,
      'get',
      NODES,
      '',
      n.node.name,
      '',
      '?resourceVersion=0&timeout=10s',
    );
  }),
  template('kubelet patches node status', 35, (f, w, at) => {
    const n = f.rng.pick(w.nodes);
    const d = f.resource(n.kubelet, at, 'patch', NODES, '', n.node.name, 'status', '?timeout=10s');
    if (d.logsRequestBody) d.requestObject = nodeStatusPatch(at);
    return d;
  }),
  template('kubelet gets a pod', 28, (f, w, at) => {
    const pod = f.rng.pick(w.cluster.pods);
    return f.resource(w.kubeletOf(pod.node), at, 'get', PODS, pod.namespace, pod.name);
  }),
  template('kubelet gets a deleted pod', 3, (f, w, at) => {
    const pod = f.rng.pick(w.cluster.teamPods);
    const gone = `${pod.workload.replicaSet || pod.workload.name}-${f.rng.nameSuffix(5)}`;
    return f
      .resource(w.kubeletOf(pod.node), at, 'get', PODS, pod.namespace, gone)
      .fail(notFound(PODS, gone));
  }),
  template('kubelet patches pod status', 18, (f, w, at) => {
    const pod = f.rng.pick(w.cluster.pods);
    const d = f.resource(
      w.kubeletOf(pod.node),
      at,
      'patch',
      PODS,
      pod.namespace,
      pod.name,
      'status',
    );
    if (d.logsRequestBody) d.requestObject = podStatusPatch(pod, at);
    return d;
  }),
  template('kubelet requests a service account token', 12, (f, w, at) => {
    const pod = f.rng.pick(w.cluster.pods);
    const kubelet = w.kubeletOf(pod.node);
    const { namespace, serviceAccount } = pod.workload;
    const d = f.resource(
      kubelet,
      at,
      'create',
      SERVICEACCOUNTS,
      namespace,
      serviceAccount,
      'token',
    );
    d.annotations = annotations({
      ...kubelet.allow,
      'authentication.kubernetes.io/issued-credential-id': `JTI=${f.rng.uuid()}`,
    });
    return d;
  }),
  template('kubelet reviews a scraper token', 8, (f, w, at) =>
    f.resource(f.rng.pick(w.nodes).kubelet, at, 'create', TOKENREVIEWS, '', ''),
  ),
  template('kubelet checks a scraper access', 8, (f, w, at) =>
    f.resource(f.rng.pick(w.nodes).kubelet, at, 'create', SUBJECTACCESSREVIEWS, '', ''),
  ),
  template('kubelet watches a mounted configmap', 10, (f, w, at) => {
    const pod = f.rng.pick(w.cluster.teamPods);
    return f.watch(
      w.kubeletOf(pod.node),
      at,
      CONFIGMAPS,
      pod.namespace,
      'fieldSelector=metadata.name%3Dkube-root-ca.crt',
    );
  }),
  template('kubelet watches its pods', 5, (f, w, at) => {
    const n = f.rng.pick(w.nodes);
    return f.watch(n.kubelet, at, PODS, '', `fieldSelector=spec.nodeName%3D${n.node.name}`);
  }),
  template('kube-proxy watches services', 20, (f, w, at) => {
    const n = f.rng.pick(w.nodes);
    return f.watch(
      n.kubeProxy,
      at,
      f.rng.chance(0.5) ? SERVICES : ENDPOINTSLICES,
      '',
      KUBE_PROXY_SELECTOR,
    );
  }),
];
