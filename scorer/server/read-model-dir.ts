// A model directory (or an unpacked bundle) from disk: the files the scorer reads, name → bytes.
// The model documents and the manifest are read whether listed or not (a stale document beside
// the manifest must reach the loader to be refused); the loader (loadScorerModel) judges them.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listedFileNames, MANIFEST } from '../../kernels/modeldir';
import { MODEL_FILES } from '../load-model';
import { ModelFileError } from '../model-files';

export function readModelDirFiles(dir: string): Map<string, Uint8Array> {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new ModelFileError(`${dir}: no such directory`);
  }
  if (!isDir) throw new ModelFileError(`${dir} is not a directory: give a model directory or a bundle`);
  const files = new Map<string, Uint8Array>();
  const read = (name: string) => {
    try {
      files.set(name, readFileSync(join(dir, name)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new ModelFileError(`cannot read ${join(dir, name)}: ${(err as Error).message}`);
    }
  };
  for (const name of MODEL_FILES) read(name);
  for (const name of listedFileNames(files.get(MANIFEST))) if (!files.has(name)) read(name);
  return files;
}
