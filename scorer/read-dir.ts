// A folder's entries, or none when it (or a part of its path) does not exist: registries on a
// folder list versions and files that may not have been written yet. Shared by the scorer's
// registry catalog and the CLI's registry store.
import { readdir } from 'node:fs/promises';

export async function readdirOptional(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (err) {
    if (['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) return [];
    throw err;
  }
}
