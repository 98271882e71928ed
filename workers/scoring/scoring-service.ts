// The app's scoring, as the exported service scores: a model directory's files → model.onnx
// exported by the same code as `tourney export` (scorer/model-onnx.ts), run on onnxruntime-web's
// plain WASM build; the feature pipeline replays before it in JavaScript (the same kernels code the
// bundle's server.js carries), and request rows become the input table through the server's own
// input checks (scorer/input-table.ts). The ONNX runtime is passed in, so this file runs in the
// app's scoring worker and, in unit tests, in Node.
import { formatPredictions } from '../../kernels/learn/predictions-csv';
import type { Matrix } from '../../kernels/learn/matrix';
import { ONNX_INPUT } from '../../kernels/onnx';
import { readMetadata } from '../../kernels/onnx/proto';
import type { DataTable } from '../../kernels/table/types';
import { takeRows } from '../../kernels/tournament/take-rows';
import { compileSchema, tableFromCsvTable, tableFromJsonRows, type CompiledSchema, type InputStats } from '../../scorer/input-table';
import { loadScorerModel, type ScorerModel } from '../../scorer/load-model';
import { withModelOnnx } from '../../scorer/model-onnx';
import { predictionWriter } from '../../scorer/server/predictions-json';

/** onnxruntime-web's WASM build (`onnxruntime-web/wasm`), never a WebGPU/WebGL one. */
export type OrtWasm = typeof import('onnxruntime-web/wasm');

/** What the UI shows about a loaded model: the scorer model's plain facts (it crosses to the main thread). */
export type ScorerInfo = Pick<ScorerModel, 'name' | 'version' | 'task' | 'target' | 'classes' | 'positiveClass' | 'inputs'> & {
  /** Size of the exported model.onnx. */
  onnxBytes: number;
};

export interface OnnxScorer {
  info: ScorerInfo;
  model: ScorerModel;
  schema: CompiledSchema;
  /** FittedModel.predict's shape: binary P(positive), multiclass n × k row-major, regression values. */
  score(X: Matrix): Promise<Float64Array>;
  release(): Promise<void>;
}

/** One row's answer, as the service's /v1/predict gives it. */
export interface RowPrediction {
  prediction: string | number;
  probabilities?: Record<string, number>;
  /** Inputs the row left empty, and inputs whose value the model never saw in training. */
  missing: string[];
  unseen: string[];
}

export interface BatchProgress {
  rows: number;
  total: number;
}

export interface BatchResult {
  /** `tourney predict`'s CSV: one line per input row, in order. */
  csv: string;
  rows: number;
  rowsWithMissing: number;
  rowsOutOfRange: number;
  unknownColumns: number;
  unseen: Record<string, number>;
  seconds: number;
}

export class ScoringCancelledError extends Error {
  constructor() {
    super('scoring was cancelled');
    this.name = 'ScoringCancelledError';
  }
}

/** Loads the files (a model directory, or a bundle; `name` when meta.json has none) and starts an onnxruntime-web session on its ONNX export. */
export async function loadOnnxScorer(ort: OrtWasm, modelFiles: ReadonlyMap<string, Uint8Array>, label: string, name = label): Promise<OnnxScorer> {
  const files = withModelOnnx(modelFiles, label);
  const model = loadScorerModel(files, name, label);
  const onnx = files.get('model.onnx')!;
  const session = await ort.InferenceSession.create(onnx, { executionProviders: ['wasm'], intraOpNumThreads: 1, executionMode: 'sequential' });
  const nFeatures = (JSON.parse(readMetadata(onnx).features ?? '[]') as string[]).length;
  const output = model.task === 'regression' ? 'value' : 'probabilities';
  return {
    info: {
      name: model.name, version: model.version, task: model.task, target: model.target, classes: model.classes,
      positiveClass: model.positiveClass, inputs: model.inputs, onnxBytes: onnx.length,
    },
    model,
    schema: compileSchema(model.inputs),
    async score(X) {
      const n = X.nRows;
      if (n === 0) return new Float64Array(0);
      if (X.columns.length !== nFeatures) throw new Error(`the model expects ${nFeatures} features, the matrix has ${X.columns.length}`);
      const result = await session.run({ [ONNX_INPUT]: new ort.Tensor('float64', rowMajor(X), [n, nFeatures]) }, [output]);
      const values = result[output].data as Float64Array;
      if (model.task !== 'binary') return Float64Array.from(values);
      const p = new Float64Array(n); // [1 − p, p] per row: keep p
      for (let i = 0; i < n; i++) p[i] = values[2 * i + 1];
      return p;
    },
    release: () => session.release(),
  };
}

