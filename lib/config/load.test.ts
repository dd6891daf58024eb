import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, isUnconfigured, loadConfig } from './load';

const cwd = '/srv/auditlens';

function withFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-config-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('loadConfig', () => {
  test('defaults: one embedded source, ./data, ingest off, sample data on', () => {
    const c = loadConfig({}, cwd);
    expect(c).toMatchObject({
      dataDir: '/srv/auditlens/data',
      ingestToken: null,
      maxEventBytes: 5 * 1024 * 1024,
      sampleData: 'auto',
      follow: [],
      defaultSource: 'default',
      sources: [{ name: 'default', type: 'embedded' }],
    });
    expect(isUnconfigured({})).toBe(true);
  });

  test('environment variables set each setting', () => {
    const c = loadConfig(
      {
        AUDITLENS_DATA_DIR: '/var/lib/auditlens',
        AUDITLENS_INGEST_TOKEN: 'a-long-enough-token',
        AUDITLENS_MAX_EVENT_BYTES: '1048576',
        AUDITLENS_SAMPLE_DATA: 'off',
        AUDITLENS_FOLLOW: '/var/log/kubernetes/audit:relative/dir',
      },
      cwd,
    );
    expect(c.dataDir).toBe('/var/lib/auditlens');
    expect(c.ingestToken).toBe('a-long-enough-token');
    expect(c.maxEventBytes).toBe(1048576);
    expect(c.sampleData).toBe('off');
    expect(c.follow).toEqual(['/var/log/kubernetes/audit', '/srv/auditlens/relative/dir']);
    expect(isUnconfigured({ AUDITLENS_FOLLOW: '/x' })).toBe(false);
  });

  test.each([
    [
      { AUDITLENS_MAX_EVENT_BYTES: 'lots' },
      /AUDITLENS_MAX_EVENT_BYTES: expected a whole number of bytes, got "lots"/,
    ],
    [{ AUDITLENS_MAX_EVENT_BYTES: '10' }, /maxEventBytes \(AUDITLENS_MAX_EVENT_BYTES\)/],
    [
      { AUDITLENS_SAMPLE_DATA: 'yes' },
      /AUDITLENS_SAMPLE_DATA: expected "auto" or "off", got "yes"/,
    ],
    [{ AUDITLENS_INGEST_TOKEN: 'short' }, /ingestToken \(AUDITLENS_INGEST_TOKEN\).*16 characters/],
    [
      { AUDITLENS_CONFIG: '/no/such/file.yaml' },
      /AUDITLENS_CONFIG: cannot read \/no\/such\/file.yaml/,
    ],
  ])('a bad environment value names the variable: %o', (env, message) => {
    expect(() => loadConfig(env, cwd)).toThrow(ConfigError);
    expect(() => loadConfig(env, cwd)).toThrow(message);
  });

  test('a YAML file sets sources; the environment overrides it', () => {
    const file = withFile(
      'auditlens.yaml',
      'dataDir: /from/file\nsampleData: off\nsources:\n  - name: prod\n    type: embedded\n  - name: staging\n    type: embedded\n    path: /data/staging.duckdb\n',
    );
    const c = loadConfig({ AUDITLENS_CONFIG: file, AUDITLENS_DATA_DIR: '/from/env' }, cwd);
    expect(c.dataDir).toBe('/from/env');
    expect(c.sampleData).toBe('off');
    expect(c.defaultSource).toBe('prod');
    expect(c.sources.map((s) => s.name)).toEqual(['prod', 'staging']);
  });

  test.each([
    ['sources:\n  - name: a\n    type: loki\n', /sources\.0\.url/],
    ['sources:\n  - name: a\n    type: mongo\n', /sources\.0\.type/],
    ['sources:\n  - name: "bad name"\n    type: embedded\n', /sources\.0\.name: a source name is/],
    [
      'sources:\n  - {name: a, type: embedded}\n  - {name: a, type: embedded}\n',
      /sources\[1\]\.name: "a" is used by another source/,
    ],
    ['defaultSource: nope\n', /defaultSource: "nope" is not one of the sources \(default\)/],
    ['colour: blue\n', /colour|Unrecognized key/],
    ['dataDir: [unclosed\n', /not valid YAML\/JSON/],
  ])('a bad file names the setting: %s', (text, message) => {
    const file = withFile('auditlens.yaml', text);
    expect(() => loadConfig({ AUDITLENS_CONFIG: file }, cwd)).toThrow(message);
  });
});
