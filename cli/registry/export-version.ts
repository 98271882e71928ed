// A registered version written back out as a plain model directory (for predict, evaluate,
// export): the files byte for byte, built in a temporary folder and renamed into place, into a
// folder that does not exist yet or is empty (nothing of the user's is overwritten).
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ModelVersion } from '../../kernels/registry/documents';
import { loadStoredModel } from '../../kernels/registry/lookup';
import { RegistryError } from '../../kernels/registry/parse-document';
import type { RegistryStore } from '../../kernels/registry/store';
import { tempName, writeFileSynced } from './atomic-write';

export async function exportVersionModelDir(store: RegistryStore, ref: string, outDir: string): Promise<ModelVersion> {
  const out = resolve(outDir);
  const existing = await readdir(out).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    if (err.code === 'ENOTDIR') throw new RegistryError(`${out} is a file, not a folder`);
    throw err;
  });
  if (existing?.length) throw new RegistryError(`${out} is not empty: export into a new or empty folder`);
  const { version, files } = await loadStoredModel(store, ref);
  await mkdir(dirname(out), { recursive: true });
  const temp = tempName(out);
  try {
    for (const [name, bytes] of files) {
      await mkdir(dirname(join(temp, name)), { recursive: true });
      await writeFileSynced(join(temp, name), bytes);
    }
    if (existing) await rmdir(out);
    await rename(temp, out);
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
  return version;
}
