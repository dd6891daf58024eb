// One API request before it becomes audit events: who, what, the outcome, how long it
// took. Traffic templates and stories fill drafts; emit-events.ts turns a draft into the
// events its policy keeps.

import type { ObjectReference, ResponseStatus, UserInfo } from '@/lib/audit/types';
import type { Actor, Annotations } from './actors';
import { decidePolicy, type PolicyDecision } from './audit-policy';
import type { Rng } from './random';
import { NAMESPACES, type ResourceType } from './resources';
import { STATUS_CREATED, STATUS_OK, STATUS_SWITCHING_PROTOCOLS } from './response-status';

/**
 * How a request ends: `complete` writes ResponseComplete, `panic` writes Panic instead,
 * `unauthenticated` writes one lone ResponseStarted (what a 401 looks like).
 */
export type Ending = 'complete' | 'panic' | 'unauthenticated';

/** Subresources served as long-running streams, which write a ResponseStarted stage. */
const STREAMING_SUBRESOURCES = new Set(['exec', 'attach', 'portforward', 'log', 'proxy']);
const NAME_SELECTOR = 'fieldSelector=metadata.name%3D';

export class RequestDraft {
  verb = 'get';
  requestURI = '/';
  /** Resource of the request; undefined for non-resource URLs. */
  resource: ResourceType | undefined = undefined;
  namespace = '';
  subresource = '';
  objectRef: ObjectReference | undefined = undefined;
  /** objectRef as known at RequestReceived, before a create's body names the object. */
  receivedObjectRef: ObjectReference | undefined = undefined;
  impersonatedUser: UserInfo | undefined = undefined;
  status: ResponseStatus = STATUS_OK;
  annotations: Annotations | undefined;
  requestObject: unknown = undefined;
  responseObject: unknown = undefined;
  startedAfterUs = 0;
  durationUs = 1_000;
  longRunning = false;
  ending: Ending = 'complete';
  private decision: PolicyDecision | undefined = undefined;

  constructor(
    readonly actor: Actor,
    public receivedUs: number,
  ) {
    this.annotations = actor.allow;
  }

  get policy(): PolicyDecision {
    this.decision ??= decidePolicy(
      this.actor.kind,
      this.actor.user.username ?? '',
      this.verb,
      this.resource?.resource ?? '',
      this.subresource,
      this.namespace,
    );
    return this.decision;
  }

  /** Build bodies only when the policy logs them: most events carry none. */
  get logsRequestBody(): boolean {
    return this.policy.level !== 'Metadata';
  }

  get logsResponseBody(): boolean {
    return this.policy.level === 'RequestResponse';
  }

  /** Denied by authorization: a 403 with `decision: forbid`. */
  deny(status: ResponseStatus): this {
    this.status = status;
    this.annotations = this.actor.forbid;
    return this;
  }

  fail(status: ResponseStatus): this {
    this.status = status;
    return this;
  }
}

function objectRef(
  res: ResourceType,
  namespace: string,
  name: string,
  subresource: string,
): ObjectReference {
  const ref: ObjectReference = { resource: res.resource };
  if (namespace) ref.namespace = namespace;
  if (name) ref.name = name;
  if (res.group) ref.apiGroup = res.group;
  ref.apiVersion = res.version;
  if (subresource) ref.subresource = subresource;
  return ref;
}

export function resourcePath(
  res: ResourceType,
  namespace: string,
  name: string,
  subresource: string,
): string {
  let path = res.basePath;
  if (namespace && res.namespaced) path += `/namespaces/${namespace}`;
  path += `/${res.resource}`;
  if (name) path += `/${name}`;
  if (subresource) path += `/${subresource}`;
  return path;
}

/** Makes drafts with realistic defaults (status by verb, latency) so templates state only what differs. */
export class DraftFactory {
  constructor(
    readonly rng: Rng,
    /** Microseconds: where watch resourceVersions start counting. */
    private readonly epochUs: number,
  ) {}

