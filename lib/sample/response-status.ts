// responseStatus values with the apiserver's own wording. Successes carry only the code;
// failures carry the Status fields in the order the apiserver encodes them.

import type { ResponseStatus } from '@/lib/audit/types';
import { deepFreeze } from './actors';
import type { ResourceType } from './resources';

const EMPTY_METADATA = Object.freeze({});

function success(code: number): ResponseStatus {
  return Object.freeze({ metadata: EMPTY_METADATA, code });
}

export const STATUS_OK = success(200);
export const STATUS_CREATED = success(201);
export const STATUS_SWITCHING_PROTOCOLS = success(101);
/** The aggregation layer's plain-text 503 has no Status body, so only the code is recorded. */
export const STATUS_SERVICE_UNAVAILABLE = success(503);

function failure(
  code: number,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
): ResponseStatus {
  const status: ResponseStatus = { metadata: {}, status: 'Failure', message, reason };
  if (details) status.details = details;
  status.code = code;
  return status;
}

function objectDetails(res: ResourceType, name: string): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  if (name) details.name = name;
  if (res.group) details.group = res.group;
  details.kind = res.resource;
  return details;
}

function scope(namespace: string): string {
  return namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
}

export function forbidden(
  username: string,
  verb: string,
  res: ResourceType,
  namespace: string,
  name = '',
  subresource = '',
): ResponseStatus {
  const target = name ? `${res.qualified} "${name}"` : res.qualified;
  const resource = subresource ? `${res.resource}/${subresource}` : res.resource;
  return failure(
    403,
    'Forbidden',
    `${target} is forbidden: User "${username}" cannot ${verb} resource "${resource}" in API group "${res.group}" ${scope(namespace)}`,
    objectDetails(res, name),
  );
}

export function forbiddenPath(username: string, verb: string, path: string): ResponseStatus {
  return failure(
    403,
    'Forbidden',
    `forbidden: User "${username}" cannot ${verb} path "${path}"`,
    {},
  );
}

/** A denied impersonation: logged under the original request, before any authorization annotation. */
export function impersonationForbidden(
  username: string,
  target: 'users' | 'groups' | 'serviceaccounts',
  name: string,
  namespace = '',
): ResponseStatus {
  return failure(
    403,
    'Forbidden',
    `${target} "${name}" is forbidden: User "${username}" cannot impersonate resource "${target}" in API group "" ${scope(namespace)}`,
    { name, kind: target },
  );
}

export function podSecurityForbidden(
  name: string,
  policy: string,
  violations: string,
): ResponseStatus {
  return failure(
    403,
    'Forbidden',
    `pods "${name}" is forbidden: violates PodSecurity "${policy}": ${violations}`,
    {
      name,
      kind: 'pods',
    },
  );
}

export function notFound(res: ResourceType, name: string): ResponseStatus {
  return failure(404, 'NotFound', `${res.qualified} "${name}" not found`, objectDetails(res, name));
}

export function conflict(res: ResourceType, name: string): ResponseStatus {
  return failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${res.qualified} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    objectDetails(res, name),
  );
}

export function alreadyExists(res: ResourceType, name: string): ResponseStatus {
  return failure(
    409,
    'AlreadyExists',
    `${res.qualified} "${name}" already exists`,
    objectDetails(res, name),
  );
}

export function invalid(
  res: ResourceType,
  name: string,
  field: string,
  causeReason: string,
  causeMessage: string,
): ResponseStatus {
  const kind = res.group ? `${res.kind}.${res.group}` : res.kind;
  const details: Record<string, unknown> = { name };
  if (res.group) details.group = res.group;
  details.kind = res.kind;
  details.causes = [{ reason: causeReason, message: causeMessage, field }];
  return failure(
    422,
    'Invalid',
    `${kind} "${name}" is invalid: ${field}: ${causeMessage}`,
    details,
  );
}

export const STATUS_TOO_MANY_REQUESTS: ResponseStatus = deepFreeze(
  failure(429, 'TooManyRequests', 'Too many requests, please try again later.', {
    retryAfterSeconds: 1,
  }),
);

export function internalError(cause: string): ResponseStatus {
  return failure(500, 'InternalError', `Internal error occurred: ${cause}`, {
    causes: [{ message: cause }],
  });
}

export const STATUS_TIMEOUT: ResponseStatus = deepFreeze(
  failure(
    504,
    'Timeout',
    'Timeout: request did not complete within requested timeout - context deadline exceeded',
    {},
  ),
);

export const STATUS_UNAUTHORIZED: ResponseStatus = deepFreeze(
  failure(401, 'Unauthorized', 'Unauthorized'),
);

/** What the audit filter records when a handler panics; `abort Handler` is the usual one (a timed-out request). */
export const STATUS_PANIC: ResponseStatus = deepFreeze(
  failure(500, 'InternalError', "APIServer panic'd: net/http: abort Handler"),
);

/** The Status object a RequestResponse-level event carries as responseObject for a failure. */
export function statusObject(status: ResponseStatus): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', ...status };
}
