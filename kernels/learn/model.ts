// What every fitted learner offers, whatever its family. Learners are pure functions from
// (Matrix, Labels, params) to a FittedModel; the tournament, the CLI and the scorer only use this.
import type { Matrix, Task } from './matrix';

export type ModelFamily = 'gbdt' | 'forest' | 'linear' | 'bayes';

export interface FittedModel {
  family: ModelFamily;
  task: Task;
  /** Number of classes for classification (2 for binary), 1 for regression. */
  nClasses: number;
  featureNames: string[];
  /**
   * Regression: predicted values. Binary: probability of class 1.
   * Multiclass: row-major nRows × nClasses probabilities.
   */
  predict(X: Matrix): Float64Array;
  /** Raw scores (margin/log-odds) row-major nRows × nOutputs, nOutputs = 1 unless multiclass. */
  predictRaw(X: Matrix): Float64Array;
  /** Gain-based (trees) or |coefficient|-based (linear) importance, one value per feature. */
  featureImportance(): Float64Array;
  /**
   * Per-row additive contributions to the raw score: row-major nRows × nOutputs × (nFeatures + 1),
   * the last entry of each block is the bias/expected value. They sum to predictRaw.
   */
  contributions(X: Matrix): Float64Array;
  /** Plain JSON; `loadModel(toJSON())` predicts identically. */
  toJSON(): SerializedModel;
}

export interface SerializedModel {
  family: ModelFamily;
  format: number;
  [key: string]: unknown;
}
