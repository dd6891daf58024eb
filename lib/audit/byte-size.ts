// Sizes of inputs in UTF-8 bytes, and the reason given when one is over the limit.

import { Buffer } from 'node:buffer';

export const DEFAULT_MAX_EVENT_BYTES = 5 * 1024 * 1024;

const KIB = 1024;
const MIB = 1024 * 1024;

export function utf8ByteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** `6.3 MiB`, `12.0 KiB`, `800 bytes`. */
export function formatByteSize(bytes: number): string {
  if (bytes >= MIB) return `${(bytes / MIB).toFixed(1)} MiB`;
  if (bytes >= KIB) return `${(bytes / KIB).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

export function oversizeReason(bytes: number, limit: number): string {
  return `event is ${formatByteSize(bytes)}, over the ${formatByteSize(limit)} limit`;
}

/**
 * The UTF-8 size of `text` when it is over `limit`, else undefined. A UTF-16 code unit
 * takes 1 to 3 UTF-8 bytes, so most lines are settled without counting.
 */
export function textBytesOverLimit(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = utf8ByteLength(text);
  return bytes > limit ? bytes : undefined;
}

/** Size of a parsed value as JSON text: an estimate of the bytes it took on the wire. */
export function jsonByteLength(value: unknown): number | undefined {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : utf8ByteLength(text);
  } catch {
    return undefined; // cycles or BigInt: not JSON text, so there is no size to compare
  }
}
