// The shape of Auditlens's configuration, validated once at start. Every error names the
// setting (file path or environment variable) so a bad value is found without guessing.

import { z } from 'zod';

const sourceName = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'a source name is 1–64 letters, digits, "_", "." or "-"');

export const embeddedSourceSchema = z
  .object({
    name: sourceName,
    type: z.literal('embedded'),
    /** Database file; defaults to <dataDir>/auditlens.duckdb. */
    path: z.string().min(1).optional(),
  })
  .strict();

const httpUrl = z
  .string()
  .url('expected an http(s) URL')
  .refine((u) => /^https?:\/\//.test(u), 'expected an http(s) URL');

/** How Auditlens authenticates to a store. Secrets may also come from an environment variable. */
const storeAuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('basic'), username: z.string(), password: z.string() }).strict(),
  z.object({ type: z.literal('bearer'), token: z.string().min(1) }).strict(),
  z.object({ type: z.literal('apiKey'), apiKey: z.string().min(1) }).strict(),
]);

const timeoutMs = z.number().int().min(100).max(600_000);

export const lokiSourceSchema = z
  .object({
    name: sourceName,
    type: z.literal('loki'),
    /** Base URL of Loki (or its query frontend / gateway), e.g. http://loki:3100. */
    url: httpUrl,
    /** Stream selector that holds the audit events, e.g. {job="kubernetes-audit"}. */
    selector: z.string().min(3).default('{job="kubernetes-audit"}'),
    /** Tenant sent as X-Scope-OrgID (multi-tenant Loki). */
    tenant: z.string().min(1).optional(),
    auth: storeAuthSchema.optional(),
    /** Per-request timeout; a slower answer is a 504 naming the store. */
    timeoutMs: timeoutMs.default(30_000),
    /** Loki's max_entries_limit_per_query (5000 by default); pages are fetched within it. */
    maxEntriesPerQuery: z.number().int().min(10).max(1_000_000).default(5000),
  })
  .strict();

/** Dimension key (or one of the fixed keys: time, stageTime, requestURI, ...) to a document field path. */
const fieldMapSchema = z.record(z.string(), z.string().min(1));

export const elasticsearchSourceSchema = z
  .object({
    name: sourceName,
    type: z.literal('elasticsearch'),
    /** Base URL of Elasticsearch or OpenSearch. */
    url: httpUrl,
    /** Index pattern that holds the audit documents, e.g. k8s-audit-*. */
    index: z.string().min(1),
    /** How documents lay out the Event: Fluentd/Fluent Bit root fields, the Event as a JSON string under `log`, Elastic Agent's kubernetes.audit.*, or a custom field map. */
    preset: z.enum(['fluentd', 'fluentd-log-string', 'elastic-agent', 'custom']).default('fluentd'),
    /** With preset `custom` (or to override a preset's fields): field paths by key. */
    fields: fieldMapSchema.optional(),
    /** Date field used for the time range; the preset's default when absent. */
    timeField: z.string().min(1).optional(),
    auth: storeAuthSchema.optional(),
    timeoutMs: timeoutMs.default(30_000),
    /** PEM file of the CA that signed the server's certificate. */
    caFile: z.string().min(1).optional(),
  })
  .strict();

export const sourceSchema = z.discriminatedUnion('type', [
  embeddedSourceSchema,
  lokiSourceSchema,
  elasticsearchSourceSchema,
]);

export const configSchema = z
  .object({
    /** Where the embedded database, dead letters and temporary files live. */
    dataDir: z.string().min(1),
    /** Bearer token the kube-apiserver webhook must send to POST /api/ingest; ingest is off without one. */
    ingestToken: z.string().min(16, 'use at least 16 characters').nullable(),
    /** Events larger than this are set aside, not stored. */
    maxEventBytes: z
      .number()
      .int()
      .min(1024)
      .max(512 * 1024 * 1024),
    /** Largest request body POST /api/ingest accepts. */
    maxIngestBodyBytes: z
      .number()
      .int()
      .min(1024)
      .max(1024 * 1024 * 1024),
    /** `auto` loads generated sample data into an empty embedded store when nothing else is configured. */
    sampleData: z.enum(['auto', 'off']),
    /** Files or directories of audit logs to follow live (new lines and rotations). */
    follow: z.array(z.string().min(1)),
    defaultSource: sourceName,
    sources: z.array(sourceSchema).min(1),
  })
  .strict();

export type AuditlensConfig = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
export type EmbeddedSourceConfig = z.infer<typeof embeddedSourceSchema>;
export type LokiSourceConfig = z.infer<typeof lokiSourceSchema>;
export type ElasticsearchSourceConfig = z.infer<typeof elasticsearchSourceSchema>;
export type StoreAuth = z.infer<typeof storeAuthSchema>;

/** The config file's shape: every field optional, the environment and defaults fill the rest. */
export const configFileSchema = configSchema.partial().strict();
export type ConfigFile = z.infer<typeof configFileSchema>;
