// The model directory on disk: a thin adapter over kernels/modeldir (the one format and loader
// the CLI, the app, the registry and the scorer share). Files a tournament writes:
//   manifest.json    every file below with its size and SHA-256 (loading checks it first)
//   meta.json        task, target, classes, metric, winner, … (what predict/evaluate need first)
//   pipeline.json    the fitted feature pipeline spec (table → matrix)
//   tournament.json  the shipped model: members with weights, optional calibration
//   model.json       the best single member alone (absent when it reads a categorical view)
//   report.json      leaderboard, test metrics, insights
//   template.json    the run's settings as a tournament template
// `train --fixed` writes manifest.json, meta.json, pipeline.json (table-to-matrix) and model.json.
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Matrix, Task } from '../../kernels/learn/matrix';
import { buildModelDirFiles, listedFileNames, loadModelDirFiles, MANIFEST, MODEL_DOCUMENTS, type ModelDirDocuments, type PipelineJson } from '../../kernels/modeldir';
import type { DataTable } from '../../kernels/table/types';
import { reason, type ModelDirSlot } from '../output-location';

export interface ModelMeta {
  task: Task;
  target: string;
  metric?: string;
  classes: string[] | null;
  positiveClass: string | null;
  [key: string]: unknown;
}

export interface LoadedModel {
  dir: string;
  meta: ModelMeta;
  nClasses: number;
  /** pipeline.json as parsed: the feature pipeline spec, or the table-to-matrix state of `--fixed`. */
  pipeline: PipelineJson;
  /** Table → matrix, as at training time. */
  toMatrix(table: DataTable): Matrix;
  /** FittedModel.predict's shape: binary P(positive), multiclass n × k, regression values. */
  predict(X: Matrix): Float64Array;
}

export const TOURNEY_VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

/**
 * The files of model directory `dir` the loader judges, name → bytes: manifest.json, every model
 * document present (listed or not, so a stale one is refused) and every file the manifest lists.
 * Nothing else in the folder is read.
 */
export async function readModelDirFiles(dir: string): Promise<Map<string, Uint8Array>> {
  const path = resolve(dir);
  let entries: Set<string>;
  try {
    entries = new Set(await readdir(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${join(path, 'meta.json')} not found: ${path} is not a Tourney model directory`, { cause: err });
    throw new Error(`cannot read the model directory ${path}: ${reason(err)}`, { cause: err });
  }
  const files = new Map<string, Uint8Array>();
  const read = async (name: string) => {
    if (!entries.has(name) || files.has(name)) return;
    try {
      const buffer = await readFile(join(path, name));
      files.set(name, new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
    } catch (err) {
      throw new Error(`cannot read ${join(path, name)}: ${reason(err)}`, { cause: err });
    }
  };
  for (const name of [MANIFEST, ...MODEL_DOCUMENTS]) await read(name);
  for (const name of listedFileNames(files.get(MANIFEST))) await read(name);
  return files;
}

/** Reads the model directory's files and loads them through the shared loader. */
export async function loadModelDir(dir: string): Promise<LoadedModel> {
  const loaded = loadModelDirFiles(await readModelDirFiles(dir), resolve(dir));
  return { dir, meta: loaded.meta, nClasses: loaded.nClasses, pipeline: loaded.pipeline, toMatrix: loaded.toMatrix, predict: loaded.predict };
}

/** Builds the directory's files (validated by the loader) and puts them in place atomically. */
export async function writeModelDir(slot: ModelDirSlot, documents: ModelDirDocuments): Promise<string[]> {
  let files: Map<string, Uint8Array>;
  try {
    files = buildModelDirFiles(documents, TOURNEY_VERSION);
  } catch (err) {
    await slot.discard();
    throw err;
  }
  await slot.commit(files);
  return [...files.keys()];
}