/** The column-major matrix as the row-major doubles the model's input takes. */
function rowMajor(X: Matrix): Float64Array {
  const F = X.columns.length;
  const out = new Float64Array(X.nRows * F);
  X.columns.forEach((col, j) => {
    for (let i = 0; i < X.nRows; i++) out[i * F + j] = col[i];
  });
  return out;
}

/** Scores one row of field values (text as typed, as a JSON request may send it). */
export async function scoreRow(scorer: OnnxScorer, values: Record<string, unknown>): Promise<RowPrediction> {
  const { table } = tableFromJsonRows(scorer.schema, [values]);
  const scores = await scorer.score(scorer.model.toMatrix(table));
  const [item] = predictionWriter(scorer.model)(scores, 1).items;
  const parsed = JSON.parse(item) as { prediction: string | number; probabilities?: Record<string, number> };
  const missing = table.columns.filter((c) => (c.storage === 'numeric' ? Number.isNaN(c.values[0]) : c.values[0] === null)).map((c) => c.name);
  const unseen = scorer.schema.fields.filter((_, j) => {
    const v = table.columns[j].values[0];
    const known = scorer.schema.known[j];
    return known !== undefined && typeof v === 'string' && !known.has(v);
  }).map((f) => f.name);
  return { ...parsed, missing, unseen };
}

export interface BatchOptions {
  /** Rows per ONNX run (and per progress report). */
  chunkRows?: number;
  onProgress?: (progress: BatchProgress) => void;
  /** Checked between chunks; true stops with ScoringCancelledError. */
  cancelled?: () => boolean;
  /** Between chunks: lets the worker's event loop deliver a cancel (a macrotask turn). */
  yieldTurn?: () => Promise<void>;
}

/**
 * Scores a table (a loaded one, or a file read by kernels/io as `tourney predict` reads it) in
 * chunks: the input checks of the service's CSV body, the pipeline and the ONNX model per chunk.
 * The pipeline's fitted state is per row, so chunking gives the same numbers as one pass.
 */
export async function scoreTable(scorer: OnnxScorer, source: DataTable, options: BatchOptions = {}): Promise<BatchResult> {
  const started = performance.now();
  const { table, stats } = tableFromCsvTable(scorer.schema, source);
  const n = table.rowCount;
  const chunk = Math.max(1, options.chunkRows ?? 4096);
  const k = scorer.model.task === 'multiclass' ? (scorer.model.classes ?? []).length : 1;
  const scores = new Float64Array(n * k);
  for (let start = 0; start < n; start += chunk) {
    if (options.cancelled?.()) throw new ScoringCancelledError();
    const end = Math.min(n, start + chunk);
    const rows = Uint32Array.from({ length: end - start }, (_, i) => start + i);
    scores.set(await scorer.score(scorer.model.toMatrix(takeRows(table, rows))), start * k);
    options.onProgress?.({ rows: end, total: n });
    await options.yieldTurn?.();
  }
  if (options.cancelled?.()) throw new ScoringCancelledError();
  return {
    csv: formatPredictions(k, { task: scorer.model.task, classes: scorer.model.classes }, scores, n),
    ...plainStats(stats),
    seconds: (performance.now() - started) / 1000,
  };
}

function plainStats(stats: InputStats): Omit<BatchResult, 'csv' | 'seconds'> {
  return {
    rows: stats.rows,
    rowsWithMissing: stats.rowsWithMissing,
    rowsOutOfRange: stats.rowsOutOfRange,
    unknownColumns: stats.rows ? stats.unknownFields / stats.rows : 0,
    unseen: Object.fromEntries(stats.unseen),
  };
}
