// A stable ID for events that carry no auditID, so importing the same event twice gives
// the same ID and ingest stays idempotent on (auditID, stage).

import { createHash } from 'node:crypto';

import { isRecord } from './json-value';

export const CONTENT_ID_PREFIX = 'sha256:';
const HEX_CHARS = 32;

function sortedKeys(_key: string, value: unknown): unknown {
  if (!isRecord(value)) return value;
  // Object.fromEntries defines own properties, so a `__proto__` key stays a plain key.
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, value[k]]),
  );
}

/** JSON with object keys sorted at every depth: equal for equal content, whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortedKeys) ?? 'null';
}

/** `sha256:` + the first 32 hex digits of the SHA-256 of the event's canonical JSON. */
export function contentAuditId(event: unknown): string {
  const digest = createHash('sha256').update(canonicalJson(event)).digest('hex');
  return CONTENT_ID_PREFIX + digest.slice(0, HEX_CHARS);
}
