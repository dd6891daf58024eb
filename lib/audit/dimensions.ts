// The one catalogue of dimensions. Everything that filters, groups or labels by a field of
// an audit event (URL codec, stores, breakdown panels, table columns) reads it from here:
// adding a dimension is adding one entry.

import type { AuditEvent } from './types';

export type DimensionType = 'string' | 'number';

export interface Dimension {
  /** Name in URLs and APIs (`?user=alice`). */
  readonly key: string;
  /** Label in the UI. */
  readonly label: string;
  /** One line for tooltips and docs. */
  readonly description: string;
  /** Path in the v1 Event; stores derive their field names from it. */
  readonly path: readonly string[];
  /** The field holds a list (groups, source IPs): a filter matches any element. */
  readonly multi: boolean;
  readonly type: DimensionType;
  /** Column of the embedded store. */
  readonly column: string;
  /** Offered as a breakdown panel and a timeline split. */
  readonly groupable: boolean;
}

function dim(
  key: string,
  label: string,
  path: readonly string[],
  description: string,
  opts: { multi?: boolean; type?: DimensionType; column?: string; groupable?: boolean } = {},
): Dimension {
  return {
    key,
    label,
    description,
    path,
    multi: opts.multi ?? false,
    type: opts.type ?? 'string',
    column: opts.column ?? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
    groupable: opts.groupable ?? true,
  };
}

export const DIMENSIONS = [
  dim(
    'user',
    'User',
    ['user', 'username'],
    'Authenticated user name (empty for failed authentication)',
    {
      column: 'username',
    },
  ),
  dim('group', 'Group', ['user', 'groups'], 'Groups of the authenticated user', {
    multi: true,
    column: 'user_groups',
  }),
  dim(
    'verb',
    'Verb',
    ['verb'],
    'Kubernetes verb: get, list, watch, create, update, patch, delete, …',
  ),
  dim('resource', 'Resource', ['objectRef', 'resource'], 'Resource type, such as pods or secrets'),
  dim(
    'subresource',
    'Subresource',
    ['objectRef', 'subresource'],
    'Subresource, such as exec or status',
  ),
  dim('namespace', 'Namespace', ['objectRef', 'namespace'], 'Namespace of the object'),
  dim('name', 'Name', ['objectRef', 'name'], 'Name of the object'),
  dim(
    'apiGroup',
    'API group',
    ['objectRef', 'apiGroup'],
    'API group of the object (empty for core)',
  ),
  dim('code', 'Code', ['responseStatus', 'code'], 'HTTP status code of the response', {
    type: 'number',
  }),
  dim('stage', 'Stage', ['stage'], 'RequestReceived, ResponseStarted, ResponseComplete or Panic'),
  dim('level', 'Level', ['level'], 'Audit level: Metadata, Request or RequestResponse'),
  dim('sourceIP', 'Source IP', ['sourceIPs'], 'Client and proxy addresses of the request', {
    multi: true,
    column: 'source_ips',
  }),
  dim('userAgent', 'User agent', ['userAgent'], 'User agent the client sent'),
  dim(
    'decision',
    'Decision',
    ['annotations', 'authorization.k8s.io/decision'],
    'Authorization decision: allow or forbid',
  ),
  dim(
    'impersonatedUser',
    'Impersonated user',
    ['impersonatedUser', 'username'],
    'User the request impersonated',
  ),
  dim('auditID', 'Audit ID', ['auditID'], 'Unique ID of the request, shared by its stages', {
    column: 'audit_id',
    groupable: false,
  }),
] as const satisfies readonly Dimension[];

export type DimensionKey = (typeof DIMENSIONS)[number]['key'];

const BY_KEY: ReadonlyMap<string, Dimension> = new Map(DIMENSIONS.map((d) => [d.key, d]));

export function isDimensionKey(key: string): key is DimensionKey {
  return BY_KEY.has(key);
}

export function getDimension(key: DimensionKey): Dimension {
  const d = BY_KEY.get(key);
  if (!d) throw new Error(`unknown dimension ${key}`);
  return d;
}

export const DIMENSION_KEYS: readonly DimensionKey[] = DIMENSIONS.map((d) => d.key);

function at(obj: unknown, path: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/**
 * The values of a dimension in one event, as strings (numbers are written in decimal).
 * A missing field gives `[]`; a single-valued field gives at most one value.
 */
export function dimensionValues(event: AuditEvent, d: Dimension): string[] {
  const v =
    d.key === 'auditID' ? event.auditID : d.key === 'stage' ? event.stage : at(event.event, d.path);
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of list) {
    if (typeof x === 'string') out.push(x);
    else if (typeof x === 'number' && Number.isFinite(x)) out.push(String(x));
  }
  return d.multi ? out : out.slice(0, 1);
}
