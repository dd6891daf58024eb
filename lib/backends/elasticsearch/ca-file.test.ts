// A source behind TLS signed by a private CA: with `caFile` the adapter trusts it, without
// it the certificate error is named. The real server sits behind a TLS-terminating proxy,
// as many deployments put it.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ElasticsearchBackend } from './elasticsearch-backend';

const upstream = process.env.ELASTICSEARCH_URL ?? process.env.OPENSEARCH_URL;

function makeCa(dir: string): { caFile: string; key: string; cert: string } {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-subj',
    '/CN=auditlens test CA',
  );
  run(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    '/CN=127.0.0.1',
  );
  fs.writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  run(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '1',
    '-out',
    'server.pem',
    '-extfile',
    'san.ext',
  );
  return {
    caFile: path.join(dir, 'ca.pem'),
    key: fs.readFileSync(path.join(dir, 'server.key'), 'utf8'),
    cert: fs.readFileSync(path.join(dir, 'server.pem'), 'utf8'),
  };
}

describe.skipIf(!upstream)('a source behind TLS with a private CA', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-ca-'));
  let proxy: https.Server;
  let url = '';
  let caFile = '';

  beforeAll(async () => {
    const ca = makeCa(dir);
    caFile = ca.caFile;
    const target = new URL(upstream!);
    proxy = https.createServer({ key: ca.key, cert: ca.cert }, (req, res) => {
      const out = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(out);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    url = `https://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    proxy?.closeAllConnections();
    proxy?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const backend = (over: { caFile?: string }) =>
    new ElasticsearchBackend({
      name: 'tls',
      type: 'elasticsearch',
      url,
      index: 'no-such-index-*',
      preset: 'fluentd',
      timeoutMs: 10_000,
      ...over,
    });

  test('with caFile the server answers (here: the pattern matches no index)', async () => {
    const h = await backend({ caFile }).health();
    expect(h.ok).toBe(false);
    expect(h.message).toContain(
      'index pattern "no-such-index-*" (preset fluentd) matches no index',
    );
  });

  test('without it the certificate is refused, and the message says so', async () => {
    const h = await backend({}).health();
    expect(h.details?.error).toBe('unreachable');
    expect(h.message).toMatch(/certificate/i);
  });

  test('an unreadable caFile is a misconfiguration naming the file', () => {
    expect(() => backend({ caFile: path.join(dir, 'missing.pem') })).toThrow(
      /cannot read caFile .*missing\.pem/,
    );
  });
});
