// Writes that never leave a half-written file: write a temporary sibling, flush it, rename it
// over the target (rename is atomic within one file system). Readers see the old or the new
// bytes, never a mix; a crash leaves at most a `.tmp-…` file, which readers ignore.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

export function tempName(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

export const isTempName = (name: string) => /\.tmp-\d+-[0-9a-f]{8}$/.test(name);

export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const temp = tempName(path);
  try {
    await writeFileSynced(temp, bytes);
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** Writes and flushes to disk (so a rename after it never exposes an empty file after a crash). */
export async function writeFileSynced(path: string, bytes: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
