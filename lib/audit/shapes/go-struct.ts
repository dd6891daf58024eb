// Webhook bodies re-serialised from Go structs without JSON tags ({"Items": [{"AuditID": …}]}).
// Go's decoder matches names case-insensitively, so the apiserver's types accept them; we map
// names the same way, in the known nested structs too, and leave bodies and maps as sent.

import { apiVersionProblem, isAuditApiVersion } from '../event-fields';
import { describeValue, isRecord, setOwn, type JsonRecord } from '../json-value';
import type { NormalizeSettings } from '../normalize-options';
import { readEvent } from '../read-event';
import { rejectedInput, singleEvent } from '../results';
import type { AuditEvent, NormalizeResult } from '../types';
import { OBJECT_REF_FIELDS as OBJECT_REF_NAMES } from '../event-fields';
import { Batch, itemOversize } from './wrapped';

type Names = ReadonlyMap<string, string>;

const byLowerCase = (names: string[]): Names => new Map(names.map((n) => [n.toLowerCase(), n]));

const USER_FIELDS = byLowerCase(['username', 'uid', 'groups', 'extra']);
const OBJECT_REF_FIELDS = byLowerCase([...OBJECT_REF_NAMES]);
const STATUS_FIELDS = byLowerCase(['metadata', 'status', 'message', 'reason', 'code', 'details']);
const EVENT_FIELDS = byLowerCase([
  'kind',
  'apiVersion',
  'level',
  'auditID',
  'stage',
  'requestURI',
  'verb',
  'user',
  'impersonatedUser',
  'sourceIPs',
  'userAgent',
  'objectRef',
  'responseStatus',
  'requestObject',
  'responseObject',
  'requestReceivedTimestamp',
  'stageTimestamp',
  'annotations',
  'timestamp',
  'metadata',
]);
const MARKERS = ['auditid', 'verb', 'stage', 'requesturi'];

// The structs whose own fields are renamed; other values (bodies, maps) are kept as sent.
const NESTED: ReadonlyMap<string, Names> = new Map([
  ['user', USER_FIELDS],
  ['impersonatedUser', USER_FIELDS],
  ['objectRef', OBJECT_REF_FIELDS],
  ['responseStatus', STATUS_FIELDS],
]);

/** The key of `doc` that Go would decode into field `name` (given in lower case). */
function goKey(doc: JsonRecord, name: string): string | undefined {
  return Object.keys(doc).find((k) => k.toLowerCase() === name);
}

/** `Items` or another casing; plain `items` without an audit apiVersion is no known shape. */
function goItemsKey(doc: JsonRecord): string | undefined {
  const key = goKey(doc, 'items');
  return key !== undefined && key !== 'items' && Array.isArray(doc[key]) ? key : undefined;
}

/** A body or event whose field names differ from the v1 names only in case. */
export function isGoCasedDocument(doc: JsonRecord): boolean {
  return goItemsKey(doc) !== undefined || MARKERS.some((m) => goKey(doc, m) !== undefined);
}

/** A copy of `source` with its keys renamed by `names`; later keys win, as in Go. */
function renamed(source: JsonRecord, names: Names, nested: boolean): JsonRecord {
  const out: JsonRecord = {};
  for (const key of Object.keys(source)) {
    const name = names.get(key.toLowerCase()) ?? key;
    let value = source[key];
    const fields = nested ? NESTED.get(name) : undefined;
    if (fields !== undefined && isRecord(value)) value = renamed(value, fields, false);
    // The ObjectReference fields are all omitempty: an untagged struct writes "" for unset.
    if (names === OBJECT_REF_FIELDS && value === '') continue;
    setOwn(out, name, value);
  }
  return out;
}

function readItem(
  item: unknown,
  listApiVersion: string,
  settings: NormalizeSettings,
): AuditEvent | string {
  if (!isRecord(item)) return `expected an Event object, got ${describeValue(item)}`;
  return readEvent(renamed(item, EVENT_FIELDS, true), {
    shape: 'go-struct',
    listApiVersion,
    shipperTime: undefined,
    fallbackTime: settings.fallbackTime,
  });
}

export function normalizeGoStruct(
  doc: JsonRecord,
  settings: NormalizeSettings,
  itemsWithinLimit: boolean,
): NormalizeResult {
  const itemsKey = goItemsKey(doc);
  if (itemsKey === undefined) return singleEvent('go-struct', readItem(doc, '', settings));
  const versionKey = goKey(doc, 'apiversion');
  const apiVersion = versionKey === undefined ? undefined : doc[versionKey];
  const problem = apiVersionProblem(apiVersion);
  if (problem !== undefined) return rejectedInput(`EventList: ${problem}`);
  const listApiVersion = isAuditApiVersion(apiVersion) ? apiVersion : '';
  const batch = new Batch();
  const items = doc[itemsKey];
  if (Array.isArray(items)) {
    items.forEach((item: unknown, index) => {
      batch.add(
        index,
        itemOversize(item, settings, itemsWithinLimit) ?? readItem(item, listApiVersion, settings),
      );
    });
  }
  return batch.result('go-struct');
}
