// Batches: the webhook's EventList (items carry no kind or apiVersion; the list does), and
// a bare JSON array of Events. A bad item is set aside with its index; the rest are kept.

import { jsonByteLength, oversizeReason } from '../byte-size';
import { apiVersionProblem, isAuditApiVersion } from '../event-fields';
import { describeValue, isRecord, type JsonRecord } from '../json-value';
import type { NormalizeSettings } from '../normalize-options';
import { readEvent } from '../read-event';
import { acceptedEvents, rejectedInput } from '../results';
import type { AuditEvent, NormalizeResult, Rejection } from '../types';

/** An object with `items` and an audit apiVersion is an EventList whose kind was dropped. */
export function isUnkindedEventList(doc: JsonRecord): boolean {
  return (
    Array.isArray(doc.items) &&
    typeof doc.apiVersion === 'string' &&
    doc.apiVersion.startsWith('audit.k8s.io/')
  );
}

interface BatchOutcome {
  events: AuditEvent[];
  rejected: Rejection[];
}

/**
 * `itemsWithinLimit` is true when the whole text was within the size limit, so no item can
 * be over it and the per-item estimate (a JSON.stringify) is skipped.
 */
function readItems(
  items: readonly unknown[],
  listApiVersion: string,
  settings: NormalizeSettings,
  itemsWithinLimit: boolean,
): BatchOutcome {
  const outcome: BatchOutcome = { events: [], rejected: [] };
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const read = readItem(item, listApiVersion, settings, itemsWithinLimit);
    if (typeof read === 'string') outcome.rejected.push({ index, reason: read });
    else outcome.events.push(read);
  }
  return outcome;
}

function readItem(
  item: unknown,
  listApiVersion: string,
  settings: NormalizeSettings,
  itemsWithinLimit: boolean,
): AuditEvent | string {
  if (!isRecord(item)) return `expected an Event object, got ${describeValue(item)}`;
  if (!itemsWithinLimit) {
    const bytes = jsonByteLength(item);
    if (bytes !== undefined && bytes > settings.maxEventBytes) {
      return oversizeReason(bytes, settings.maxEventBytes);
    }
  }
  return readEvent(item, {
    shape: 'event-list',
    listApiVersion,
    shipperTime: undefined,
    fallbackTime: settings.fallbackTime,
  });
}

export function normalizeEventList(
  list: JsonRecord,
  settings: NormalizeSettings,
  itemsWithinLimit: boolean,
): NormalizeResult {
  const apiProblem = apiVersionProblem(list.apiVersion);
  if (apiProblem !== undefined) return rejectedInput(`EventList: ${apiProblem}`);
  if (!Array.isArray(list.items)) {
    return rejectedInput(
      `EventList field items: expected an array, got ${describeValue(list.items)}`,
    );
  }
  const listApiVersion = isAuditApiVersion(list.apiVersion) ? list.apiVersion : '';
  const { events, rejected } = readItems(list.items, listApiVersion, settings, itemsWithinLimit);
  return acceptedEvents('event-list', events, rejected);
}

/** A bare array is only taken as a batch when at least one element is an Event. */
export function normalizeEventArray(
  array: readonly unknown[],
  settings: NormalizeSettings,
  itemsWithinLimit: boolean,
): NormalizeResult {
  if (array.length === 0) return rejectedInput('empty JSON array: expected audit events');
  const { events, rejected } = readItems(array, '', settings, itemsWithinLimit);
  if (events.length === 0) {
    return rejectedInput(`JSON array holds no audit events (item 0: ${rejected[0]?.reason})`);
  }
  return acceptedEvents('event-list', events, rejected);
}
