// Tests that read the real audit logs in ../shared skip themselves, naming the folder,
// when it is missing (a user's fresh clone); CI always has it.

import fs from 'node:fs';
import path from 'node:path';

export const SHARED_DIR = path.resolve(
  process.env.AUDITLENS_SHARED ?? path.join(__dirname, '..', '..', '..', 'shared'),
);

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DIR, ...parts);
}

/** True when the folder exists; otherwise warns once, naming it, so the skip is visible. */
export function haveShared(...parts: string[]): boolean {
  const p = sharedPath(...parts);
  if (fs.existsSync(p)) return true;
  console.warn(`skipping tests that need ${p}: folder is missing`);
  return false;
}
