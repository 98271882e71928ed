// Reads a model directory's files into what the server needs besides the engine: the table →
// matrix replay, the input schema (one field per raw column the pipeline reads), the card facts.
// THE OTHER SEAM: `loadScorerModel(files)` is built on today's kernels (the feature pipeline
// spec or the `train --fixed` table-to-matrix state, meta.json, report.json); the model-directory
// loader (`kernels/modeldir`, schemas + manifest hashes) replaces its body without changing callers.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { applyFeaturePipeline, parseFeaturePipelineSpec } from '../kernels/features/apply-pipeline';
import type { FeaturePipelineSpec } from '../kernels/features/types';
import type { Matrix, Task } from '../kernels/learn/matrix';
import { applyTableToMatrix, type TableToMatrixState } from '../kernels/learn/table-to-matrix';
import type { ColumnType, DataTable } from '../kernels/table/types';
import { ModelFileError, parseJsonFile } from './model-files';

/** One raw column the model reads, as requests must send it. */
export interface InputField {
  name: string;
  type: ColumnType;
  /** How the pipeline reads it: as a number (NaN missing) or as text (null missing). */
  storage: 'numeric' | 'string';
  /** Text fields: the values the model knows by name; any other value is an unseen category. */
  categories?: string[];
  /** Training range, when the model directory has a reference profile. */
  min?: number;
  max?: number;
}

export interface ScorerModel {
  name: string;
  /** meta.version, else a content hash of the model files (`sha256:<12 hex>`). */
  version: string;
  task: Task;
  target: string;
  classes: string[] | null;
  positiveClass: string | null;
  inputs: InputField[];
  /** Raw columns the pipeline left out, with the reason. */
  dropped: { column: string; reason: string }[];
  /** Held-out test metrics (report.json), else what meta.json records. */
  metrics: Record<string, number>;
  meta: Record<string, unknown>;
  report?: Record<string, unknown>;
  /** The training reference profile (reference-profile.json / profile.json), when present. */
  profile?: { columns?: { name: string; min?: number; max?: number }[] };
  /** reference-profile.json as parsed (kernels/monitor's ReferenceProfile when written by train), for monitoring. */
  reference?: unknown;
  /** Table → matrix, as at training time. */
  toMatrix(table: DataTable): Matrix;
}

/** The files a model directory (or a bundle) may hold, in the order they matter. */
export const MODEL_FILES = ['bundle.json', 'meta.json', 'pipeline.json', 'tournament.json', 'model.json', 'report.json', 'reference-profile.json', 'profile.json', 'model.onnx'] as const;

