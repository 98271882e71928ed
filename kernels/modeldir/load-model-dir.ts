// The one model-directory loader: the CLI (files from disk), the app's import (bytes from a zip
// or IndexedDB), the registry and the scorer bundle hand it the directory's files by name and get
// the model back, or one ModelDirError naming the file and field. Order of checks: the manifest
// (is this directory whole and unedited?), each document against its schema, then the documents
// against each other; only then are the learners rebuilt.
import { applyFeaturePipeline } from '../features/apply-pipeline';
import type { FeaturePipelineSpec } from '../features/types';
import { loadModel } from '../learn/load-model';
import type { Matrix, Task } from '../learn/matrix';
import type { SerializedModel } from '../learn/model';
import { applyTableToMatrix, type TableToMatrixState } from '../learn/table-to-matrix';
import type { DataTable } from '../table/types';
import { loadTournamentModel } from '../tournament/tournament-model';
import { checkDocuments, readTemplate, type ModelDocuments } from './check-documents';
import { describeIssue, fail, filePath, ModelDirError } from './errors';
import { MANIFEST, verifyManifest } from './manifest';
import { manifestSchema, metaSchema, reportSchema, type Manifest, type ModelDirKind, type ModelMeta } from './meta-schema';
import { learnerSchema, type LearnerJson } from './model-schema';
import { referenceProfileSchema } from './reference-profile-schema';
import { isTableToMatrix, pipelineFeatures, pipelineSchemaFor, type PipelineJson } from './pipeline-schema';
import { tournamentSchema, type TournamentJson } from './tournament-schema';

export interface LoadedModelDir {
  kind: ModelDirKind;
  manifest: Manifest;
  meta: ModelMeta;
  task: Task;
  /** Classes the model predicts (2 for binary), 1 for regression. */
  nClasses: number;
  /** pipeline.json as parsed (feature pipeline spec or table-to-matrix state). */
  pipeline: PipelineJson;
  /** The document that predicts: tournament.json for a tournament, model.json for `--fixed`. */
  model: TournamentJson | LearnerJson;
  /** Every document read, by file name. */
  documents: ModelDocuments;
  /** The matrix columns the model takes, in order. */
  featureNames: string[];
  /** Table → matrix, as at training time. */
  toMatrix(table: DataTable): Matrix;
  /** FittedModel.predict's shape: binary P(positive), multiclass n × k, regression values. */
  predict(X: Matrix): Float64Array;
}

type Schema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Parameters<typeof describeIssue>[0][] } } };

/** A file's bytes as JSON, or a ModelDirError naming the file. */
export function readJson(files: ReadonlyMap<string, Uint8Array>, name: string, label: string): unknown {
  const bytes = files.get(name);
  if (!bytes) return fail(label, name, 'not found');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(label, name, 'is not UTF-8 text');
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    return fail(label, name, `is not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
}

/** The JSON checked against its schema; the original value is returned, so models round-trip exactly. */
export function checked<T>(schema: Schema<T>, json: unknown, label: string, name: string): T {
  const result = schema.safeParse(json);
  if (!result.success) return fail(label, name, describeIssue(result.error.issues[0], json));
  return json as T;
}

export function loadModelDirFiles(files: ReadonlyMap<string, Uint8Array>, label: string): LoadedModelDir {
  if (!files.has(MANIFEST)) {
    if (!files.has('meta.json')) fail(label, 'meta.json', `not found: ${label || 'this'} is not a Tourney model directory`);
    fail(label, 'meta.json', `has no manifest.json beside it: the directory is incomplete or was not written by this Tourney; retrain it`);
  }
  const read = <T>(name: string, schema: Schema<T>): T => checked(schema, readJson(files, name, label), label, name);
  const manifest = read(MANIFEST, manifestSchema);
  verifyManifest(manifest, files, label);
  const listed = new Set(manifest.files.map((f) => f.name));

  const meta = read('meta.json', metaSchema);
  if (meta.kind !== manifest.kind) fail(label, 'meta.json', `field "kind": "${meta.kind}" does not match manifest.json ("${manifest.kind}")`);
  const pipelineJson = readJson(files, 'pipeline.json', label);
  const pipeline = checked(pipelineSchemaFor(pipelineJson), pipelineJson, label, 'pipeline.json');
  const documents: ModelDocuments = { meta, pipeline };
  if (listed.has('tournament.json')) documents.tournament = read('tournament.json', tournamentSchema);
  if (listed.has('model.json')) documents.model = read('model.json', learnerSchema);
  if (listed.has('report.json')) documents.report = read('report.json', reportSchema);
  if (listed.has('template.json')) documents.template = readTemplate(readJson(files, 'template.json', label), label);
  if (listed.has('reference-profile.json')) documents.reference = read('reference-profile.json', referenceProfileSchema) as ModelDocuments['reference'];
  checkDocuments(documents, label);

  const modelFile = manifest.kind === 'tournament' ? 'tournament.json' : 'model.json';
  const model = (manifest.kind === 'tournament' ? documents.tournament : documents.model)!;
  let predictor: { nClasses: number; predict(X: Matrix): Float64Array };
  try {
    predictor = manifest.kind === 'tournament' ? loadTournamentModel(model) : loadModel(model as SerializedModel);
  } catch (err) {
    throw new ModelDirError(modelFile, `${filePath(label, modelFile)}: ${(err as Error).message}`);
  }
  const toMatrix = isTableToMatrix(pipeline)
    ? (table: DataTable) => applyTableToMatrix(pipeline as TableToMatrixState, table)
    : (table: DataTable) => applyFeaturePipeline(pipeline as unknown as FeaturePipelineSpec, table);
  return {
    kind: manifest.kind,
    manifest,
    meta,
    task: meta.task,
    nClasses: predictor.nClasses,
    pipeline,
    model,
    documents,
    featureNames: pipelineFeatures(pipeline),
    toMatrix,
    predict: (X) => predictor.predict(X),
  };
}