  /** A resourceVersion that grows with time, as etcd's revision does. */
  resourceVersion(atUs: number): string {
    return String(48_000_000 + Math.floor((atUs - this.epochUs) / 40_000));
  }

  resource(
    actor: Actor,
    atUs: number,
    verb: string,
    res: ResourceType,
    namespace: string,
    name: string,
    subresource = '',
    query = '',
  ): RequestDraft {
    // A create's URL names the collection; its object's name comes from the body.
    const pathName = verb === 'create' && !subresource ? '' : name;
    const d = this.draft(actor, atUs, verb, res, namespace, name, pathName, subresource, query);
    if (pathName !== name)
      d.receivedObjectRef = objectRef(res, res.namespaced ? namespace : '', '', '');
    const rng = this.rng;
    if (STREAMING_SUBRESOURCES.has(subresource)) {
      d.longRunning = true;
      d.startedAfterUs = rng.between(800, 6_000);
      d.durationUs = d.startedAfterUs + rng.between(200, 3_000);
      if (subresource !== 'log') d.status = STATUS_SWITCHING_PROTOCOLS;
      return d;
    }
    if (verb === 'create') d.status = STATUS_CREATED;
    if (verb === 'get') d.durationUs = Math.round(rng.logUniform(400, 9_000));
    else if (verb === 'list') d.durationUs = Math.round(rng.logUniform(2_000, 160_000));
    else if (verb === 'deletecollection')
      d.durationUs = Math.round(rng.logUniform(10_000, 400_000));
    else d.durationUs = Math.round(rng.logUniform(2_500, 45_000));
    return d;
  }

  /** A watch as client-go's reflector opens one: bookmarks on, a 5-10 minute server timeout. */
  watch(
    actor: Actor,
    atUs: number,
    res: ResourceType,
    namespace: string,
    selector = '',
  ): RequestDraft {
    const seconds = this.rng.between(300, 599);
    const timeout = `${Math.floor(seconds / 60)}m${seconds % 60}s`;
    const query =
      `?allowWatchBookmarks=true${selector ? `&${selector}` : ''}&resourceVersion=${this.resourceVersion(atUs)}` +
      `&timeout=${timeout}&timeoutSeconds=${seconds}&watch=true`;
    // The apiserver takes a watch's objectRef name from a metadata.name field selector.
    const name = selector.startsWith(NAME_SELECTOR) ? selector.slice(NAME_SELECTOR.length) : '';
    const d = this.draft(actor, atUs, 'watch', res, namespace, name, '', '', query);
    d.longRunning = true;
    d.startedAfterUs = this.rng.between(300, 4_000);
    d.durationUs = seconds * 1e6 + this.rng.between(1_000, 40_000);
    return d;
  }

  private draft(
    actor: Actor,
    atUs: number,
    verb: string,
    res: ResourceType,
    namespace: string,
    refName: string,
    pathName: string,
    subresource: string,
    query: string,
  ): RequestDraft {
    const d = new RequestDraft(actor, atUs);
    d.verb = verb;
    d.resource = res;
    d.namespace = namespace;
    d.subresource = subresource;
    // A namespace's objectRef names it as its own namespace, as the apiserver records it.
    const refNamespace = res === NAMESPACES ? refName : res.namespaced ? namespace : '';
    d.objectRef = objectRef(res, refNamespace, refName, subresource);
    d.requestURI = resourcePath(res, namespace, pathName, subresource) + query;
    return d;
  }

  /** A non-resource URL such as /api, /version or /metrics. */
  path(actor: Actor, atUs: number, verb: string, path: string): RequestDraft {
    const d = new RequestDraft(actor, atUs);
    d.verb = verb;
    d.requestURI = path;
    d.durationUs = Math.round(this.rng.logUniform(300, 6_000));
    return d;
  }
}
