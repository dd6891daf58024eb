// What the shapes that wrap Events share: an Event held as JSON text inside another record
// (AKS properties.log, a CloudWatch message, an OTLP body), envelope times in epoch units,
// and batches whose bad items are set aside by index while the good ones are kept.

import { jsonByteLength, oversizeReason, textBytesOverLimit } from '../byte-size';
import { parseJsonText } from '../json-text';
import { describeValue, isRecord, type JsonRecord } from '../json-value';
import type { NormalizeSettings } from '../normalize-options';
import type { ShipperTime } from '../read-event';
import type { AuditEvent, NormalizeResult, Rejection, SourceShape } from '../types';

/** The Event object whose JSON text is `text` (read from `field`), or why it is not one. */
export function eventFromText(
  text: string,
  field: string,
  settings: NormalizeSettings,
): JsonRecord | string {
  const over = textBytesOverLimit(text, settings.maxEventBytes);
  if (over !== undefined) return `field ${field}: ${oversizeReason(over, settings.maxEventBytes)}`;
  const parsed = parseJsonText(text, 'empty string');
  if (!parsed.ok) return `field ${field}: ${parsed.reason}`;
  if (!isRecord(parsed.value)) {
    return `field ${field}: expected the JSON of an audit Event object, got ${describeValue(parsed.value)}`;
  }
  return parsed.value;
}

/**
 * Why an object item of a batch is over the size limit. Skipped when the whole text was
 * within it (`itemsWithinLimit`), as the estimate costs a JSON.stringify.
 */
export function itemOversize(
  item: unknown,
  settings: NormalizeSettings,
  itemsWithinLimit: boolean,
): string | undefined {
  if (itemsWithinLimit) return undefined;
  const bytes = jsonByteLength(item);
  return bytes !== undefined && bytes > settings.maxEventBytes
    ? oversizeReason(bytes, settings.maxEventBytes)
    : undefined;
}

/** Events and set-aside items of one batch document, in input order. */
export class Batch {
  readonly events: AuditEvent[] = [];
  readonly rejected: Rejection[] = [];
  readonly warnings: string[] = [];

  add(index: number | undefined, read: AuditEvent | string): void {
    if (typeof read !== 'string') this.events.push(read);
    else this.rejected.push(index === undefined ? { reason: read } : { index, reason: read });
  }

  result(shape: SourceShape): NormalizeResult {
    const { events, rejected, warnings } = this;
    return warnings.length > 0
      ? { ok: true, shape, events, rejected, warnings }
      : { ok: true, shape, events, rejected };
  }
}

const NANOS_DIGITS = 9;
const MICROS_DIGITS = 6;

function isoFromMillis(ms: number): string | undefined {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Epoch milliseconds (CloudWatch `timestamp`) as ISO text; undefined when not a time. */
export function millisToIso(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return isoFromMillis(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return millisToIso(Number(value));
  return undefined;
}

/**
 * Epoch nanoseconds (OTLP `timeUnixNano`, a decimal string in OTLP/JSON) as ISO text with
 * microseconds; the digits are cut as text, since a double cannot hold 19 of them.
 */
export function unixNanoToIso(value: unknown): string | undefined {
  if (typeof value === 'number') return millisToIso(value / 1e6);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || /^0+$/.test(value)) return undefined;
  const padded = value.padStart(NANOS_DIGITS + 1, '0');
  const seconds = Number(padded.slice(0, -NANOS_DIGITS));
  const whole = isoFromMillis(seconds * 1000);
  if (whole === undefined) return undefined;
  return `${whole.slice(0, 19)}.${padded.slice(-NANOS_DIGITS, -NANOS_DIGITS + MICROS_DIGITS)}Z`;
}

/** The first of `fields` that converts to a time, as the envelope time of readEvent(). */
export function envelopeTime(
  record: JsonRecord,
  fields: readonly string[],
  toIso: (value: unknown) => string | undefined,
): ShipperTime | undefined {
  for (const field of fields) {
    const iso = toIso(record[field]);
    if (iso !== undefined) return { field, value: iso };
  }
  return undefined;
}
