// OTLP/JSON logs: one Event per log record, in body.stringValue or (after a collector's JSON
// parser) body.kvlistValue. A rejected record's index counts records across all resourceLogs
// and scopeLogs in document order, and its reason gives the full path.

import { describeValue, isRecord, setOwn, type JsonRecord } from '../json-value';
import type { NormalizeSettings } from '../normalize-options';
import { readEvent } from '../read-event';
import type { AuditEvent, NormalizeResult } from '../types';
import { Batch, envelopeTime, eventFromText, unixNanoToIso } from './wrapped';

export function isOtlpDocument(doc: JsonRecord): boolean {
  return Array.isArray(doc.resourceLogs);
}

/** An OTLP AnyValue as plain JSON (int64s arrive as decimal strings). */
function plainValue(value: unknown): unknown {
  if (!isRecord(value)) return undefined;
  if ('stringValue' in value) return value.stringValue;
  if ('boolValue' in value) return value.boolValue;
  if ('intValue' in value) return Number(value.intValue);
  if ('doubleValue' in value) return value.doubleValue;
  if ('bytesValue' in value) return value.bytesValue;
  const array = value.arrayValue;
  if (isRecord(array)) return Array.isArray(array.values) ? array.values.map(plainValue) : [];
  const kvlist = value.kvlistValue;
  if (isRecord(kvlist)) return plainObject(kvlist.values);
  return undefined;
}

function plainObject(pairs: unknown): JsonRecord {
  const out: JsonRecord = {};
  if (!Array.isArray(pairs)) return out;
  for (const pair of pairs) {
    if (isRecord(pair) && typeof pair.key === 'string')
      setOwn(out, pair.key, plainValue(pair.value));
  }
  return out;
}

function bodyEvent(body: unknown, settings: NormalizeSettings): JsonRecord | string {
  if (isRecord(body) && typeof body.stringValue === 'string') {
    return eventFromText(body.stringValue, 'body.stringValue', settings);
  }
  if (isRecord(body) && isRecord(body.kvlistValue)) return plainObject(body.kvlistValue.values);
  return `field body: expected the Event as a stringValue or kvlistValue, got ${describeValue(body)}`;
}

function recordEvent(logRecord: unknown, settings: NormalizeSettings): AuditEvent | string {
  if (!isRecord(logRecord)) return `expected a log record object, got ${describeValue(logRecord)}`;
  const event = bodyEvent(logRecord.body, settings);
  if (typeof event === 'string') return event;
  return readEvent(event, {
    shape: 'otlp',
    listApiVersion: '',
    shipperTime: envelopeTime(logRecord, ['timeUnixNano', 'observedTimeUnixNano'], unixNanoToIso),
    fallbackTime: settings.fallbackTime,
  });
}

/** The elements of `parent[key]`, or a rejection naming the path when it is not an array. */
function listAt(parent: unknown, key: string, where: string, batch: Batch): unknown[] {
  if (!isRecord(parent)) {
    batch.add(undefined, `${where}: expected an object, got ${describeValue(parent)}`);
    return [];
  }
  const list = parent[key];
  if (list === undefined) return [];
  if (Array.isArray(list)) return list;
  batch.add(undefined, `${where}.${key}: expected an array, got ${describeValue(list)}`);
  return [];
}

export function normalizeOtlp(doc: JsonRecord, settings: NormalizeSettings): NormalizeResult {
  const batch = new Batch();
  let index = 0;
  listAt(doc, 'resourceLogs', 'document', batch).forEach((resourceLog, r) => {
    const resourceWhere = `resourceLogs[${r}]`;
    listAt(resourceLog, 'scopeLogs', resourceWhere, batch).forEach((scopeLog, s) => {
      const scopeWhere = `${resourceWhere}.scopeLogs[${s}]`;
      listAt(scopeLog, 'logRecords', scopeWhere, batch).forEach((logRecord, l) => {
        const read = recordEvent(logRecord, settings);
        const where = `${scopeWhere}.logRecords[${l}]`;
        batch.add(index++, typeof read === 'string' ? `${where}: ${read}` : read);
      });
    });
  });
  return batch.result('otlp');
}
