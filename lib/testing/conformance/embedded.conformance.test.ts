// The embedded store against itself through a second load path (the file importer rather
// than direct inserts): keeps the suite itself honest and runs it on every test run.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importPath } from '@/lib/ingest/import-path';
import { tempStore } from '@/lib/testing/temp-store';
import { conformanceCases } from './cases';
import { conformanceDataset } from './dataset';
import { defineConformanceSuite } from './suite';

defineConformanceSuite('embedded store loaded from a file', {
  setup: async (ds) => {
    const store = await tempStore();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-conformance-'));
    const file = path.join(dir, 'audit.log');
    fs.writeFileSync(file, ds.events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const [report] = await importPath(file, {
      sink: store.sink,
      deadLetters: store.deadLetters,
      maxEventBytes: 5 * 1024 * 1024,
    });
    expect(report?.inserted).toBe(ds.events.length);
    return {
      backend: store.backend,
      teardown: async () => {
        await store.dispose();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});

describe('the conformance cases', () => {
  test('cover every dimension as include and exclude, and each kind of query', () => {
    const cases = conformanceCases(conformanceDataset(Date.UTC(2026, 10, 23, 12)));
    const kinds = new Set(cases.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['breakdown', 'getEvent', 'search', 'searchAll', 'timeline']);
    expect(cases.filter((c) => c.id.startsWith('include ')).length).toBe(16);
    expect(cases.filter((c) => c.id.startsWith('exclude ')).length).toBe(16);
  });
});
