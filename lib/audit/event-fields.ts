// Type checks of an Event's known fields, so every accepted event matches K8sAuditEvent.
// Unknown fields are kept unchecked. Checks allocate nothing unless they fail, since they
// run once per event on the ingest hot path.

import { AUDIT_API_VERSIONS, STAGES } from './types';
import { describeValue, isRecord, type JsonRecord } from './json-value';

interface Mismatch {
  path: (string | number)[];
  expected: string;
  actual: unknown;
}
type Check = (value: unknown) => Mismatch | undefined;

const mismatch = (expected: string, actual: unknown): Mismatch => ({ path: [], expected, actual });

function within(segment: string | number, m: Mismatch | undefined): Mismatch | undefined {
  if (m) m.path.unshift(segment);
  return m;
}

const aString: Check = (v) => (typeof v === 'string' ? undefined : mismatch('a string', v));
const anInteger: Check = (v) =>
  typeof v === 'number' && Number.isInteger(v) ? undefined : mismatch('an integer', v);
const anObject: Check = (v) => (isRecord(v) ? undefined : mismatch('an object', v));

function oneOf(values: readonly string[]): Check {
  const expected = `one of ${values.join(', ')}`;
  return (v) => (typeof v === 'string' && values.includes(v) ? undefined : mismatch(expected, v));
}

function listOf(item: Check, expected: string): Check {
  return (v) => {
    if (!Array.isArray(v)) return mismatch(expected, v);
    for (let i = 0; i < v.length; i++) {
      const m = within(i, item(v[i]));
      if (m) return m;
    }
    return undefined;
  };
}

function mapOf(value: Check, expected: string): Check {
  return (v) => {
    if (!isRecord(v)) return mismatch(expected, v);
    for (const key in v) {
      const m = within(key, value(v[key]));
      if (m) return m;
    }
    return undefined;
  };
}

/** Checks the listed fields that are present (not undefined); other fields pass. */
function fieldsOf(fields: Record<string, Check>): Check {
  const entries = Object.entries(fields);
  return (v) => {
    if (!isRecord(v)) return mismatch('an object', v);
    for (const [key, check] of entries) {
      const field = v[key];
      if (field === undefined) continue;
      const m = within(key, check(field));
      if (m) return m;
    }
    return undefined;
  };
}

const nullOr =
  (check: Check): Check =>
  (v) =>
    v === null ? undefined : check(v);

const strings = listOf(aString, 'an array of strings');
const userInfo = fieldsOf({
  username: aString,
  uid: aString,
  groups: strings,
  extra: mapOf(strings, 'an object of string arrays'),
});

/** The fields of an ObjectReference (also how Go-cased bodies are renamed onto them). */
export const OBJECT_REF_FIELDS = [
  'resource',
  'namespace',
  'name',
  'uid',
  'apiGroup',
  'apiVersion',
  'resourceVersion',
  'subresource',
];

const eventFields = fieldsOf({
  level: aString, // not an enum: shippers such as OpenShift's overwrite it with their own
  auditID: aString,
  stage: oneOf(STAGES),
  requestURI: aString,
  verb: aString,
  user: userInfo,
  impersonatedUser: nullOr(userInfo),
  sourceIPs: strings,
  userAgent: aString,
  objectRef: fieldsOf(Object.fromEntries(OBJECT_REF_FIELDS.map((k) => [k, aString]))),
  responseStatus: fieldsOf({
    metadata: anObject,
    status: aString,
    message: aString,
    reason: aString,
    code: anInteger,
  }),
  requestReceivedTimestamp: aString,
  stageTimestamp: aString,
  timestamp: aString,
  annotations: mapOf(aString, 'an object of strings'),
  metadata: anObject,
});

function formatPath(path: (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Why a field of the event has the wrong type (`field verb: expected a string, got number 5`), if one does. */
export function eventFieldProblem(event: JsonRecord): string | undefined {
  const m = eventFields(event);
  if (!m) return undefined;
  return `field ${formatPath(m.path)}: expected ${m.expected}, got ${describeValue(m.actual)}`;
}

/** The fields by which a document without kind or apiVersion is recognised as an Event. */
export const EVENT_MARKERS = ['auditID', 'verb', 'stage', 'requestURI'] as const;

export function hasEventMarker(doc: JsonRecord): boolean {
  return EVENT_MARKERS.some((k) => doc[k] !== undefined);
}

const ACCEPTED_API_VERSIONS: readonly string[] = AUDIT_API_VERSIONS;
const CORE_EVENT_API_VERSIONS = ['v1', 'events.k8s.io/v1', 'events.k8s.io/v1beta1'];

export function isAuditApiVersion(value: unknown): value is string {
  return typeof value === 'string' && ACCEPTED_API_VERSIONS.includes(value);
}

/** Why a declared apiVersion is not accepted; undefined when it is accepted or absent. */
export function apiVersionProblem(apiVersion: unknown): string | undefined {
  if (apiVersion === undefined || isAuditApiVersion(apiVersion)) return undefined;
  const coreEvent =
    typeof apiVersion === 'string' && CORE_EVENT_API_VERSIONS.includes(apiVersion)
      ? ' (that is a Kubernetes core Event, not an audit event)'
      : '';
  const found =
    typeof apiVersion === 'string' ? JSON.stringify(apiVersion) : describeValue(apiVersion);
  return `unsupported apiVersion ${found}${coreEvent}: expected ${AUDIT_API_VERSIONS.join(' or ')}`;
}
