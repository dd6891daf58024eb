// "What changed" for update and patch, as lines of text. An update's audit event holds what
// the client sent (requestObject) and what was stored (responseObject), not the object
// before: the diff shows what the server set or changed. A patch shows its own body.

import { MASK } from './mask-secrets';

export interface FieldChange {
  path: string;
  /** undefined: the field is absent on that side. */
  before: unknown;
  after: unknown;
}

export type PatchKind = 'json-patch' | 'strategic-merge' | 'apply' | 'merge';

export interface PatchOpLine {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
  hasValue: boolean;
}

const MAX_CHANGES = 500;
/** Fields that change on every write and say nothing about the object. */
const NOISE = new Set(['metadata.managedFields']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function pathPart(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key);
  if (plain) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** Leaf-level differences between two JSON values, in document order (at most 500). */
export function diffValues(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, '', out);
  return out;
}

function walk(a: unknown, b: unknown, path: string, out: FieldChange[]) {
  if (out.length >= MAX_CHANGES || NOISE.has(path)) return;
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
    for (const k of keys) walk(a[k], b[k], pathPart(path, k), out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], pathPart(path, i), out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b))
    out.push({ path: path || '(root)', before: a, after: b });
}

/** What kind of patch a body is. The audit event doesn't record the Content-Type, so this is inferred. */
export function patchKind(body: unknown): PatchKind {
  if (Array.isArray(body)) return 'json-patch';
  if (hasDirective(body)) return 'strategic-merge';
  if (isObject(body) && typeof body.apiVersion === 'string' && typeof body.kind === 'string') {
    return 'apply';
  }
  return 'merge';
}

export const PATCH_KIND_LABELS: Record<PatchKind, string> = {
  'json-patch': 'JSON patch (application/json-patch+json)',
  'strategic-merge': 'Strategic merge patch (application/strategic-merge-patch+json)',
  apply:
    'Apply patch, probably (application/apply-patch+yaml): a full object with apiVersion and kind',
  merge: 'Merge patch (JSON merge or strategic merge; the content type is not in the audit log)',
};

function hasDirective(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasDirective);
  if (!isObject(v)) return false;
  return Object.entries(v).some(
    ([k, x]) =>
      k === '$patch' ||
      k === '$retainKeys' ||
      k.startsWith('$setElementOrder/') ||
      k.startsWith('$deleteFromPrimitiveList/') ||
      hasDirective(x),
  );
}

/** A JSON patch's operations, one line each. */
export function patchOps(body: unknown[]): PatchOpLine[] {
  return body.map((op) => {
    if (!isObject(op)) return { op: '?', path: JSON.stringify(op) ?? '', hasValue: false };
    return {
      op: typeof op.op === 'string' ? op.op : '?',
      path: typeof op.path === 'string' ? op.path : '',
      ...(typeof op.from === 'string' ? { from: op.from } : {}),
      hasValue: 'value' in op,
      value: op.value,
    };
  });
}

/** A merge patch as leaf assignments: `path = value`, null meaning "delete this field". */
export function mergePatchLines(body: unknown): FieldChange[] {
  return leaves(body, '');
}

function leaves(v: unknown, path: string, out: FieldChange[] = []): FieldChange[] {
  if (out.length >= MAX_CHANGES) return out;
  if (isObject(v) && Object.keys(v).length > 0) {
    for (const [k, x] of Object.entries(v)) leaves(x, pathPart(path, k), out);
  } else {
    out.push({ path: path || '(root)', before: undefined, after: v });
  }
  return out;
}

const SECRET_FIELD = /^(data|stringData)(\.|\[|$)/;

/** Hides the values of a Secret's data and stringData, as maskSecrets does for bodies. */
export function maskChanges(changes: FieldChange[]): { changes: FieldChange[]; count: number } {
  let count = 0;
  const hide = (v: unknown) => (v === undefined || v === null ? v : (count++, MASK));
  const out = changes.map((c) =>
    SECRET_FIELD.test(c.path) ? { ...c, before: hide(c.before), after: hide(c.after) } : c,
  );
  return { changes: out, count };
}

/** A value as one short line of text. */
export function showValue(v: unknown): string {
  if (v === undefined) return '(absent)';
  if (v === MASK) return MASK;
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}
