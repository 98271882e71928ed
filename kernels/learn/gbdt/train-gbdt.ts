// Gradient boosting (LightGBM's GBDT loop): bin the matrix, start from the average label, then
// each round compute gradients, optionally sample rows and features, grow one tree per output on
// the gradients, shrink it by the learning rate and add it to the scores. Optional early stopping
// on a validation set keeps the best round. Deterministic for a seed.
import { binMatrix, binWithMappers, type BinnedDataset } from '../dataset/binned-dataset';
import { createRandom, sampleSorted, type Random } from '../../random/random';
import type { Labels, Matrix } from '../matrix';
import { createObjective } from '../objective/create-objective';
import type { Objective } from '../objective/objective';
import { addTreeBinned } from '../treelearner/predict-binned';
import type { Tree } from '../tree/tree';
import { TreeEnsembleModel, type Link } from '../tree/tree-ensemble-model';
import { type SharedGradients, type TreeHelperPort } from '../treelearner/tree-helper';
import { TreeLearner } from '../treelearner/tree-learner';
import { QUANTIZED_MIN_ROWS, resolveGbdtParams, type GbdtParams } from './params';

export interface GbdtProgress {
  iteration: number;
  /** Present when `monitorTrainLoss` is set. */
  trainLoss?: number;
  /** Present with a validation set. */
  validLoss?: number;
}

export interface GbdtFitOptions {
  validation?: { X: Matrix; labels: Labels };
  /** Compute the training loss after every round (costs one pass over the rows). */
  monitorTrainLoss?: boolean;
  /** Called after every round; return false to stop. */
  onIteration?: (progress: GbdtProgress) => boolean | void;
  /**
   * A second thread for large leaves (workers/tree-helper.ts); the model is bit-identical with
   * and without it. Used when every tree sees every feature (the row-ordered learner).
   */
  helper?: TreeHelperPort;
}

export function fitGbdt(X: Matrix, labels: Labels, given: Partial<GbdtParams> | Record<string, unknown> = {}, options: GbdtFitOptions = {}): TreeEnsembleModel {
  const params = resolveGbdtParams(given as Record<string, unknown>);
  checkLabels(X, labels);
  const nClasses = labels.task === 'regression' ? 1 : labels.task === 'binary' ? 2 : classCount(labels);
  const objective = createObjective(labels.task, nClasses, params.objective, params.huberDelta);
  const data = binMatrix(X, { bins: params.bins, seed: params.seed });
  const validation = options.validation
    ? { data: binWithMappers(options.validation.X, data.mappers), y: options.validation.labels.y, w: options.validation.labels.weights }
    : null;
  const { trees, initScores, bestIteration, iterations } = boost({ data, labels, objective, p: params, validation, options });
  const link: Link = objective.name === 'binary' ? 'logistic' : objective.name === 'multiclass' ? 'softmax' : 'identity';
  return new TreeEnsembleModel({
    family: 'gbdt',
    task: labels.task,
    nClasses: labels.task === 'regression' ? 1 : nClasses,
    featureNames: X.featureNames.slice(),
    link,
    trees,
    initScores: Array.from(initScores),
    treeScale: 1,
    params: { ...params },
    info: { objective: objective.name, iterations, bestIteration },
  });
}

function classCount(labels: Labels): number {
  let max = 0;
  for (let i = 0; i < labels.y.length; i++) max = Math.max(max, labels.y[i]);
  return Math.max(labels.classes?.length ?? 0, max + 1);
}

export function checkLabels(X: Matrix, labels: Labels): void {
  if (labels.y.length !== X.nRows) throw new Error(`labels have ${labels.y.length} rows, the matrix has ${X.nRows}`);
  if (X.nRows === 0) throw new Error('cannot train on zero rows');
  for (let i = 0; i < labels.y.length; i++) {
    const v = labels.y[i];
    if (!Number.isFinite(v)) throw new Error(`label of row ${i + 1} is missing or not a number`);
    if (labels.task !== 'regression' && (v < 0 || !Number.isInteger(v))) {
      throw new Error(`label of row ${i + 1} is ${v}, expected a class code 0..k-1`);
    }
    if (labels.task === 'binary' && v > 1) throw new Error(`label of row ${i + 1} is ${v}, expected 0 or 1 for a binary task`);
  }
  if (labels.weights && labels.weights.length !== X.nRows) {
    throw new Error(`weights have ${labels.weights.length} rows, the matrix has ${X.nRows}`);
  }
}

interface ValidationData {
  data: BinnedDataset;
  y: Float64Array;
  w?: Float64Array;
}

/** What a boosting run works on. */
interface BoostJob {
  data: BinnedDataset;
  labels: Labels;
  objective: Objective;
  p: GbdtParams;
  validation: ValidationData | null;
  options: GbdtFitOptions;
}

interface BoostResult {
  trees: Tree[];
  initScores: Float64Array;
  bestIteration: number;
  iterations: number;
}

