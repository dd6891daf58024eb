import path from 'node:path';
import { test } from 'vitest';
import { importPath } from '@/lib/ingest/import-path';
import { sharedPath } from '@/lib/testing/shared-data';
import { tempStore } from '@/lib/testing/temp-store';

test('explore', async () => {
  const store = await tempStore();
  const dir = sharedPath('data', 'audit-samples');
  const reports = await importPath(dir, {
    sink: store.sink,
    deadLetters: store.deadLetters,
    maxEventBytes: 5 * 1024 * 1024,
  });
  for (const r of reports) {
    console.log(
      JSON.stringify({
        f: path.relative(dir, r.source),
        shapes: r.shapes,
        ev: r.events,
        ins: r.inserted,
        dup: r.duplicates,
        rej: r.rejected,
        why: r.rejections
          .slice(0, 3)
          .map((x) => `${x.line ?? ''}/${x.index ?? ''}: ${x.reason.slice(0, 150)}`),
        w: r.warnings,
      }),
    );
  }
  await store.dispose();
});
