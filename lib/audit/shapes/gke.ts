// GKE: Cloud Audit Logs LogEntries (one entry, or the `{"entries": [...]}` of the Logging
// API) whose protoPayload is an AuditLog of a Kubernetes call. The Event is rebuilt from the
// entry; GKE records no audit level, user groups or request URI, so those stay unset.

import { describeValue, isRecord, type JsonRecord } from '../json-value';
import type { NormalizeSettings } from '../normalize-options';
import { readEvent } from '../read-event';
import { singleEvent } from '../results';
import { ORIGINAL_KEY, type AuditEvent, type NormalizeResult, type ResponseStatus } from '../types';
import { kubernetesCall } from './gke-call';
import { httpStatusOfGrpcCode } from './grpc-status';
import { Batch, itemOversize } from './wrapped';

export const AUDIT_LOG_TYPE = 'type.googleapis.com/google.cloud.audit.AuditLog';

// Panther's exports rename `@type` and write callerIP; the rest of the entry is as GCP's.
const TYPE_FIELDS = ['@type', 'at_sign_type'] as const;
const CALLER_IP_FIELDS = ['callerIp', 'callerIP'] as const;
const TIME_FIELDS = ['timestamp', 'receiveTimestamp'] as const;

export function isGkeDocument(doc: JsonRecord): boolean {
  if (doc.protoPayload !== undefined) return true;
  const entries = doc.entries;
  return Array.isArray(entries) && entries.some((e) => isRecord(e) && e.protoPayload !== undefined);
}

function record(value: unknown): JsonRecord {
  return isRecord(value) ? value : {};
}

function firstString(source: JsonRecord, fields: readonly string[]): string | undefined {
  for (const field of fields) {
    const value = source[field];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

function isStatusObject(response: unknown): response is JsonRecord {
  return isRecord(response) && response.kind === 'Status' && Number.isInteger(response.code);
}

/** The response's own Kubernetes Status when it has one (its code is exact); else the gRPC status mapped to HTTP. */
function responseStatus(payload: JsonRecord): ResponseStatus | undefined {
  const response = payload.response;
  if (isStatusObject(response)) {
    const status: ResponseStatus = { code: Number(response.code) };
    for (const key of ['status', 'reason', 'message'] as const) {
      const value = response[key];
      if (typeof value === 'string') status[key] = value;
    }
    return status;
  }
  const grpc = payload.status;
  if (!isRecord(grpc)) return undefined;
  // proto3 JSON leaves out a zero code, so `status: {}` is OK.
  const code = grpc.code === undefined ? 0 : grpc.code;
  const status: ResponseStatus = {};
  const http = typeof code === 'number' ? httpStatusOfGrpcCode(code) : undefined;
  if (http !== undefined) status.code = http;
  if (typeof grpc.message === 'string' && grpc.message !== '') status.message = grpc.message;
  return status;
}

function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The entry without the bodies, which the Event already holds as requestObject/responseObject. */
function originalEntry(entry: JsonRecord, payload: JsonRecord): JsonRecord {
  const { request: _request, response: _response, ...rest } = payload;
  return { ...entry, protoPayload: rest };
}

function eventOf(entry: JsonRecord, payload: JsonRecord): JsonRecord | string {
  const method = payload.methodName;
  if (typeof method !== 'string') {
    return `field protoPayload.methodName: expected a string, got ${describeValue(method)}`;
  }
  const resourceName = typeof payload.resourceName === 'string' ? payload.resourceName : undefined;
  const call = kubernetesCall(method, resourceName, payload.serviceName);
  if (typeof call === 'string') return call;

  const operation = record(entry.operation);
  const operationId = typeof operation.id === 'string' ? operation.id : '';
  const insertId = typeof entry.insertId === 'string' ? entry.insertId : '';
  const username = record(payload.authenticationInfo).principalEmail;
  const requestMetadata = record(payload.requestMetadata);
  const callerIp = firstString(requestMetadata, CALLER_IP_FIELDS);
  const userAgent = requestMetadata.callerSuppliedUserAgent;

  // Only what the entry holds: JSON.stringify leaves out the undefined fields.
  return {
    auditID: operationId || insertId || undefined,
    // A long-running call (watch, exec) logs a first entry when it starts and a last one when it ends.
    stage:
      operation.first === true && operation.last === false ? 'ResponseStarted' : 'ResponseComplete',
    requestURI: call.requestURI,
    verb: call.verb,
    user: typeof username === 'string' ? { username } : undefined,
    sourceIPs: callerIp === undefined ? undefined : [callerIp],
    userAgent: typeof userAgent === 'string' ? userAgent : undefined,
    objectRef: call.objectRef,
    responseStatus: responseStatus(payload),
    requestObject: payload.request,
    responseObject: payload.response,
    annotations: stringMap(entry.labels),
    [ORIGINAL_KEY]: originalEntry(entry, payload),
  };
}

function withoutUndefined(event: JsonRecord): JsonRecord {
  for (const key of Object.keys(event)) if (event[key] === undefined) delete event[key];
  return event;
}

function readEntry(entry: unknown, settings: NormalizeSettings): AuditEvent | string {
  if (!isRecord(entry)) {
    return `expected a Cloud Logging LogEntry object, got ${describeValue(entry)}`;
  }
  const payload = entry.protoPayload;
  if (!isRecord(payload)) {
    return `field protoPayload: expected a Cloud Audit Logs AuditLog object, got ${describeValue(payload)}`;
  }
  const type = firstString(payload, TYPE_FIELDS);
  if (type !== undefined && type !== AUDIT_LOG_TYPE) {
    return `field protoPayload.@type: expected ${JSON.stringify(AUDIT_LOG_TYPE)}, got ${JSON.stringify(type)}`;
  }
  const event = eventOf(entry, payload);
  if (typeof event === 'string') return event;
  const timeField = TIME_FIELDS.find((f) => entry[f] !== undefined);
  return readEvent(withoutUndefined(event), {
    shape: 'gke',
    listApiVersion: '',
    shipperTime: timeField && { field: timeField, value: entry[timeField] },
    fallbackTime: settings.fallbackTime,
  });
}

export function normalizeGke(
  doc: JsonRecord,
  settings: NormalizeSettings,
  itemsWithinLimit: boolean,
): NormalizeResult {
  const entries = doc.entries;
  if (doc.protoPayload !== undefined || !Array.isArray(entries)) {
    return singleEvent('gke', readEntry(doc, settings));
  }
  const batch = new Batch();
  entries.forEach((entry: unknown, index) => {
    batch.add(index, itemOversize(entry, settings, itemsWithinLimit) ?? readEntry(entry, settings));
  });
  return batch.result('gke');
}
