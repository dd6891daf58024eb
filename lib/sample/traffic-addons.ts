// What the add-ons send: DNS and ingress watches, monitoring scrapes and lists, cert-manager,
// and a few failures that come with them (throttling, timeouts, a misconfigured dashboard).

import { forbidden, STATUS_TIMEOUT, STATUS_TOO_MANY_REQUESTS } from './response-status';
import {
  CERTIFICATES,
  CONFIGMAPS,
  DAEMONSETS,
  DEPLOYMENTS,
  ENDPOINTS,
  ENDPOINTSLICES,
  INGRESSES,
  JOBS,
  LEASES,
  NAMESPACES,
  NODES,
  PODS,
  PVCS,
  SECRETS,
  SERVICES,
  STATEFULSETS,
} from './resources';
import { template, type TrafficTemplate } from './traffic-template';

const DNS_RESOURCES = [SERVICES, ENDPOINTSLICES, NAMESPACES];
const STATE_METRICS_RESOURCES = [
  PODS,
  NODES,
  DEPLOYMENTS,
  STATEFULSETS,
  DAEMONSETS,
  JOBS,
  PVCS,
  NAMESPACES,
  SERVICES,
];
const SCRAPE_RESOURCES = [PODS, ENDPOINTS, SERVICES, NODES];
const INGRESS_RESOURCES = [INGRESSES, ENDPOINTSLICES, SECRETS, SERVICES];
const INFORMER_LIST = '?limit=500&resourceVersion=0';

export const ADDON_TRAFFIC: readonly TrafficTemplate[] = [
  template('coredns watch', 15, (f, w, at) =>
    f.watch(w.coredns, at, f.rng.pick(DNS_RESOURCES), ''),
  ),
  template('kube-state-metrics watch', 10, (f, w, at) =>
    f.watch(w.kubeStateMetrics, at, f.rng.pick(STATE_METRICS_RESOURCES), ''),
  ),
  template('kube-state-metrics list', 5, (f, w, at) =>
    f.resource(
      w.kubeStateMetrics,
      at,
      'list',
      f.rng.pick(STATE_METRICS_RESOURCES),
      '',
      '',
      '',
      INFORMER_LIST,
    ),
  ),
  template('kube-state-metrics list times out', 0.15, (f, w, at) =>
    f
      .resource(w.kubeStateMetrics, at, 'list', PODS, '', '', '', INFORMER_LIST)
      .fail(STATUS_TIMEOUT),
  ),
  template('prometheus watch', 8, (f, w, at) =>
    f.watch(w.prometheus, at, f.rng.pick(SCRAPE_RESOURCES), ''),
  ),
  template('prometheus list', 8, (f, w, at) =>
    f.resource(w.prometheus, at, 'list', f.rng.pick(SCRAPE_RESOURCES), '', '', '', '?limit=500'),
  ),
  template('prometheus is throttled', 0.5, (f, w, at) =>
    f
      .resource(w.prometheus, at, 'list', PODS, '', '', '', '?limit=500')
      .fail(STATUS_TOO_MANY_REQUESTS),
  ),
  template('prometheus scrapes apiserver metrics', 12, (f, w, at) =>
    f.path(w.prometheus, at, 'get', '/metrics'),
  ),
  template('cert-manager renews its lease', 10, (f, w, at) =>
    f.resource(
      w.certManager,
      at,
      'update',
      LEASES,
      'kube-system',
      'cert-manager-controller',
      '',
      '?timeout=5s',
    ),
  ),
  template('cert-manager reads a certificate secret', 3, (f, w, at) => {
    const ns = f.rng.pick(w.cluster.teamNamespaces);
    return f.resource(w.certManager, at, 'get', SECRETS, ns, `${ns}-tls`);
  }),
  template('cert-manager updates certificate status', 1, (f, w, at) => {
    const ns = f.rng.pick(w.cluster.teamNamespaces);
    return f.resource(w.certManager, at, 'update', CERTIFICATES, ns, `${ns}-tls`, 'status');
  }),
  template('cert-manager watch', 2, (f, w, at) => f.watch(w.certManager, at, CERTIFICATES, '')),
  template('ingress-nginx renews its lease', 10, (f, w, at) =>
    f.resource(
      w.ingressNginx,
      at,
      'update',
      LEASES,
      'ingress-nginx',
      'ingress-nginx-leader',
      '',
      '?timeout=5s',
    ),
  ),
  template('ingress-nginx reads its configmap', 2, (f, w, at) =>
    f.resource(w.ingressNginx, at, 'get', CONFIGMAPS, 'ingress-nginx', 'ingress-nginx-controller'),
  ),
  template('ingress-nginx watch', 7, (f, w, at) =>
    f.watch(w.ingressNginx, at, f.rng.pick(INGRESS_RESOURCES), ''),
  ),
  // A dashboard plugin given the wrong service account keeps trying to list every Secret.
  template('grafana is denied secrets', 2, (f, w, at) =>
    f
      .resource(w.grafana, at, 'list', SECRETS, '', '', '', '?limit=500')
      .deny(forbidden(w.grafana.user.username ?? '', 'list', SECRETS, '')),
  ),
  template('apiserver panics on a watch', 0.04, (f, w, at) => {
    const d = f.watch(w.prometheus, at, PODS, '');
    d.ending = 'panic';
    d.durationUs = Math.round(d.durationUs * f.rng.float());
    return d;
  }),
];
