// Following a directory the way kube-apiserver's log backend writes it: appends, a line
// caught half-written, rotation by rename, gzip of old files, a restart, truncation.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { defaultQuery } from '@/lib/query/codec';
import { lines, makeEvent } from '@/lib/testing/make-event';
import { tempStore } from '@/lib/testing/temp-store';
import { CheckpointStore } from './checkpoints';
import { Follower } from './follow';

let store: Awaited<ReturnType<typeof tempStore>>;
let dir: string;

beforeEach(async () => {
  store = await tempStore();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-follow-'));
});
afterEach(async () => {
  await store.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

function follower(): Follower {
  return new Follower({
    paths: [dir],
    sink: store.sink,
    deadLetters: store.deadLetters,
    checkpoints: new CheckpointStore(store.backend.db),
    maxEventBytes: 5 * 1024 * 1024,
  });
}

async function storedIds(): Promise<string[]> {
  const page = await store.backend.search({
    ...defaultQuery(),
    limit: 1000,
    sort: 'time-asc',
    range: { startMicros: 0, endMicros: Date.UTC(2030, 0, 1) * 1000 },
  });
  return page.events.map((e) => e.auditID);
}

const ids = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => makeEvent(from + i).auditID);
const batch = (from: number, to: number) =>
  lines(Array.from({ length: to - from }, (_, i) => makeEvent(from + i)));

test('picks up appends, a half-written line once finished, and rotations, with no gap or duplicate', async () => {
  const live = path.join(dir, 'audit.log');
  const sixth = JSON.stringify(makeEvent(5));
  fs.writeFileSync(live, batch(0, 5) + sixth.slice(0, 40));
  const f = follower();
  await f.pollOnce();
  expect(await storedIds()).toEqual(ids(0, 5));

  fs.appendFileSync(live, sixth.slice(40) + '\n' + batch(6, 8));
  await f.pollOnce();
  expect(await storedIds()).toEqual(ids(0, 8));

  // Rotation: the apiserver renames audit.log and starts a new one.
  fs.appendFileSync(live, batch(8, 10));
  fs.renameSync(live, path.join(dir, 'audit-2026-11-20T10-00-10.000.log'));
  fs.writeFileSync(live, batch(10, 12));
  await f.pollOnce();
  expect(await storedIds()).toEqual(ids(0, 12));

  // The old file is gzipped (a new inode with the same content): nothing new, nothing twice.
  const rotated = path.join(dir, 'audit-2026-11-20T10-00-10.000.log');
  fs.writeFileSync(rotated + '.gz', zlib.gzipSync(fs.readFileSync(rotated)));
  fs.rmSync(rotated);
  const reports = await f.pollOnce();
  expect(reports.reduce((s, r) => s + r.inserted, 0)).toBe(0);
  expect(await storedIds()).toEqual(ids(0, 12));
});

test('a restarted follower resumes from its checkpoint, including a rotation while it was down', async () => {
  const live = path.join(dir, 'audit.log');
  fs.writeFileSync(live, batch(0, 3));
  await follower().pollOnce();
  // Down: more lines, then a rotation, then more lines in the new file.
  fs.appendFileSync(live, batch(3, 5));
  fs.renameSync(live, path.join(dir, 'audit-2026-11-20T10-00-05.000.log'));
  fs.writeFileSync(live, batch(5, 7));
  const reports = await follower().pollOnce();
  expect(reports.reduce((s, r) => s + r.duplicates, 0)).toBe(0);
  expect(await storedIds()).toEqual(ids(0, 7));
});

test('a file truncated in place is read again from its start', async () => {
  const live = path.join(dir, 'audit.log');
  fs.writeFileSync(live, batch(0, 4));
  const f = follower();
  await f.pollOnce();
  fs.writeFileSync(live, batch(4, 6));
  await f.pollOnce();
  expect(await storedIds()).toEqual(ids(0, 6));
});
