// The metric registry the tournament scores with. Every metric takes predictions in
// FittedModel.predict's shape: binary P(class 1), multiclass row-major n × k probabilities,
// regression values. Hard labels come from a 0.5 threshold (binary) or the arg-max (multiclass).
import type { Task } from '../matrix';
import { accuracy } from './accuracy';
import { auroc } from './auroc';
import { averagePrecision } from './average-precision';
import { balancedAccuracy } from './balanced-accuracy';
import { brierScore, multiclassBrierScore } from './brier';
import { argmaxRows, labelsAtThreshold } from './classify';
import { binaryLogloss, multiclassLogloss } from './logloss';
import { mae } from './mae';
import { multiclassAuroc } from './multiclass-auroc';
import { oneVsRestMacro } from './one-vs-rest';
import { f1Score, macroF1 } from './precision-recall';
import { r2 } from './r2';
import { rmse } from './rmse';

export type MetricName =
  | 'auroc' | 'aupr' | 'logloss' | 'accuracy' | 'balanced_accuracy' | 'f1' | 'brier'
  | 'rmse' | 'mae' | 'r2';

export interface Metric {
  name: MetricName;
  higherIsBetter: boolean;
  /** Tasks the metric is defined for. */
  tasks: readonly Task[];
  compute(yTrue: ArrayLike<number>, predictions: ArrayLike<number>, task: Task): number;
}

const CLASSIFICATION: readonly Task[] = ['binary', 'multiclass'];
const REGRESSION: readonly Task[] = ['regression'];

function hardLabels(yTrue: ArrayLike<number>, predictions: ArrayLike<number>, task: Task): ArrayLike<number> {
  return task === 'binary' ? labelsAtThreshold(predictions, 0.5) : argmaxRows(predictions, yTrue.length);
}

const METRICS: Record<MetricName, Omit<Metric, 'name'>> = {
  auroc: {
    higherIsBetter: true,
    tasks: CLASSIFICATION,
    compute: (y, p, task) => (task === 'binary' ? auroc(y, p) : multiclassAuroc(y, p)),
  },
  aupr: {
    higherIsBetter: true,
    tasks: CLASSIFICATION,
    compute: (y, p, task) => (task === 'binary' ? averagePrecision(y, p) : macroAveragePrecision(y, p)),
  },
  logloss: {
    higherIsBetter: false,
    tasks: CLASSIFICATION,
    compute: (y, p, task) => (task === 'binary' ? binaryLogloss(y, p) : multiclassLogloss(y, p)),
  },
  accuracy: {
    higherIsBetter: true,
    tasks: CLASSIFICATION,
    compute: (y, p, task) => accuracy(y, hardLabels(y, p, task)),
  },
  balanced_accuracy: {
    higherIsBetter: true,
    tasks: CLASSIFICATION,
    compute: (y, p, task) => balancedAccuracy(y, hardLabels(y, p, task)),
  },
  f1: {
    higherIsBetter: true,
    tasks: CLASSIFICATION,
    // Binary: F1 of class 1; multiclass: macro average.
    compute: (y, p, task) => (task === 'binary' ? f1Score(y, hardLabels(y, p, task)) : macroF1(y, hardLabels(y, p, task))),
  },
  brier: {
    higherIsBetter: false,
    tasks: CLASSIFICATION,
    compute: (y, p, task) => (task === 'binary' ? brierScore(y, p) : multiclassBrierScore(y, p)),
  },
  rmse: { higherIsBetter: false, tasks: REGRESSION, compute: (y, p) => rmse(y, p) },
  mae: { higherIsBetter: false, tasks: REGRESSION, compute: (y, p) => mae(y, p) },
  r2: { higherIsBetter: true, tasks: REGRESSION, compute: (y, p) => r2(y, p) },
};

export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

export function getMetric(name: string): Metric {
  const m = METRICS[name as MetricName];
  if (!m) throw new Error(`unknown metric "${name}"; known metrics: ${METRIC_NAMES.join(', ')}`);
  const metricName = name as MetricName;
  return {
    name: metricName,
    higherIsBetter: m.higherIsBetter,
    tasks: m.tasks,
    compute(yTrue, predictions, task) {
      if (!m.tasks.includes(task)) {
        throw new Error(`metric "${metricName}" does not apply to ${task} tasks (it is for ${m.tasks.join('/')})`);
      }
      return m.compute(yTrue, predictions, task);
    },
  };
}

/** Metric names that apply to a task. */
export function metricsFor(task: Task): MetricName[] {
  return METRIC_NAMES.filter((n) => METRICS[n].tasks.includes(task));
}

/** The metric the tournament optimises unless told otherwise. */
export function defaultMetric(task: Task): MetricName {
  return task === 'binary' ? 'auroc' : task === 'multiclass' ? 'logloss' : 'rmse';
}

function macroAveragePrecision(y: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  return oneVsRestMacro(y, probabilities, averagePrecision);
}

export { accuracy, auroc, averagePrecision, balancedAccuracy, binaryLogloss, brierScore, mae, macroF1, multiclassAuroc, multiclassBrierScore, multiclassLogloss, r2, rmse, f1Score };
export { confusionMatrix } from './confusion-matrix';
export { precisionRecallAt, binaryCounts } from './precision-recall';
export { rocCurve } from './roc-curve';
export { prCurve } from './pr-curve';
export { gainsCurve, liftTable } from './gains';
export { calibrationCurve } from './calibration';
export { argmaxRows, labelsAtThreshold } from './classify';
