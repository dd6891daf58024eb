// The Kubernetes request of a GKE entry, from methodName (io.k8s.core.v1.pods.exec.create:
// verb, resource, subresource) and resourceName (core/v1/namespaces/demo/pods/web-0/exec:
// group, namespace, name), since methodName abbreviates groups (io.k8s.authorization.rbac).

import type { ObjectReference } from '../types';

export interface KubernetesCall {
  verb?: string;
  objectRef?: ObjectReference;
  /** Only for a non-resource URL, whose path the names spell out. */
  requestURI?: string;
}

const VERSION = /^v\d+(?:(?:alpha|beta)\d+)?$/;
const K8S_METHOD_PREFIX = 'io.k8s.';
const CORE_GROUP = 'core';

interface MethodParts {
  verb: string;
  resource: string;
  subresource?: string;
  apiVersion: string;
}

function methodParts(methodName: string): MethodParts | 'non-resource' | undefined {
  const parts = methodName.split('.');
  const versionAt = parts.findIndex((p, i) => i > 0 && VERSION.test(p));
  if (versionAt < 0) return 'non-resource';
  const rest = parts.slice(versionAt + 1);
  const [resource] = rest;
  const verb = rest.at(-1);
  if (rest.length < 2 || !resource || !verb) return undefined;
  const subresource = rest.length > 2 ? rest.slice(1, -1).join('.') : undefined;
  return { verb, resource, subresource, apiVersion: parts[versionAt] ?? '' };
}

/** Sets `key` only when `value` is a non-empty string, as the apiserver omits empty ones. */
function put(ref: ObjectReference, key: keyof ObjectReference, value: string | undefined): void {
  if (value) ref[key] = value;
}

function objectRef(method: MethodParts, resourceName: string | undefined): ObjectReference {
  const ref: ObjectReference = { resource: method.resource };
  put(ref, 'subresource', method.subresource);
  const segments = resourceName?.split('/') ?? [];
  const [group, version] = segments;
  if (group === undefined || version === undefined || !VERSION.test(version)) {
    ref.apiVersion = method.apiVersion;
    return ref;
  }
  put(ref, 'apiGroup', group === CORE_GROUP ? '' : group);
  ref.apiVersion = version;
  let rest = segments.slice(2);
  // A Namespace object's own path also starts with namespaces/<name>.
  if (rest[0] === 'namespaces' && method.resource !== 'namespaces' && rest.length >= 3) {
    put(ref, 'namespace', rest[1]);
    rest = rest.slice(2);
  }
  if (rest[0] === method.resource) {
    put(ref, 'name', rest[1]);
    if (!method.subresource) put(ref, 'subresource', rest.slice(2).join('/'));
  }
  return ref;
}

/**
 * The request of a LogEntry, or why it is not a Kubernetes API call. `serviceName` k8s.io
 * also admits methods outside io.k8s (custom resources' groups).
 */
export function kubernetesCall(
  methodName: string,
  resourceName: string | undefined,
  serviceName: unknown,
): KubernetesCall | string {
  if (!methodName.startsWith(K8S_METHOD_PREFIX) && serviceName !== 'k8s.io') {
    return `protoPayload.methodName ${JSON.stringify(methodName)} is not a Kubernetes API call (expected io.k8s.…): not a GKE audit event`;
  }
  const method = methodParts(methodName);
  if (method === 'non-resource') {
    if (resourceName?.startsWith('/')) return { requestURI: resourceName };
    const path = methodName.startsWith(K8S_METHOD_PREFIX)
      ? methodName.slice(K8S_METHOD_PREFIX.length)
      : methodName;
    return { requestURI: `/${path.replaceAll('.', '/')}` };
  }
  if (method === undefined) {
    return `protoPayload.methodName ${JSON.stringify(methodName)}: expected io.k8s.<group>.<version>.<resource>.<verb>`;
  }
  return { verb: method.verb, objectRef: objectRef(method, resourceName) };
}
