// The scoring core the server calls, behind one interface so the JS learners and an ONNX runtime
// are interchangeable. THE SEAM: `createEngine(files)` is the only place that decides which engine
// scores. Today it builds the NATIVE engine (the same kernels `tourney predict` runs); when the
// bundle carries `model.onnx`, this function is where the ONNX engine
// (`createOnnxEngine(bytes)` on onnxruntime-node) plugs in — nothing else in the server changes.
import type { Matrix } from '../kernels/learn/matrix';
import { loadModel } from '../kernels/learn/load-model';
import { loadTournamentModel } from '../kernels/tournament/tournament-model';
import { ModelFileError, parseJsonFile } from './model-files';

export interface ScoringEngine {
  /** Which implementation scores (shown by /v1/model and the access log). */
  readonly kind: 'native' | 'onnx';
  /** The matrix's row count this engine predicts for: classes per row (1 for binary and regression). */
  readonly nClasses: number;
  /**
   * FittedModel.predict's shape: binary P(positive class) per row, multiclass n × k row-major
   * probabilities, regression values.
   */
  score(X: Matrix): Promise<Float64Array>;
}

/** The engine for a model directory's files (name → bytes). */
export async function createEngine(files: ReadonlyMap<string, Uint8Array>): Promise<ScoringEngine> {
  // ONNX slot: `if (files.has('model.onnx')) return createOnnxEngine(files.get('model.onnx')!)`.
  return createNativeEngine(files);
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
