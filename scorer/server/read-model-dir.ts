// A model directory (or an unpacked bundle) from disk: the files the loaders judge, name → bytes.
// The one reader of the CLI (predict, evaluate, registry, serve) and the scorer. The model
// documents and the manifest are read whether listed or not (a stale document beside the manifest
// must reach the loader to be refused), then what the manifest lists, then the `extra` files the
// caller reads when present; nothing else in the folder is read. The loader (kernels/modeldir,
// through loadScorerModel or the CLI's loadModelDir) judges them; a folder that cannot be read at
// all is a ModelFileError naming it in words (no raw error codes).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listedFileNames, MANIFEST, MODEL_DOCUMENTS } from '../../kernels/modeldir';
import { SCORER_EXTRA_FILES } from '../load-model';
import { ModelFileError } from '../model-files';

const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EIO: 'input/output error',
};

const inWords = (err: unknown) => WORDS[(err as NodeJS.ErrnoException).code ?? ''] ?? (err as Error).message.split('\n')[0];

/** `extra`: files read besides the model's own when present (default: the scorer's: bundle.json, the profiles, model.onnx). */
export function readModelDirFiles(dir: string, extra: readonly string[] = SCORER_EXTRA_FILES): Map<string, Uint8Array> {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ModelFileError(`${join(dir, 'meta.json')} not found: ${dir} is not a Tourney model directory`, { cause: err });
    throw new ModelFileError(`cannot read the model directory ${dir}: ${inWords(err)}`, { cause: err });
  }
  if (!isDir) throw new ModelFileError(`${dir} is a file, not a model directory: give the folder \`tourney train\` wrote (or a bundle)`);
  const files = new Map<string, Uint8Array>();
  const read = (name: string) => {
    if (files.has(name)) return;
    try {
      files.set(name, readFileSync(join(dir, name)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new ModelFileError(`cannot read ${join(dir, name)}: ${inWords(err)}`, { cause: err });
    }
  };
  for (const name of [MANIFEST, ...MODEL_DOCUMENTS]) read(name);
  for (const name of listedFileNames(files.get(MANIFEST))) read(name);
  for (const name of extra) read(name);
  return files;
}
