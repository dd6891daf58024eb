// Configuration from an optional file (AUDITLENS_CONFIG, YAML or JSON) and environment
// variables, which override the file. Validated at start; errors name the bad setting.

import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { configFileSchema, configSchema, type AuditlensConfig, type ConfigFile } from './schema';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export const ENV_VARS = {
  config: 'AUDITLENS_CONFIG',
  dataDir: 'AUDITLENS_DATA_DIR',
  ingestToken: 'AUDITLENS_INGEST_TOKEN',
  maxEventBytes: 'AUDITLENS_MAX_EVENT_BYTES',
  maxIngestBodyBytes: 'AUDITLENS_MAX_INGEST_BODY_BYTES',
  sampleData: 'AUDITLENS_SAMPLE_DATA',
  follow: 'AUDITLENS_FOLLOW',
} as const;

const DEFAULTS = {
  dataDir: 'data',
  maxEventBytes: 5 * 1024 * 1024,
  maxIngestBodyBytes: 100 * 1024 * 1024,
} as const;

function describeIssues(where: string, error: z.ZodError): string {
  const lines = error.issues.map((i) => {
    const at = i.path.length ? i.path.map(String).join('.') : '(top level)';
    return `${where}: ${at}: ${i.message}`;
  });
  return lines.join('\n');
}

function readConfigFile(file: string): ConfigFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${ENV_VARS.config}: cannot read ${file}: ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
  } catch (e) {
    throw new ConfigError(`config file ${file}: not valid YAML/JSON: ${(e as Error).message}`);
  }
  const result = configFileSchema.safeParse(parsed ?? {});
  if (!result.success) throw new ConfigError(describeIssues(`config file ${file}`, result.error));
  return result.data;
}

function envInt(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw.trim())) {
    throw new ConfigError(`${name}: expected a whole number of bytes, got "${raw}"`);
  }
  return Number(raw.trim());
}

function envSampleData(env: Env): 'auto' | 'off' | undefined {
  const raw = env[ENV_VARS.sampleData];
  if (raw === undefined || raw === '') return undefined;
  if (raw !== 'auto' && raw !== 'off') {
    throw new ConfigError(`${ENV_VARS.sampleData}: expected "auto" or "off", got "${raw}"`);
  }
  return raw;
}

/** Builds and validates the configuration. `cwd` anchors relative paths. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AuditlensConfig {
  const configPath = env[ENV_VARS.config];
  const file: ConfigFile = configPath ? readConfigFile(path.resolve(cwd, configPath)) : {};

  const followEnv = env[ENV_VARS.follow];
  const merged = {
    dataDir: env[ENV_VARS.dataDir] || file.dataDir || DEFAULTS.dataDir,
    ingestToken: env[ENV_VARS.ingestToken] || file.ingestToken || null,
    maxEventBytes:
      envInt(env, ENV_VARS.maxEventBytes) ?? file.maxEventBytes ?? DEFAULTS.maxEventBytes,
    maxIngestBodyBytes:
      envInt(env, ENV_VARS.maxIngestBodyBytes) ??
      file.maxIngestBodyBytes ??
      DEFAULTS.maxIngestBodyBytes,
    sampleData: envSampleData(env) ?? file.sampleData ?? 'auto',
    follow: followEnv ? followEnv.split(path.delimiter).filter(Boolean) : (file.follow ?? []),
    defaultSource: file.defaultSource ?? file.sources?.[0]?.name ?? 'default',
    sources: file.sources ?? [{ name: 'default', type: 'embedded' as const }],
  };

  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const where = configPath ? `configuration (${configPath} and environment)` : 'configuration';
    throw new ConfigError(
      describeIssues(where, result.error)
        .replace(/: ingestToken:/, `: ingestToken (${ENV_VARS.ingestToken}):`)
        .replace(/: maxEventBytes:/, `: maxEventBytes (${ENV_VARS.maxEventBytes}):`),
    );
  }
  const config = result.data;

  const names = new Set<string>();
  for (const [i, s] of config.sources.entries()) {
    if (names.has(s.name)) {
      throw new ConfigError(`sources[${i}].name: "${s.name}" is used by another source`);
    }
    names.add(s.name);
  }
  if (!names.has(config.defaultSource)) {
    throw new ConfigError(
      `defaultSource: "${config.defaultSource}" is not one of the sources (${[...names].join(', ')})`,
    );
  }

  return {
    ...config,
    dataDir: path.resolve(cwd, config.dataDir),
    follow: config.follow.map((f) => path.resolve(cwd, f)),
  };
}

/** True when nothing was configured, so a first run may load sample data. */
export function isUnconfigured(env: Env = process.env): boolean {
  return !env[ENV_VARS.config] && !env[ENV_VARS.follow];
}
