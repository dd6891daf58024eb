// The API resources the sample traffic touches, with what a request path and an objectRef
// need to know about each.

export interface ResourceType {
  /** API group; `''` for the core group. */
  readonly group: string;
  readonly version: string;
  /** Plural resource name, as in URLs and objectRef.resource. */
  readonly resource: string;
  readonly kind: string;
  readonly namespaced: boolean;
  /** `/api/v1` or `/apis/<group>/<version>`. */
  readonly basePath: string;
  /** `deployments.apps`, or just `pods` for the core group, as API error messages name it. */
  readonly qualified: string;
}

function resourceType(
  group: string,
  version: string,
  resource: string,
  kind: string,
  namespaced = true,
): ResourceType {
  return Object.freeze({
    group,
    version,
    resource,
    kind,
    namespaced,
    basePath: group === '' ? `/api/${version}` : `/apis/${group}/${version}`,
    qualified: group === '' ? resource : `${resource}.${group}`,
  });
}

export const PODS = resourceType('', 'v1', 'pods', 'Pod');
export const NODES = resourceType('', 'v1', 'nodes', 'Node', false);
export const NAMESPACES = resourceType('', 'v1', 'namespaces', 'Namespace', false);
export const SECRETS = resourceType('', 'v1', 'secrets', 'Secret');
export const CONFIGMAPS = resourceType('', 'v1', 'configmaps', 'ConfigMap');
export const SERVICES = resourceType('', 'v1', 'services', 'Service');
export const SERVICEACCOUNTS = resourceType('', 'v1', 'serviceaccounts', 'ServiceAccount');
export const ENDPOINTS = resourceType('', 'v1', 'endpoints', 'Endpoints');
export const PVCS = resourceType('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim');
export const RESOURCEQUOTAS = resourceType('', 'v1', 'resourcequotas', 'ResourceQuota');
export const LEASES = resourceType('coordination.k8s.io', 'v1', 'leases', 'Lease');
export const ENDPOINTSLICES = resourceType(
  'discovery.k8s.io',
  'v1',
  'endpointslices',
  'EndpointSlice',
);
export const DEPLOYMENTS = resourceType('apps', 'v1', 'deployments', 'Deployment');
export const REPLICASETS = resourceType('apps', 'v1', 'replicasets', 'ReplicaSet');
export const STATEFULSETS = resourceType('apps', 'v1', 'statefulsets', 'StatefulSet');
export const DAEMONSETS = resourceType('apps', 'v1', 'daemonsets', 'DaemonSet');
export const JOBS = resourceType('batch', 'v1', 'jobs', 'Job');
export const CRONJOBS = resourceType('batch', 'v1', 'cronjobs', 'CronJob');
export const HPAS = resourceType(
  'autoscaling',
  'v2',
  'horizontalpodautoscalers',
  'HorizontalPodAutoscaler',
);
export const INGRESSES = resourceType('networking.k8s.io', 'v1', 'ingresses', 'Ingress');
export const CLUSTERROLEBINDINGS = resourceType(
  'rbac.authorization.k8s.io',
  'v1',
  'clusterrolebindings',
  'ClusterRoleBinding',
  false,
);
export const TOKENREVIEWS = resourceType(
  'authentication.k8s.io',
  'v1',
  'tokenreviews',
  'TokenReview',
  false,
);
export const SUBJECTACCESSREVIEWS = resourceType(
  'authorization.k8s.io',
  'v1',
  'subjectaccessreviews',
  'SubjectAccessReview',
  false,
);
export const SELFSUBJECTACCESSREVIEWS = resourceType(
  'authorization.k8s.io',
  'v1',
  'selfsubjectaccessreviews',
  'SelfSubjectAccessReview',
  false,
);
export const CERTIFICATES = resourceType('cert-manager.io', 'v1', 'certificates', 'Certificate');
export const NODE_METRICS = resourceType(
  'metrics.k8s.io',
  'v1beta1',
  'nodes',
  'NodeMetrics',
  false,
);
export const POD_METRICS = resourceType('metrics.k8s.io', 'v1beta1', 'pods', 'PodMetrics');
