// Route-specific parameters (`dimension`, `top`, `split`, `interval`), validated with the
// same kind of message as the codec's: the param's name, what is wrong, what is expected.

import { DIMENSIONS, isDimensionKey, type DimensionKey } from '@/lib/audit/dimensions';
import { QueryParamError, quote } from '@/lib/query/errors';

export function singleExtra(extras: Record<string, string[]>, name: string): string | undefined {
  const v = extras[name];
  if (!v) return undefined;
  if (v.length > 1) {
    throw new QueryParamError(
      name,
      `parameter "${name}": given ${v.length} times, expected at most once`,
    );
  }
  return v[0];
}

export function intExtra(
  extras: Record<string, string[]>,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const raw = singleExtra(extras, name);
  if (raw === undefined) return fallback;
  const n = /^[0-9]{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max)) {
    throw new QueryParamError(
      name,
      `parameter "${name}": expected an integer from ${min} to ${max}, got ${quote(raw)}`,
    );
  }
  return n;
}

const GROUPABLE = DIMENSIONS.filter((d) => d.groupable).map((d) => d.key);

export function dimensionExtra(
  extras: Record<string, string[]>,
  name: string,
  required: boolean,
): DimensionKey | undefined {
  const raw = singleExtra(extras, name);
  if (raw === undefined) {
    if (!required) return undefined;
    throw new QueryParamError(
      name,
      `parameter "${name}" is required: one of ${GROUPABLE.join(', ')}`,
    );
  }
  if (!isDimensionKey(raw) || !GROUPABLE.includes(raw)) {
    throw new QueryParamError(
      name,
      `parameter "${name}": expected one of ${GROUPABLE.join(', ')}, got ${quote(raw)}`,
    );
  }
  return raw;
}
