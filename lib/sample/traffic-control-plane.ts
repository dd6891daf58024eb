// What the control plane sends: leader-election leases, the apiserver's own bookkeeping,
// the controller manager's controllers (each under its own service account) and the scheduler.

import {
  CONFIGMAPS,
  CRONJOBS,
  DAEMONSETS,
  DEPLOYMENTS,
  ENDPOINTS,
  ENDPOINTSLICES,
  HPAS,
  JOBS,
  LEASES,
  NAMESPACES,
  NODES,
  PODS,
  POD_METRICS,
  PVCS,
  REPLICASETS,
  RESOURCEQUOTAS,
  SERVICEACCOUNTS,
  SERVICES,
  STATEFULSETS,
} from './resources';
import { conflict, internalError, notFound, STATUS_SERVICE_UNAVAILABLE } from './response-status';
import { template, type TrafficTemplate } from './traffic-template';

const INFORMER_RESOURCES = [
  PODS,
  NODES,
  DEPLOYMENTS,
  REPLICASETS,
  ENDPOINTSLICES,
  SERVICES,
  SERVICEACCOUNTS,
  NAMESPACES,
  JOBS,
];
const SCHEDULER_RESOURCES = [PODS, NODES, PVCS, SERVICES];
const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public'];

/** The job a CronJob started for the hour of `atUs`, named as the cronjob controller names it. */
function hourlyJob(atUs: number): string {
  return `etl-hourly-${Math.floor(atUs / 3_600e6) * 60}`;
}

