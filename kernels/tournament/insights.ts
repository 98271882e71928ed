// What the tournament tells about its winner: evaluation curves on the test rows (or out of
// fold without a test split) — ROC, precision–recall, lift/gains, reliability, confusion matrix
// or residuals —, global importance by derived feature and by raw column, and an "above chance"
// check: the winner's score against the scores the same predictions get when the labels are
// shuffled (a permutation baseline), as in the product's "% of models above chance" dashboard.
import {
  calibrationCurve, confusionMatrix, gainsCurve, liftTable, prCurve, rocCurve, argmaxRows,
  type Metric,
} from '../learn/metric';
import type { CalibrationBin } from '../learn/metric/calibration';
import type { LiftBin } from '../learn/metric/gains';
import type { Task } from '../learn/matrix';
import { featureToColumn, sumByColumn } from './feature-columns';
import { createRandom, shuffleInPlace, TOURNAMENT_STREAM } from '../random/random';
import { TournamentModel, type TournamentModelJSON } from './tournament-model';

export interface Points {
  x: number[];
  y: number[];
}

export interface AboveChance {
  score: number;
  /** Mean and 95th-percentile (in the metric's better direction) of the shuffled-label scores. */
  baselineMean: number;
  baselineQuantile95: number;
  permutations: number;
  /** Share of permutations scoring at least as well, with the +1 correction. */
  pValue: number;
  above: boolean;
}

export interface TournamentInsights {
  evaluatedOn: 'test' | 'out-of-fold';
  rows: number;
  roc?: Points;
  pr?: Points;
  gains?: Points;
  lift?: LiftBin[];
  /** Binary: reliability of the shipped probabilities; before/after calibration when calibrated. */
  reliability?: { before?: CalibrationBin[]; after: CalibrationBin[] };
  confusion?: { classes: string[]; matrix: number[][] };
  /** Regression: a sample of (predicted, residual) pairs and the residual histogram. */
  residuals?: { predicted: number[]; residual: number[]; histogram: { lower: number; upper: number; count: number }[] };
  importance: { byFeature: { feature: string; importance: number }[]; byColumn: { column: string; importance: number }[] };
  aboveChance: AboveChance;
}

export interface InsightsInput {
  task: Task;
  nClasses: number;
  classes?: string[];
  metric: Metric;
  seed: number;
  evaluation: { on: 'test' | 'out-of-fold'; y: Float64Array; predictions: Float64Array };
  reliabilityBefore?: { y: Float64Array; predictions: Float64Array };
  reliabilityAfter?: { y: Float64Array; predictions: Float64Array };
  model: TournamentModelJSON;
  pipeline: unknown;
}

const MAX_POINTS = 200;
const PERMUTATIONS = 199;

/** At most MAX_POINTS points, evenly spaced along the curve, first and last kept. */
function thin(xs: ArrayLike<number>, ys: ArrayLike<number>): Points {
  const n = xs.length;
  const step = Math.max(1, Math.ceil(n / MAX_POINTS));
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i += step) {
    x.push(xs[i]);
    y.push(ys[i]);
  }
  if (n && (n - 1) % step !== 0) {
    x.push(xs[n - 1]);
    y.push(ys[n - 1]);
  }
  return { x, y };
}

/** The metric on shuffled labels, PERMUTATIONS times: what a model with no signal would score. */
export function permutationBaseline(metric: Metric, task: Task, y: Float64Array, predictions: Float64Array, seed: number, permutations = PERMUTATIONS): AboveChance {
  const score = metric.compute(y, predictions, task);
  const random = createRandom(seed, TOURNAMENT_STREAM);
  const shuffled = Float64Array.from(y);
  const scores: number[] = [];
  for (let p = 0; p < permutations; p++) {
    shuffleInPlace(shuffled, random);
    const s = metric.compute(shuffled, predictions, task);
    if (Number.isFinite(s)) scores.push(s);
  }
  const sign = metric.higherIsBetter ? 1 : -1;
  const atLeastAsGood = scores.filter((s) => sign * s >= sign * score).length;
  const sorted = scores.map((s) => sign * s).sort((a, b) => a - b);
  const q95 = sorted.length ? sign * sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] : NaN;
  const pValue = (atLeastAsGood + 1) / (scores.length + 1);
  return {
    score,
    baselineMean: scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length),
    baselineQuantile95: q95,
    permutations: scores.length,
    pValue,
    above: Number.isFinite(score) && pValue < 0.05,
  };
}

function residualInsight(y: Float64Array, predictions: Float64Array, seed: number): TournamentInsights['residuals'] {
  const n = y.length;
  const residual = Float64Array.from(y, (v, i) => v - predictions[i]);
  const order = shuffleInPlace(Uint32Array.from({ length: n }, (_, i) => i), createRandom(seed, TOURNAMENT_STREAM)).slice(0, Math.min(n, 1000));
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of residual) {
    lo = Math.min(lo, r);
    hi = Math.max(hi, r);
  }
  const bins = 30;
  const width = hi > lo ? (hi - lo) / bins : 1;
  const histogram = Array.from({ length: bins }, (_, b) => ({ lower: lo + b * width, upper: lo + (b + 1) * width, count: 0 }));
  for (const r of residual) histogram[Math.min(bins - 1, Math.floor((r - lo) / width))].count++;
  return { predicted: Array.from(order, (i) => predictions[i]), residual: Array.from(order, (i) => residual[i]), histogram };
}

export function computeInsights(input: InsightsInput): TournamentInsights {
  const { task, evaluation } = input;
  const { y, predictions } = evaluation;
  const insights: TournamentInsights = {
    evaluatedOn: evaluation.on,
    rows: y.length,
    importance: globalImportance(input.model, input.pipeline),
    aboveChance: permutationBaseline(input.metric, task, y, predictions, input.seed),
  };
  if (task === 'binary') {
    const roc = rocCurve(y, predictions);
    insights.roc = thin(roc.fpr, roc.tpr);
    const pr = prCurve(y, predictions);
    insights.pr = thin(pr.recall, pr.precision);
    const gains = gainsCurve(y, predictions);
    insights.gains = thin(gains.population, gains.gain);
    insights.lift = liftTable(y, predictions, 10);
    insights.reliability = {
      ...(input.reliabilityBefore ? { before: calibrationCurve(input.reliabilityBefore.y, input.reliabilityBefore.predictions, 10) } : {}),
      after: calibrationCurve(y, predictions, 10),
    };
    insights.confusion = { classes: input.classes ?? ['0', '1'], matrix: confusionMatrix(y, Float64Array.from(predictions, (p) => (p >= 0.5 ? 1 : 0)), 2) };
  } else if (task === 'multiclass') {
    insights.confusion = { classes: input.classes ?? [], matrix: confusionMatrix(y, argmaxRows(predictions, y.length), input.nClasses) };
  } else {
    insights.residuals = residualInsight(y, predictions, input.seed);
  }
  return insights;
}

export function globalImportance(model: TournamentModelJSON, pipeline: unknown): TournamentInsights['importance'] {
  const fitted = new TournamentModel(model);
  const names = fitted.explainedNames();
  const importance = fitted.featureImportance();
  const byFeature = names.map((feature, j) => ({ feature, importance: importance[j] })).sort((a, b) => b.importance - a.importance);
  const byColumn = sumByColumn(importance, featureToColumn(pipeline, names)).map(({ column, value }) => ({ column, importance: value }));
  return { byFeature, byColumn };
}
