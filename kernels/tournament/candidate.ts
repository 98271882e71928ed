// Evaluating one candidate configuration on one fold (fit on the fold's training matrix, predict
// its validation rows), and refitting a chosen configuration on all training rows. Both are pure
// functions of the prepared data and the request, so a worker and the inline executor give the
// same numbers; seeds derive from the candidate and the fold, never from which worker ran it.
import { fitModel, keptRounds } from '../learn/fit';
import type { Labels, Task } from '../learn/matrix';
import type { ModelFamily, SerializedModel } from '../learn/model';
import type { PreparedData } from './prepare';
import { deriveSeed } from './random';
import type { Params } from './search-space';

export interface EvaluateRequest {
  candidateId: number;
  family: ModelFamily;
  params: Params;
  fold: number;
  seed: number;
  /** Wall-clock time (Date.now() ms) at which the fit gives up: the search's deadline. */
  stopAt?: number;
}

export interface FoldResult {
  candidateId: number;
  fold: number;
  /** Predictions for the fold's validation rows, in FittedModel.predict's shape. */
  predictions: Float64Array;
  /** Seconds from matrix to fitted model and predictions. */
  seconds: number;
  /** Boosting rounds kept by early stopping (GBDT). */
  rounds?: number;
  /** The fit was cut short by `stopAt`: its predictions do not count. */
  truncated?: boolean;
}

export interface RefitRequest {
  family: ModelFamily;
  params: Params;
  seed: number;
  /** 'train': training rows (the test rows are scored); 'final': every row. */
  part: 'train' | 'final';
  /** Boosting rounds to train without early stopping (from the folds). */
  rounds?: number;
}

export interface RefitResult {
  model: SerializedModel;
  seconds: number;
  /** Predictions for the test rows (part 'train' with a test split). */
  testPredictions?: Float64Array;
}

/** Tournament-level parameters, applied around the learner rather than passed to it. */
const TOURNAMENT_PARAMS = ['classWeight'];

function learnerParams(params: Params): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) if (!TOURNAMENT_PARAMS.includes(k)) out[k] = v;
  return out;
}

/** Class weights n / (k · n_c) as sample weights when the candidate asks for 'balanced'. */
export function candidateLabels(task: Task, y: Float64Array, classes: string[] | undefined, params: Params): Labels {
  const labels: Labels = { task, y, ...(classes ? { classes } : {}) };
  if (params.classWeight !== 'balanced' || task === 'regression') return labels;
  const counts = new Map<number, number>();
  for (let i = 0; i < y.length; i++) counts.set(y[i], (counts.get(y[i]) ?? 0) + 1);
  const weights = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) weights[i] = y.length / (counts.size * counts.get(y[i])!);
  return { ...labels, weights };
}

const now = () => globalThis.performance.now();

export function evaluateOnFold(data: PreparedData, request: EvaluateRequest): FoldResult {
  const fold = data.folds[request.fold];
  if (!fold) throw new Error(`fold ${request.fold} does not exist (${data.folds.length} folds)`);
  const started = now();
  const labels = candidateLabels(data.task, fold.trainY, data.classes, request.params);
  const validation = { X: fold.valid, labels: { task: data.task, y: fold.validY, ...(data.classes ? { classes: data.classes } : {}) } };
  let truncated = false;
  const stopAt = request.stopAt ?? Infinity;
  const control = data.control;
  const model = fitModel(request.family, fold.train, labels, learnerParams(request.params), {
    seed: deriveSeed(request.seed, request.candidateId, request.fold),
    validation,
    shouldStop: () => (truncated ||= Date.now() > Math.min(stopAt, control ? control[0] : Infinity)),
  });
  if (truncated) return { candidateId: request.candidateId, fold: request.fold, predictions: new Float64Array(0), seconds: (now() - started) / 1000, truncated };
  const predictions = model.predict(fold.valid);
  return {
    candidateId: request.candidateId,
    fold: request.fold,
    predictions,
    seconds: (now() - started) / 1000,
    rounds: keptRounds(model),
  };
}

export function refitCandidate(data: PreparedData, request: RefitRequest): RefitResult {
  const part = request.part === 'final' ? data.final ?? data.refit : data.refit;
  const started = now();
  const params = learnerParams(request.params);
  if (request.rounds !== undefined) {
    params.trees = request.rounds;
    params.earlyStoppingRounds = 0;
  }
  const labels = candidateLabels(data.task, part.y, data.classes, request.params);
  const model = fitModel(request.family, part.X, labels, params, { seed: request.seed });
  const seconds = (now() - started) / 1000;
  const testPredictions = request.part === 'train' && part.test ? model.predict(part.test) : undefined;
  return { model: model.toJSON(), seconds, ...(testPredictions ? { testPredictions } : {}) };
}
