// AKS: Azure Monitor diagnostic records, single or as the {"records": [...]} batch of Event
// Hubs and storage exports. Only categories kube-audit and kube-audit-admin hold Events (in
// properties.log, as JSON text or an object); records of other categories are set aside.

import { describeValue, isRecord, type JsonRecord } from '../json-value';
import type { NormalizeSettings } from '../normalize-options';
import { readEvent } from '../read-event';
import { singleEvent } from '../results';
import type { AuditEvent, NormalizeResult } from '../types';
import { Batch, eventFromText, itemOversize } from './wrapped';

const AUDIT_CATEGORIES: readonly string[] = ['kube-audit', 'kube-audit-admin'];

/** A records batch, or one diagnostic record (a category next to its properties). */
export function isAksDocument(doc: JsonRecord): boolean {
  return Array.isArray(doc.records) || (typeof doc.category === 'string' && 'properties' in doc);
}

function recordEvent(record: JsonRecord, settings: NormalizeSettings): JsonRecord | string {
  const { category, properties } = record;
  if (typeof category !== 'string') {
    return `field category: expected "kube-audit" or "kube-audit-admin", got ${describeValue(category)}`;
  }
  if (!AUDIT_CATEGORIES.includes(category)) {
    return `diagnostic record of category ${JSON.stringify(category)} holds no audit event: expected category kube-audit or kube-audit-admin`;
  }
  if (!isRecord(properties)) {
    return `field properties: expected an object, got ${describeValue(properties)}`;
  }
  const log = properties.log;
  if (typeof log === 'string') return eventFromText(log, 'properties.log', settings);
  if (isRecord(log)) return log;
  return `field properties.log: expected the Event as JSON text or an object, got ${describeValue(log)}`;
}

function readRecord(record: unknown, settings: NormalizeSettings): AuditEvent | string {
  if (!isRecord(record)) {
    return `expected an Azure diagnostic record object, got ${describeValue(record)}`;
  }
  const event = recordEvent(record, settings);
  if (typeof event === 'string') return event;
  return readEvent(event, {
    shape: 'aks',
    listApiVersion: '',
    // The record's own time, used only when the Event has none.
    shipperTime: record.time === undefined ? undefined : { field: 'time', value: record.time },
    fallbackTime: settings.fallbackTime,
  });
}

export function normalizeAks(
  doc: JsonRecord,
  settings: NormalizeSettings,
  itemsWithinLimit: boolean,
): NormalizeResult {
  const records = doc.records;
  if (!Array.isArray(records)) {
    return singleEvent('aks', readRecord(doc, settings));
  }
  const batch = new Batch();
  records.forEach((record: unknown, index) => {
    batch.add(
      index,
      itemOversize(record, settings, itemsWithinLimit) ?? readRecord(record, settings),
    );
  });
  return batch.result('aks');
}