export function loadScorerModel(files: ReadonlyMap<string, Uint8Array>, fallbackName = 'model'): ScorerModel {
  const meta = parseJsonFile(files, 'meta.json') as Record<string, unknown> | null;
  if (!meta || typeof meta !== 'object' || !['binary', 'multiclass', 'regression'].includes(meta.task as string)) {
    throw new ModelFileError('meta.json: missing or unknown "task"');
  }
  const report = parseJsonFile(files, 'report.json', true) as Record<string, unknown> | undefined;
  const reference = parseJsonFile(files, 'reference-profile.json', true);
  const profile = (referenceRanges(reference) ?? reference ?? parseJsonFile(files, 'profile.json', true)) as ScorerModel['profile'];
  const pipelineJson = parseJsonFile(files, 'pipeline.json') as { kind?: unknown };
  let toMatrix: (table: DataTable) => Matrix;
  let inputs: InputField[];
  let dropped: { column: string; reason: string }[];
  if (pipelineJson && pipelineJson.kind === 'table-to-matrix') {
    const state = pipelineJson as TableToMatrixState;
    toMatrix = (table) => applyTableToMatrix(state, table);
    inputs = state.features.map((f) => (f.kind === 'numeric'
      ? { name: f.name, type: 'number', storage: 'numeric' }
      : { name: f.name, type: 'categorical', storage: 'string', categories: f.categories ?? [] }));
    dropped = state.dropped;
  } else {
    let spec: FeaturePipelineSpec;
    try {
      spec = parseFeaturePipelineSpec(pipelineJson);
    } catch (err) {
      throw new ModelFileError(`pipeline.json: ${(err as Error).message}`, { cause: err });
    }
    toMatrix = (table) => applyFeaturePipeline(spec, table);
    inputs = pipelineInputs(spec);
    dropped = spec.dropped.filter((d) => !d.feature).map(({ column, reason }) => ({ column, reason }));
  }
  const ranges = new Map((profile?.columns ?? []).map((c) => [c.name, c]));
  for (const field of inputs) {
    const r = ranges.get(field.name);
    if (field.storage === 'numeric' && typeof r?.min === 'number' && typeof r.max === 'number') Object.assign(field, { min: r.min, max: r.max });
  }
  return {
    name: typeof meta.name === 'string' ? meta.name : bundleName(files) ?? fallbackName,
    version: typeof meta.version === 'string' || typeof meta.version === 'number' ? String(meta.version) : contentVersion(files),
    task: meta.task as Task,
    target: String(meta.target ?? ''),
    classes: Array.isArray(meta.classes) ? meta.classes.map(String) : null,
    positiveClass: typeof meta.positiveClass === 'string' ? meta.positiveClass : null,
    inputs,
    dropped,
    metrics: modelMetrics(meta, report),
    meta,
    ...(report ? { report } : {}),
    ...(profile ? { profile } : {}),
    ...(reference ? { reference } : {}),
    toMatrix,
  };
}

/** The name `tourney export` gave the bundle (bundle.json), if this is a bundle. */
function bundleName(files: ReadonlyMap<string, Uint8Array>): string | undefined {
  const bundle = parseJsonFile(files, 'bundle.json', true) as { model?: { name?: unknown } } | undefined;
  return typeof bundle?.model?.name === 'string' ? bundle.model.name : undefined;
}

/** The spec's inputs, with the category names its one-hot derivations know. */
function pipelineInputs(spec: FeaturePipelineSpec): InputField[] {
  const known = new Map<string, string[]>();
  for (const d of spec.derivations) if (d.kind === 'one-hot') known.set(d.column, d.values);
  return spec.inputs.map((i) => ({
    name: i.name,
    type: i.type,
    storage: i.storage,
    ...(i.storage === 'string' && known.has(i.name) ? { categories: known.get(i.name) } : {}),
  }));
}

function modelMetrics(meta: Record<string, unknown>, report: Record<string, unknown> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  const test = (report?.test as { metrics?: Record<string, unknown> } | undefined)?.metrics ?? {};
  for (const [k, v] of Object.entries(test)) if (typeof v === 'number') out[`test_${k}`] = v;
  if (typeof meta.cvScore === 'number' && typeof meta.metric === 'string') out[`cv_${meta.metric}`] = meta.cvScore;
  return out;
}

/** A stable version for a model without one: the hash of the files that decide its scores. */
function contentVersion(files: ReadonlyMap<string, Uint8Array>): string {
  const hash = sha256.create();
  for (const name of ['pipeline.json', 'tournament.json', 'model.json', 'model.onnx']) {
    const bytes = files.get(name);
    if (bytes) hash.update(new TextEncoder().encode(name)).update(bytes);
  }
  return `sha256:${bytesToHex(hash.digest()).slice(0, 12)}`;
}

/** The training ranges of a monitoring reference profile (features[].profile min/max) in the data profile's shape. */
function referenceRanges(reference: unknown): ScorerModel['profile'] | undefined {
  const features = (reference as { features?: { name: string; profile?: { kind?: string; measure?: string; min?: number; max?: number } }[] } | undefined)?.features;
  if (!Array.isArray(features)) return undefined;
  return { columns: features.filter((f) => f.profile?.kind === 'numeric' && f.profile.measure === 'value').map((f) => ({ name: f.name, min: f.profile!.min, max: f.profile!.max })) };
}
