// A model directory (or an unpacked bundle) from disk: the files the scorer reads, name → bytes.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
  for (const name of MODEL_FILES) {
    try {
      files.set(name, readFileSync(join(dir, name)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new ModelFileError(`cannot read ${join(dir, name)}: ${(err as Error).message}`);
    }
  }
  if (!files.has('meta.json')) throw new ModelFileError(`${join(dir, 'meta.json')} not found: ${dir} is not a Tourney model directory or bundle`);
  return files;
}
