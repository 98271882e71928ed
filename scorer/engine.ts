// The scoring core the server calls, behind one interface so the JS learners and an ONNX runtime
// are interchangeable. THE SEAM: `createEngine(files)` is the only place that decides which engine
// scores: the ONNX engine (onnxruntime-node) whenever the files hold `model.onnx` — every bundle
// `tourney export` writes, and `tourney serve <model-dir>`, which exports it in memory first
// (scorer/model-onnx.ts) — else the NATIVE engine (the kernels `tourney predict` runs), for a
// bundle written before the exporter existed.
import type { Matrix } from '../kernels/learn/matrix';
import { loadModel } from '../kernels/learn/load-model';
import { loadTournamentModel } from '../kernels/tournament/tournament-model';
import { ModelFileError, parseJsonFile } from './model-files';
import { createOnnxEngine, type OnnxEngineOptions } from './onnx-engine';

export interface ScoringEngine {
  /** Which implementation scores (shown by /v1/model and the access log). */
  readonly kind: 'native' | 'onnx';
  /** Classes per row of score()'s output (1 for binary and regression). */
  readonly nClasses: number;
  /**
   * FittedModel.predict's shape: binary P(positive class) per row, multiclass n × k row-major
   * probabilities, regression values.
   */
  score(X: Matrix, options?: ScoreOptions): Promise<Float64Array>;
  /**
   * Runs of this many rows or more are scored off the event loop (the ONNX engine with more than
   * one thread): a caller with more rows splits them into runs of this size, so that its own work on
   * one run overlaps the model's on the next. Undefined: every run blocks the event loop.
   */
  readonly offloadRows?: number;
  /** Frees what the engine holds outside the JS heap (the ONNX session); the multi-model cache calls it on eviction. */
  release?(): Promise<void>;
}

export interface ScoreOptions {
  /** Score on the event loop even at the offload size (the caller has nothing else to do meanwhile). */
  onEventLoop?: boolean;
}

/** The engine for a model directory's files (name → bytes); `options` apply to the ONNX engine. */
export async function createEngine(files: ReadonlyMap<string, Uint8Array>, options: OnnxEngineOptions = {}): Promise<ScoringEngine> {
  const onnx = files.get('model.onnx');
  if (!onnx) return createNativeEngine(files);
  try {
    return await createOnnxEngine(onnx, options);
  } catch (err) {
    throw new ModelFileError(`model.onnx: ${(err as Error).message.split('\n')[0]}`, { cause: err });
  }
}

/** The JS learners: tournament.json (members, weights, calibration) or a single model.json. */
export function createNativeEngine(files: ReadonlyMap<string, Uint8Array>): ScoringEngine {
  const name = files.has('tournament.json') ? 'tournament.json' : 'model.json';
  const json = parseJsonFile(files, name);
  let model: { nClasses: number; predict(X: Matrix): Float64Array };
  try {
    model = name === 'tournament.json' ? loadTournamentModel(json) : loadModel(json);
  } catch (err) {
    throw new ModelFileError(`${name}: ${(err as Error).message}`, { cause: err });
  }
  return { kind: 'native', nClasses: model.nClasses, score: async (X) => model.predict(X) };
}
