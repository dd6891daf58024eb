import { describe, expect, test } from 'vitest';
import { loadConfig } from './load';
import { listSources } from './sources';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('listSources', () => {
  test('gives names, kinds and the default, never URLs or credentials', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-sources-'));
    const file = path.join(dir, 'auditlens.yaml');
    fs.writeFileSync(
      file,
      [
        'defaultSource: prod-loki',
        'sources:',
        '  - {name: local, type: embedded}',
        '  - name: prod-loki',
        '    type: loki',
        '    url: http://loki.internal:3100',
        '    tenant: team-a',
        '    auth: {type: basic, username: reader, password: s3cret-password}',
        '  - {name: es, type: elasticsearch, url: "https://es:9200", index: "k8s-audit-*", preset: elastic-agent, auth: {type: apiKey, apiKey: k3y}}',
      ].join('\n'),
    );
    const summary = listSources(loadConfig({ AUDITLENS_CONFIG: file }, dir));
    expect(summary.sources).toEqual([
      { name: 'local', type: 'embedded', isDefault: false },
      { name: 'prod-loki', type: 'loki', isDefault: true },
      { name: 'es', type: 'elasticsearch', preset: 'elastic-agent', isDefault: false },
    ]);
    const text = JSON.stringify(summary);
    for (const secret of ['loki.internal', 'team-a', 's3cret', 'k3y', 'https://es']) {
      expect(text).not.toContain(secret);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
