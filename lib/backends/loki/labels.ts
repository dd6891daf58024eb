// Names of the labels Auditlens extracts or computes in its LogQL. They carry a prefix so
// they cannot meet a stream label (Loki would rename ours to `<name>_extracted`).

import type { Dimension, DimensionKey } from '@/lib/audit/dimensions';

const PREFIX = 'auditlens_';

/** A single-valued dimension's value. */
export const valueLabel = (key: DimensionKey): string => `${PREFIX}${key}`;
/** Element `index` of a list dimension (groups, source IPs). */
export const elementLabel = (key: DimensionKey, index: number): string =>
  `${PREFIX}${key}_${index}`;
/** A list dimension as Loki's parser gives it: JSON text with the strings unescaped. */
export const listLabel = (key: DimensionKey): string => `${PREFIX}${key}_list`;

export const URI_LABEL = `${PREFIX}requestURI`;
/** "1" when a list may hold more elements than the query extracted (see list-slots.ts). */
export const OVERFLOW_LABEL = `${PREFIX}overflow`;
/** "1" when a list may hold an element after the one being counted. */
export const MORE_LABEL = `${PREFIX}more`;
/** The entry's time in whole microseconds. */
export const MICROS_LABEL = `${PREFIX}us`;
/** "1" when the entry lies exactly on a bucket boundary (see timeline). */
export const EDGE_LABEL = `${PREFIX}edge`;

/** The label holding `d`'s value, for single-valued dimensions. */
export function labelOf(d: Dimension): string {
  return valueLabel(d.key as DimensionKey);
}
