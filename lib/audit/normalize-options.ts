// Options of normalize() and normalizeText(), resolved once per call.

import { DEFAULT_MAX_EVENT_BYTES } from './byte-size';
import { toAuditTime } from './event-time';
import { SOURCE_SHAPES, type SourceShape } from './types';

export interface NormalizeOptions {
  /** Largest accepted event, in UTF-8 bytes (default 5 MiB). */
  maxEventBytes?: number;
  /** ISO time used when an event has no time at all (for example the file's modification time). */
  fallbackTime?: string;
  /** Skip detection: read every input as this shape (`ingest --shape`); a misfit is set aside. */
  shape?: SourceShape;
}

export interface NormalizeSettings {
  readonly maxEventBytes: number;
  /** fallbackTime in the normalized form, when given. */
  readonly fallbackTime: string | undefined;
  readonly shape: SourceShape | undefined;
}

const DEFAULTS: NormalizeSettings = {
  maxEventBytes: DEFAULT_MAX_EVENT_BYTES,
  fallbackTime: undefined,
  shape: undefined,
};

/** Bad options are a caller's bug, not bad data, so they throw instead of rejecting events. */
export function resolveSettings(opts: NormalizeOptions | undefined): NormalizeSettings {
  if (
    opts === undefined ||
    (opts.maxEventBytes === undefined &&
      opts.fallbackTime === undefined &&
      opts.shape === undefined)
  ) {
    return DEFAULTS;
  }
  const maxEventBytes = opts.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  if (!Number.isFinite(maxEventBytes) || maxEventBytes <= 0) {
    throw new RangeError(`maxEventBytes must be a positive number, got ${maxEventBytes}`);
  }
  let fallbackTime: string | undefined;
  if (opts.fallbackTime !== undefined) {
    fallbackTime = toAuditTime(opts.fallbackTime);
    if (fallbackTime === undefined) {
      throw new RangeError(
        `fallbackTime ${JSON.stringify(opts.fallbackTime)} is not an RFC 3339 time`,
      );
    }
  }
  if (opts.shape !== undefined && !SOURCE_SHAPES.includes(opts.shape)) {
    throw new RangeError(
      `shape ${JSON.stringify(opts.shape)} is not one of ${SOURCE_SHAPES.join(', ')}`,
    );
  }
  return { maxEventBytes, fallbackTime, shape: opts.shape };
}
