// A model directory's files → what the server needs besides the engine: the table → matrix replay,
// the input schema (one field per raw column the pipeline reads), the card facts. Every document
// goes through the one model-directory loader (kernels/modeldir: manifest hashes, schemas, the
// documents against each other) first, so a bundle or model directory with a missing, stale or
// edited file is refused at start with one line naming the file, exactly as `tourney predict` does.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { FeaturePipelineSpec } from '../kernels/features/types';
import type { Matrix, Task } from '../kernels/learn/matrix';
import type { TableToMatrixState } from '../kernels/learn/table-to-matrix';
import { isTableToMatrix, loadModelDirFiles, MANIFEST, MODEL_DOCUMENTS } from '../kernels/modeldir';
import type { ColumnType, DataTable } from '../kernels/table/types';
import { parseJsonFile } from './model-files';

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

/** Files the scorer reads beside the model documents: the bundle's own record, the profile, the ONNX slot. */
export const SCORER_EXTRA_FILES = ['bundle.json', 'reference-profile.json', 'profile.json', 'model.onnx'] as const;

/** Every file a model directory (or a bundle) may hold that the scorer reads. */
export const MODEL_FILES: readonly string[] = [MANIFEST, ...MODEL_DOCUMENTS, ...SCORER_EXTRA_FILES];

/**
 * The scorer's model, loaded through loadModelDirFiles; `label` (the folder) prefixes the file
 * named in a ModelDirError (`<label>/meta.json: …`).
 */
export function loadScorerModel(files: ReadonlyMap<string, Uint8Array>, fallbackName = 'model', label = ''): ScorerModel {
  const loaded = loadModelDirFiles(files, label);
  const meta = loaded.meta as Record<string, unknown> & typeof loaded.meta;
  const report = loaded.documents.report as Record<string, unknown> | undefined;
  const reference = parseJsonFile(files, 'reference-profile.json', true);
  const profile = (referenceRanges(reference) ?? reference ?? parseJsonFile(files, 'profile.json', true)) as ScorerModel['profile'];
  let inputs: InputField[];
  let dropped: { column: string; reason: string }[];
  if (isTableToMatrix(loaded.pipeline)) {
    const state = loaded.pipeline as unknown as TableToMatrixState;
    inputs = state.features.map((f) => (f.kind === 'numeric'
      ? { name: f.name, type: 'number', storage: 'numeric' }
      : { name: f.name, type: 'categorical', storage: 'string', categories: f.categories ?? [] }));
    dropped = state.dropped;
  } else {
    const spec = loaded.pipeline as unknown as FeaturePipelineSpec;
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
    task: loaded.task,
    target: meta.target,
    classes: meta.classes,
    positiveClass: meta.positiveClass,
    inputs,
    dropped,
    metrics: modelMetrics(meta, report),
    meta,
    ...(report ? { report } : {}),
    ...(profile ? { profile } : {}),
    ...(reference ? { reference } : {}),
    toMatrix: loaded.toMatrix,
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