function boost(job: BoostJob): BoostResult {
  const { data, labels, objective, p, options } = job;
  const n = data.nRows;
  // Row-ordered histograms pay off when trees use every feature (they always build all).
  const rowOrdered = p.featureFraction === 1;
  // A one-output loss lets the learner hold its per-row arrays: in the WebAssembly kernels'
  // memory (gradients computed there, read without a copy) or on shared memory for a helper
  // thread that computes half of every round's gradients.
  const loop = rowOrdered && objective.nOutputs === 1
    ? { objective: { task: labels.task, name: p.objective, huberDelta: p.huberDelta }, y: labels.y, weights: labels.weights }
    : undefined;
  const learner = new TreeLearner(
    data,
    { ...p, rowOrdered, quantizedGradients: p.quantizedGradients && n >= QUANTIZED_MIN_ROWS },
    { helper: options.helper, loop },
  );
  const shared = learner.loopArrays ?? undefined;
  try {
    return boostWith(learner, shared ? { ...job, labels: { ...labels, y: shared.y, weights: shared.weights } } : job, shared);
  } finally {
    learner.release();
  }
}

function boostWith(learner: TreeLearner, { data, labels, objective, p, validation, options }: BoostJob, shared: SharedGradients | undefined): BoostResult {
  const n = data.nRows;
  const K = objective.nOutputs;
  const y = labels.y;
  const w = labels.weights;
  const random = createRandom(p.seed);
  const initScores = objective.initScores(y, w);
  const scores = shared?.scores ?? new Float64Array(n * K);
  for (let k = 0; k < K; k++) scores.fill(initScores[k], k * n, (k + 1) * n);
  const grad = shared?.grad ?? new Float32Array(n * K);
  const hess = shared?.hess ?? new Float32Array(n * K);
  const validScores = validation ? new Float64Array(validation.data.nRows * K) : null;
  if (validation && validScores) {
    const nv = validation.data.nRows;
    for (let k = 0; k < K; k++) validScores.fill(initScores[k], k * nv, (k + 1) * nv);
  }

  const bagging = p.baggingFraction < 1;
  const bagSize = bagging ? Math.max(1, Math.round(p.baggingFraction * n)) : n;
  const bagRows = bagging ? new Uint32Array(bagSize) : null;
  const outOfBag = bagging ? new Uint8Array(n) : null; // 1 = in bag, so skipped by addTreeBinned
  const allFeatures = Int32Array.from({ length: data.nFeatures }, (_, f) => f);
  const nTreeFeatures = Math.max(1, Math.round(p.featureFraction * data.nFeatures));

  const trees: Tree[] = [];
  let bestLoss = Infinity;
  let bestIteration = -1;
  let iteration = 0;
  for (; iteration < p.trees; iteration++) {
    learner.gradients(objective, y, scores, w, grad, hess);
    if (bagging && bagRows && outOfBag && (iteration === 0 || (p.baggingFreq > 0 && iteration % p.baggingFreq === 0))) {
      sampleSorted(random, n, bagSize, bagRows);
      outOfBag.fill(0);
      for (let i = 0; i < bagSize; i++) outOfBag[bagRows[i]] = 1;
    }
    const features = nTreeFeatures < data.nFeatures ? sampleFeatures(random, data.nFeatures, nTreeFeatures) : allFeatures;
    for (let k = 0; k < K; k++) {
      const g = grad.subarray(k * n, (k + 1) * n);
      const h = hess.subarray(k * n, (k + 1) * n);
      const tree = learner.train(g, h, bagRows, bagSize, features, random);
      tree.scale(p.learningRate);
      addLeafValues(learner, tree, scores, k * n);
      if (outOfBag) addTreeBinned(tree, data, scores, k * n, outOfBag);
      if (validation && validScores) addTreeBinned(tree, validation.data, validScores, k * validation.data.nRows, null);
      trees.push(tree);
    }
    const progress: GbdtProgress = { iteration };
    if (options.monitorTrainLoss) progress.trainLoss = objective.loss(y, scores, w);
    let stop = false;
    if (validation && validScores) {
      const loss = objective.loss(validation.y, validScores, validation.w);
      progress.validLoss = loss;
      if (loss < bestLoss) {
        bestLoss = loss;
        bestIteration = iteration;
      } else if (p.earlyStoppingRounds > 0 && iteration - bestIteration >= p.earlyStoppingRounds) {
        stop = true;
      }
    }
    if (options.onIteration?.(progress) === false) stop = true;
    if (stop) {
      iteration++;
      break;
    }
  }
  if (validation && p.earlyStoppingRounds > 0 && bestIteration >= 0) {
    trees.length = (bestIteration + 1) * K;
  } else bestIteration = iteration - 1;
  return { trees, initScores, bestIteration, iterations: iteration };
}

/** Adds each leaf's value to the scores of the rows the learner put in it. */
function addLeafValues(learner: TreeLearner, tree: Tree, scores: Float64Array, offset: number): void {
  for (let l = 0; l < tree.nLeaves; l++) {
    const v = tree.leafValue[l];
    const rows = learner.leafRows(l);
    for (let k = 0; k < rows.length; k++) scores[offset + rows[k]] += v;
  }
}

function sampleFeatures(random: Random, nFeatures: number, k: number): Int32Array {
  return Int32Array.from(sampleSorted(random, nFeatures, k));
}