export const CONTROL_PLANE_TRAFFIC: readonly TrafficTemplate[] = [
  template('controller manager renews its lease', 45, (f, w, at) =>
    f.resource(
      w.controllerManagers.leader,
      at,
      'update',
      LEASES,
      'kube-system',
      'kube-controller-manager',
      '',
      '?timeout=5s',
    ),
  ),
  template('standby controller manager reads the lease', 18, (f, w, at) =>
    f.resource(
      f.rng.pick(w.controllerManagers.standbys),
      at,
      'get',
      LEASES,
      'kube-system',
      'kube-controller-manager',
      '',
      '?timeout=5s',
    ),
  ),
  template('scheduler renews its lease', 45, (f, w, at) =>
    f.resource(
      w.schedulers.leader,
      at,
      'update',
      LEASES,
      'kube-system',
      'kube-scheduler',
      '',
      '?timeout=5s',
    ),
  ),
  template('standby scheduler reads the lease', 18, (f, w, at) =>
    f.resource(
      f.rng.pick(w.schedulers.standbys),
      at,
      'get',
      LEASES,
      'kube-system',
      'kube-scheduler',
      '',
      '?timeout=5s',
    ),
  ),
  template('apiserver renews its identity lease', 30, (f, w, at) =>
    f.resource(w.apiserver, at, 'update', LEASES, 'kube-system', f.rng.pick(w.apiserverLeases)),
  ),
  template('apiserver reconciles the kubernetes service', 6, (f, w, at) =>
    f.resource(w.apiserver, at, 'get', ENDPOINTSLICES, 'default', 'kubernetes'),
  ),
  template('apiserver checks system namespaces', 4, (f, w, at) =>
    f.resource(w.apiserver, at, 'get', NAMESPACES, '', f.rng.pick(SYSTEM_NAMESPACES)),
  ),
  template('endpointslice controller updates a slice', 40, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.workloads);
    return f.resource(
      w.controllers['endpointslice-controller'],
      at,
      'update',
      ENDPOINTSLICES,
      wl.namespace,
      wl.endpointSlice,
    );
  }),
  template('endpointslice controller loses an update race', 3, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.workloads);
    return f
      .resource(
        w.controllers['endpointslice-controller'],
        at,
        'update',
        ENDPOINTSLICES,
        wl.namespace,
        wl.endpointSlice,
      )
      .fail(conflict(ENDPOINTSLICES, wl.endpointSlice));
  }),
  template('endpoint controller updates endpoints', 8, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.workloads);
    return f.resource(
      w.controllers['endpoint-controller'],
      at,
      'update',
      ENDPOINTS,
      wl.namespace,
      wl.name,
    );
  }),
  template('replicaset controller creates a pod', 6, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.teamDeployments);
    return f.resource(
      w.controllers['replicaset-controller'],
      at,
      'create',
      PODS,
      wl.namespace,
      `${wl.replicaSet}-${f.rng.nameSuffix(5)}`,
    );
  }),
  template('replicaset controller deletes a pod', 4, (f, w, at) => {
    const pod = f.rng.pick(w.cluster.teamPods);
    return f.resource(
      w.controllers['replicaset-controller'],
      at,
      'delete',
      PODS,
      pod.namespace,
      pod.name,
    );
  }),
  template('replicaset controller updates status', 12, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.deployments);
    return f.resource(
      w.controllers['replicaset-controller'],
      at,
      'update',
      REPLICASETS,
      wl.namespace,
      wl.replicaSet,
      'status',
    );
  }),
  template('replicaset controller loses an update race', 1.5, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.deployments);
    return f
      .resource(
        w.controllers['replicaset-controller'],
        at,
        'update',
        REPLICASETS,
        wl.namespace,
        wl.replicaSet,
        'status',
      )
      .fail(conflict(REPLICASETS, wl.replicaSet));
  }),
  template('deployment controller updates status', 10, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.deployments);
    return f.resource(
      w.controllers['deployment-controller'],
      at,
      'update',
      DEPLOYMENTS,
      wl.namespace,
      wl.name,
      'status',
    );
  }),
  template('deployment controller updates a replicaset', 3, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.teamDeployments);
    return f.resource(
      w.controllers['deployment-controller'],
      at,
      'update',
      REPLICASETS,
      wl.namespace,
      wl.replicaSet,
    );
  }),
  template('statefulset controller updates status', 3, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.statefulSets);
    return f.resource(
      w.controllers['statefulset-controller'],
      at,
      'update',
      STATEFULSETS,
      wl.namespace,
      wl.name,
      'status',
    );
  }),
  template('daemonset controller updates status', 3, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.daemonSets);
    return f.resource(
      w.controllers['daemon-set-controller'],
      at,
      'update',
      DAEMONSETS,
      wl.namespace,
      wl.name,
      'status',
    );
  }),
  template('job controller updates status', 4, (f, w, at) =>
    f.resource(
      w.controllers['job-controller'],
      at,
      'update',
      JOBS,
      'data',
      hourlyJob(at),
      'status',
    ),
  ),
  template('job controller creates a pod', 1.5, (f, w, at) =>
    f.resource(
      w.controllers['job-controller'],
      at,
      'create',
      PODS,
      'data',
      `${hourlyJob(at)}-${f.rng.nameSuffix(5)}`,
    ),
  ),
  template('cronjob controller creates a job', 0.8, (f, w, at) =>
    f.resource(w.controllers['cronjob-controller'], at, 'create', JOBS, 'data', hourlyJob(at)),
  ),
  template('cronjob controller updates status', 0.8, (f, w, at) =>
    f.resource(
      w.controllers['cronjob-controller'],
      at,
      'update',
      CRONJOBS,
      'data',
      'etl-hourly',
      'status',
    ),
  ),
  template('garbage collector deletes a finished pod', 1.5, (f, w, at) =>
    f.resource(
      w.controllers['generic-garbage-collector'],
      at,
      'delete',
      PODS,
      'data',
      `${hourlyJob(at - 7_200e6)}-${f.rng.nameSuffix(5)}`,
    ),
  ),
  template('garbage collector finds an owner gone', 2, (f, w, at) => {
    const name = `${hourlyJob(at - 86_400e6)}-${f.rng.nameSuffix(5)}`;
    return f
      .resource(w.controllers['generic-garbage-collector'], at, 'get', PODS, 'data', name)
      .fail(notFound(PODS, name));
  }),
  template('node controller reads a node', 4, (f, w, at) =>
    f.resource(
      w.controllers['node-controller'],
      at,
      'get',
      NODES,
      '',
      f.rng.pick(w.nodes).node.name,
    ),
  ),
  template('autoscaler reads pod metrics', 7, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.teamDeployments);
    return f.resource(
      w.controllers['horizontal-pod-autoscaler'],
      at,
      'list',
      POD_METRICS,
      wl.namespace,
      '',
      '',
      `?labelSelector=app%3D${wl.name}`,
    );
  }),
  template('autoscaler finds metrics unavailable', 0.5, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.teamDeployments);
    return f
      .resource(
        w.controllers['horizontal-pod-autoscaler'],
        at,
        'list',
        POD_METRICS,
        wl.namespace,
        '',
        '',
        `?labelSelector=app%3D${wl.name}`,
      )
      .fail(STATUS_SERVICE_UNAVAILABLE);
  }),
  template('autoscaler reads a scale', 4, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.teamDeployments);
    return f.resource(
      w.controllers['horizontal-pod-autoscaler'],
      at,
      'get',
      DEPLOYMENTS,
      wl.namespace,
      wl.name,
      'scale',
    );
  }),
  template('autoscaler updates status', 3, (f, w, at) => {
    const wl = f.rng.pick(w.cluster.teamDeployments);
    return f.resource(
      w.controllers['horizontal-pod-autoscaler'],
      at,
      'update',
      HPAS,
      wl.namespace,
      wl.name,
      'status',
    );
  }),
  template('resource quota controller updates status', 1.5, (f, w, at) => {
    const ns = f.rng.pick(w.cluster.teamNamespaces);
    return f.resource(
      w.controllers['resourcequota-controller'],
      at,
      'update',
      RESOURCEQUOTAS,
      ns,
      `${ns}-quota`,
      'status',
    );
  }),
  template('volume binder updates a claim', 1, (f, w, at) =>
    f.resource(
      w.controllers['persistent-volume-binder'],
      at,
      'update',
      PVCS,
      'catalog',
      `data-catalog-search-${f.rng.int(3)}`,
      'status',
    ),
  ),
  template('namespace controller empties a preview namespace', 0.3, (f, w, at) =>
    f.resource(
      w.controllers['namespace-controller'],
      at,
      'deletecollection',
      CONFIGMAPS,
      `preview-pr-${f.rng.between(1200, 1460)}`,
      '',
    ),
  ),
  template('scheduler binds a pod', 7, (f, w, at) => {
    const pod = f.rng.pick(w.cluster.teamPods);
    return f.resource(w.scheduler, at, 'create', PODS, pod.namespace, pod.name, 'binding');
  }),
  template('controller manager informer watch', 25, (f, w, at) =>
    f.watch(w.controllerManagerInformers, at, f.rng.pick(INFORMER_RESOURCES), ''),
  ),
  template('controller manager list hits an etcd timeout', 0.15, (f, w, at) =>
    f
      .resource(
        w.controllerManagerInformers,
        at,
        'list',
        f.rng.pick(INFORMER_RESOURCES),
        '',
        '',
        '',
        '?limit=500&resourceVersion=0',
      )
      .fail(internalError('etcdserver: request timed out')),
  ),
  template('scheduler informer watch', 15, (f, w, at) =>
    f.watch(w.scheduler, at, f.rng.pick(SCHEDULER_RESOURCES), ''),
  ),
];
