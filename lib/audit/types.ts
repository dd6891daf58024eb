// Types of the Kubernetes audit API (audit.k8s.io/v1, and what v1beta1 adds), and of the
// one normalized event every store and view works with.

export const STAGES = ['RequestReceived', 'ResponseStarted', 'ResponseComplete', 'Panic'] as const;
export type Stage = (typeof STAGES)[number];

export const LEVELS = ['None', 'Metadata', 'Request', 'RequestResponse'] as const;
export type Level = (typeof LEVELS)[number];

export const AUDIT_API_VERSIONS = ['audit.k8s.io/v1', 'audit.k8s.io/v1beta1'] as const;

/**
 * Key of the Event under which a shape that rebuilds the Event from another model (a GKE
 * LogEntry) keeps the source record, so the drill-down shows what the cloud sent.
 */
export const ORIGINAL_KEY = 'auditlens.io/original';

export interface UserInfo {
  username?: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

export interface ObjectReference {
  resource?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiGroup?: string;
  apiVersion?: string;
  resourceVersion?: string;
  subresource?: string;
}

export interface ResponseStatus {
  metadata?: Record<string, unknown>;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: unknown;
}

/** An `audit.k8s.io/v1` Event as the apiserver writes it (v1beta1 adds `timestamp`). */
export interface K8sAuditEvent {
  kind?: string;
  apiVersion?: string;
  level?: string;
  auditID?: string;
  stage?: string;
  requestURI?: string;
  verb?: string;
  user?: UserInfo;
  impersonatedUser?: UserInfo | null;
  sourceIPs?: string[];
  userAgent?: string;
  objectRef?: ObjectReference;
  responseStatus?: ResponseStatus;
  requestObject?: unknown;
  responseObject?: unknown;
  requestReceivedTimestamp?: string;
  stageTimestamp?: string;
  annotations?: Record<string, string>;
  /** v1beta1 only. */
  timestamp?: string;
  metadata?: Record<string, unknown>;
  /** Not an apiserver field: the source record, set by Auditlens (see ORIGINAL_KEY). */
  [ORIGINAL_KEY]?: unknown;
}

export interface K8sAuditEventList {
  kind?: 'EventList';
  apiVersion?: string;
  metadata?: Record<string, unknown>;
  items: K8sAuditEvent[];
}

/** Where a normalized event came from, as detected by `normalize()`. */
export const SOURCE_SHAPES = [
  'event', // raw Event, v1 or v1beta1 (log backend, EKS CloudWatch message)
  'event-list', // webhook EventList
  'fluentd', // shipper document with the Event's fields at the root
  'fluentd-log-string', // shipper document with the Event JSON as a string under log/message
  'elastic-agent', // Elastic Agent / Filebeat: kubernetes.audit.*
  'openshift-viaq', // OpenShift logging (ViaQ): Event fields at the root, level moved
  'aks', // Azure Monitor diagnostic records (kube-audit, kube-audit-admin)
  'gke', // Cloud Audit Logs LogEntry, rebuilt into an Event
  'eks-cloudwatch', // CloudWatch Logs export or subscription payload of raw Events
  'otlp', // OTLP/JSON resourceLogs with the Event as the log record's body
  'go-struct', // webhook body re-serialised with Go field names (Items, AuditID, …)
] as const;
export type SourceShape = (typeof SOURCE_SHAPES)[number];

/**
 * The one event model. `event` is the Kubernetes Event in v1 form (bodies included);
 * the other fields are derived once at normalization so stores never re-derive them.
 */
export interface AuditEvent {
  /** auditID from the event, or a stable content hash (prefixed `sha256:`) when absent. */
  auditID: string;
  /** Empty string when the source carried no stage (some shippers drop it). */
  stage: Stage | '';
  /** Event time in ISO-8601 UTC with microseconds: requestReceived, else stage, else v1beta1 timestamp, else the shipper's time. */
  time: string;
  /** stageTimestamp (ISO), when present. */
  stageTime?: string;
  /** The audit apiVersion the event declared (or `''` when it declared none). */
  apiVersion: string;
  shape: SourceShape;
  event: K8sAuditEvent;
}

/** Why one input (a line, a document, a batch item) was set aside. */
export interface Rejection {
  /** Index within a batch (EventList items, array elements), when the input held several. */
  index?: number;
  reason: string;
}

export type NormalizeResult =
  | {
      ok: true;
      shape: SourceShape;
      events: AuditEvent[];
      rejected: Rejection[];
      /** What was kept but is worth telling (a level the shipper lost, a health-check message). */
      warnings?: string[];
    }
  | { ok: false; reason: string };
