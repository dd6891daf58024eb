// The audit policy the simulated apiserver runs, in the spirit of the GCE-style policy in
// ../shared/policies (first matching rule wins). It decides each request's level and
// whether its RequestReceived stage is written:
//
//   0. None: events and health checks (/healthz, /livez, /readyz): never generated.
//   1. RequestResponse, all stages: writes by system:serviceaccount:ci:deployer in the
//      `payments` namespace, a compliance rule, which is why Secret bodies reach the log.
//   2. Metadata, omit RequestReceived: secrets, configmaps, tokenreviews,
//      serviceaccounts/token.
//   3. Request, omit RequestReceived: update/patch of nodes/status and pods/status by nodes.
//   4. Metadata, omit RequestReceived: leases.
//   5. Metadata, omit RequestReceived: get, list, watch of any resource.
//   6. Metadata, all stages: other writes by nodes and control-plane users (the controller
//      manager's per-controller service accounts are listed by name, not by group).
//   7. RequestResponse, all stages: other resource writes.
//   8. Metadata, all stages: everything else (non-resource URLs such as /api, /version).

import type { ActorKind } from './actors';

export type AuditLevel = 'Metadata' | 'Request' | 'RequestResponse';

export interface PolicyDecision {
  readonly level: AuditLevel;
  readonly keepRequestReceived: boolean;
}

const CI_DEPLOYER = 'system:serviceaccount:ci:deployer';

const METADATA_ALL_STAGES: PolicyDecision = Object.freeze({
  level: 'Metadata',
  keepRequestReceived: true,
});
const METADATA_OMIT_RECEIVED: PolicyDecision = Object.freeze({
  level: 'Metadata',
  keepRequestReceived: false,
});
const REQUEST_OMIT_RECEIVED: PolicyDecision = Object.freeze({
  level: 'Request',
  keepRequestReceived: false,
});
const REQUEST_RESPONSE_ALL_STAGES: PolicyDecision = Object.freeze({
  level: 'RequestResponse',
  keepRequestReceived: true,
});

function isRead(verb: string): boolean {
  return verb === 'get' || verb === 'list' || verb === 'watch';
}

/** `resource` is `''` for non-resource URLs. */
export function decidePolicy(
  kind: ActorKind,
  username: string,
  verb: string,
  resource: string,
  subresource: string,
  namespace: string,
): PolicyDecision {
  const read = isRead(verb);
  if (resource === '') return METADATA_ALL_STAGES;
  if (!read && namespace === 'payments' && username === CI_DEPLOYER)
    return REQUEST_RESPONSE_ALL_STAGES;
  if (
    resource === 'secrets' ||
    resource === 'configmaps' ||
    resource === 'tokenreviews' ||
    (resource === 'serviceaccounts' && subresource === 'token')
  ) {
    return METADATA_OMIT_RECEIVED;
  }
  if (
    kind === 'node' &&
    (verb === 'update' || verb === 'patch') &&
    subresource === 'status' &&
    (resource === 'nodes' || resource === 'pods')
  ) {
    return REQUEST_OMIT_RECEIVED;
  }
  if (resource === 'leases' || read) return METADATA_OMIT_RECEIVED;
  if (kind === 'node' || kind === 'control-plane') return METADATA_ALL_STAGES;
  return REQUEST_RESPONSE_ALL_STAGES;
}
