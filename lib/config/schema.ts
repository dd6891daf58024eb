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

export const sourceSchema = z.discriminatedUnion('type', [embeddedSourceSchema]);

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

/** The config file's shape: every field optional, the environment and defaults fill the rest. */
export const configFileSchema = configSchema.partial().strict();
export type ConfigFile = z.infer<typeof configFileSchema>;
