// Bad input of every kind the issue names: each gets its own clear reason, and no good
// event around it is lost. Dead letters keep what was set aside.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { lines, makeEvent } from '@/lib/testing/make-event';
import { tempStore } from '@/lib/testing/temp-store';
import { importFile } from './import-path';

let store: Awaited<ReturnType<typeof tempStore>>;
let dir: string;

beforeEach(async () => {
  store = await tempStore();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-bad-'));
});
afterEach(async () => {
  await store.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const MAX = 5 * 1024 * 1024;

async function importBytes(name: string, bytes: Buffer | string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const report = await importFile(file, {
    sink: store.sink,
    deadLetters: store.deadLetters,
    maxEventBytes: MAX,
  });
  return { report, file };
}

function deadLetters(): Array<{
  reason: string;
  line?: number;
  raw: string;
  rawEncoding?: string;
}> {
  const d = path.join(store.dataDir, 'dead-letters');
  if (!fs.existsSync(d)) return [];
  return fs
    .readdirSync(d)
    .flatMap((f) => fs.readFileSync(path.join(d, f), 'utf8').split('\n'))
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

const good = (from: number, n: number) =>
  lines(Array.from({ length: n }, (_, i) => makeEvent(from + i)));

describe('bad input is set aside with a reason and loses no good event', () => {
  test('truncated JSON', async () => {
    const cut = JSON.stringify(makeEvent(100)).slice(0, 150);
    const { report } = await importBytes('audit.log', good(0, 2) + cut + '\n' + good(2, 2));
    expect(report.inserted).toBe(4);
    expect(report.rejected).toBe(1);
    expect(report.rejections[0]).toMatchObject({ line: 3 });
    expect(report.rejections[0]!.reason).toMatch(/truncated|ends before/i);
    expect(deadLetters()[0]!.raw).toBe(cut);
  });

  test('wrong apiVersion', async () => {
    const wrong = JSON.stringify(makeEvent(100, { apiVersion: 'audit.k8s.io/v2' }));
    const { report } = await importBytes('audit.log', good(0, 1) + wrong + '\n' + good(1, 1));
    expect(report.inserted).toBe(2);
    expect(report.rejections[0]!.line).toBe(2);
    expect(report.rejections[0]!.reason).toContain('audit.k8s.io/v2');
  });

  test('an event over 5 MB', async () => {
    const huge = JSON.stringify(
      makeEvent(100, { level: 'Request', requestObject: { data: 'x'.repeat(6 * 1024 * 1024) } }),
    );
    const { report } = await importBytes('audit.log', good(0, 3) + huge + '\n' + good(3, 3));
    expect(report.inserted).toBe(6);
    expect(report.rejected).toBe(1);
    expect(report.rejections[0]!.line).toBe(4);
    expect(report.rejections[0]!.reason).toMatch(/6\.0 MiB.*5\.0 MiB/);
  });

  test('invalid UTF-8', async () => {
    const bad = Buffer.concat([
      Buffer.from('{"kind":"Event","user":{"username":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}}'),
    ]);
    const { report } = await importBytes(
      'audit.log',
      Buffer.concat([Buffer.from(good(0, 1)), bad, Buffer.from('\n' + good(1, 1))]),
    );
    expect(report.inserted).toBe(2);
    expect(report.rejections[0]).toMatchObject({ line: 2 });
    expect(report.rejections[0]!.reason).toMatch(/not valid UTF-8.*column 37/);
    const letter = deadLetters()[0]!;
    expect(letter.rawEncoding).toBe('base64');
    expect(Buffer.from(letter.raw, 'base64').equals(bad)).toBe(true);
  });

  test('a line that is not JSON at all', async () => {
    const { report } = await importBytes(
      'audit.log',
      good(0, 1) + 'I0123 12:00:00 kube-apiserver started\n' + good(1, 1),
    );
    expect(report.inserted).toBe(2);
    expect(report.rejections[0]!.line).toBe(2);
    expect(report.rejections[0]!.reason).toMatch(/not JSON/i);
  });

  test('an empty file', async () => {
    const { report } = await importBytes('audit.log', '');
    expect(report.events).toBe(0);
    expect(report.rejected).toBe(0);
    expect(report.warnings).toEqual(['the input is empty: no events']);
  });

  test('a gzip that is cut short keeps the events before the cut', async () => {
    const full = zlib.gzipSync(Buffer.from(good(0, 2000)));
    const { report } = await importBytes(
      'audit-2026-11-20T10-00-00.000.log.gz',
      full.subarray(0, Math.floor(full.length * 0.6)),
    );
    expect(report.warnings.join(' ')).toMatch(/ends with an error.*(unexpected end|cut short)/i);
    expect(report.inserted).toBeGreaterThan(500);
    expect(report.inserted).toBeLessThan(2000);
    // The events kept are exactly the first ones, with no gap.
    const page = await store.backend.search({
      ...(await import('@/lib/query/codec')).defaultQuery(),
      limit: 1,
      sort: 'time-asc',
      range: { startMicros: 0, endMicros: Date.UTC(2030, 0, 1) * 1000 },
    });
    expect(page.total).toBe(report.inserted);
    expect(page.events[0]!.auditID).toBe(makeEvent(0).auditID);
  });

  test('a whole gzip file imports like the plain one', async () => {
    const { report } = await importBytes(
      'audit-2026-11-20T10-00-00.000.log.gz',
      zlib.gzipSync(Buffer.from(good(0, 50))),
    );
    expect(report).toMatchObject({ inserted: 50, rejected: 0, warnings: [] });
  });
});
