// A model directory's `model.onnx`, exported from the model it ships (tournament.json, else the
// `train --fixed` model.json) with the class names, positive class and target meta.json records.
// `tourney export` writes these bytes into the bundle and `tourney serve <model-dir>` scores with
// them in memory (as server.js does for a plain model directory), so every path scores through
// the same ONNX graph.
import { listedFileNames, loadModelDirFiles, MANIFEST } from '../kernels/modeldir';
import { exportOnnx, type OnnxExportOptions } from '../kernels/onnx';
import { ModelFileError, parseJsonFile } from './model-files';

/** The ONNX bytes of the model the files ship. */
export function exportModelOnnx(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const name = files.has('tournament.json') ? 'tournament.json' : 'model.json';
  const document = parseJsonFile(files, name);
  const meta = (parseJsonFile(files, 'meta.json') ?? {}) as Record<string, unknown>;
  const options: OnnxExportOptions = {
    ...(Array.isArray(meta.classes) ? { classes: meta.classes.map(String) } : {}),
    ...(typeof meta.positiveClass === 'string' ? { positiveClass: meta.positiveClass } : {}),
    ...(typeof meta.target === 'string' ? { target: meta.target } : {}),
  };
  try {
    return exportOnnx(document, options);
  } catch (err) {
    throw new ModelFileError(`${name}: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * The files with `model.onnx` exported from the shipped model. A bundle (bundle.json present)
 * keeps the model.onnx it carries, which its manifest.json must list (the loader then checks its
 * size and SHA-256 with the model files); a model directory always gets a fresh export, so a stale
 * model.onnx left beside a retrained model never scores.
 */
export function withModelOnnx(files: ReadonlyMap<string, Uint8Array>, label = ''): Map<string, Uint8Array> {
  const out = new Map(files);
  if (files.has('bundle.json') && files.has('model.onnx')) {
    // The loader checks a listed model.onnx against its hash; an unlisted one could be anything.
    if (!listedFileNames(files.get(MANIFEST)).includes('model.onnx')) {
      throw new ModelFileError(`${label ? `${label}/` : ''}model.onnx is not listed in manifest.json, so it cannot be checked: export the bundle again with this Tourney`);
    }
    return out;
  }
  try {
    out.set('model.onnx', exportModelOnnx(files));
  } catch (err) {
    // A directory the export chokes on is usually a broken one: name the file as the loader does
    // (it throws first when the directory is missing, stale or edited). A directory that exports
    // but is not whole is refused by the loader when the server loads it, so the happy path
    // checks the directory once, not twice.
    loadModelDirFiles(files, label);
    throw err;
  }
  return out;
}
