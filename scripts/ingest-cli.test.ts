// The ingest command as a user runs it: a real process on a temporary store, its report
// on stdout, its errors on stderr with exit status 2.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { makeEvent } from '@/lib/testing/make-event';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function ingest(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...args], {
      env: { ...process.env, AUDITLENS_SAMPLE_DATA: 'off' },
    });
    return { code: 0, ...r };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run ingest', () => {
  // Shipper documents whose Event fields sit at the root next to a `tag`: detection reads
  // them as Fluentd; --shape event reads them as plain Events.
  const file = path.join(dir, 'shipped.log');
  fs.writeFileSync(
    file,
    [1, 2, 3].map((n) => JSON.stringify({ ...makeEvent(n), tag: 'kube.audit' })).join('\n') +
      '\n{"protoPayload": {}}\n',
  );

  test('detects the shape per line and reports what it set aside', async () => {
    const r = await ingest(['--quiet', '--data-dir', path.join(dir, 'a'), file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /shipped\.log: 3 events \(fluentd: 3\), 3 new, 0 already stored, 1 set aside/,
    );
    expect(r.stdout).toMatch(/set aside line 4: .*protoPayload/);
  }, 120_000);

  test('--shape overrides detection, and a misfit line names the flag', async () => {
    const r = await ingest([
      '--quiet',
      '--shape',
      'event',
      '--data-dir',
      path.join(dir, 'b'),
      file,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/shipped\.log: 3 events \(event: 3\), 3 new/);
    expect(r.stdout).toMatch(/set aside line 4: --shape event: expected an Event/);
  }, 120_000);

  test('an unknown --shape is refused with the list of shapes', async () => {
    const r = await ingest(['--shape', 'splunk', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--shape: "splunk" is not one of event, event-list, fluentd/);
  }, 120_000);
});
