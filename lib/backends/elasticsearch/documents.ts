// A normalized event as the document a shipper would have written for each preset, with
// `@timestamp` the event time at microsecond precision. normalize() reads each of these
// back into the same AuditEvent (shape aside), which is what getEvent relies on.

import { createHash } from 'node:crypto';
import type { AuditEvent } from '@/lib/audit/types';
import type { PresetName } from './presets';

export type WritablePreset = Exclude<PresetName, 'custom'>;
export const WRITABLE_PRESETS: readonly WritablePreset[] = [
  'fluentd',
  'elastic-agent',
  'fluentd-log-string',
];

/** The document `_id`: the same (auditID, stage) always gets the same id, so reloads dedupe. */
export function documentId(e: Pick<AuditEvent, 'auditID' | 'stage'>): string {
  return createHash('sha256').update(`${e.auditID}\u0000${e.stage}`).digest('base64url');
}

/**
 * Elastic Agent turns the dots of annotation keys into `_`; only the key's prefix (a DNS
 * name, which cannot hold `_`) is changed, so normalize() can put the dots back exactly.
 */
function dedotAnnotations(annotations: unknown): unknown {
  if (typeof annotations !== 'object' || annotations === null || Array.isArray(annotations)) {
    return annotations;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(annotations)) {
    const slash = key.indexOf('/');
    const prefix = slash > 0 ? key.slice(0, slash) : '';
    const dedotted =
      prefix.includes('.') && !prefix.includes('_')
        ? prefix.replaceAll('.', '_') + key.slice(slash)
        : key;
    Object.defineProperty(out, dedotted, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

export function documentFor(e: AuditEvent, preset: WritablePreset): Record<string, unknown> {
  switch (preset) {
    case 'fluentd':
      return { ...e.event, '@timestamp': e.time };
    case 'elastic-agent': {
      const audit: Record<string, unknown> = { ...e.event };
      if (audit.annotations !== undefined) audit.annotations = dedotAnnotations(audit.annotations);
      return { '@timestamp': e.time, kubernetes: { audit } };
    }
    case 'fluentd-log-string':
      return { '@timestamp': e.time, log: JSON.stringify(e.event) };
  }
}
