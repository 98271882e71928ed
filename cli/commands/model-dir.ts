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
import { resolve } from 'node:path';
import type { Matrix, Task } from '../../kernels/learn/matrix';
import { buildModelDirFiles, loadModelDirFiles, type ModelDirDocuments, type PipelineJson } from '../../kernels/modeldir';
import { readModelDirFiles } from '../../scorer/server/read-model-dir';
import type { DataTable } from '../../kernels/table/types';
import type { ModelDirSlot } from '../output-location';

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

/** Reads the model directory's files (the scorer's reader, without its extra files) and loads them through the shared loader. */
export async function loadModelDir(dir: string): Promise<LoadedModel> {
  const loaded = loadModelDirFiles(readModelDirFiles(resolve(dir), []), resolve(dir));
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
