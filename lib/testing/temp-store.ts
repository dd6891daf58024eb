import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  closeEmbeddedStore,
  openEmbeddedStore,
  type EmbeddedStore,
} from '@/lib/backends/embedded/embedded-store';

/** A fresh embedded store in a temporary directory; `dispose` closes and deletes it. */
export async function tempStore(): Promise<EmbeddedStore & { dispose: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-test-'));
  const store = await openEmbeddedStore(dir);
  return {
    ...store,
    dispose: async () => {
      await closeEmbeddedStore(store);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
