// Random forest / extra trees hyperparameters. Trees are grown without a leaf budget by default
// (maxLeaves 0), like scikit-learn, on bootstrap samples with features sampled at every split.
import { resolveParams } from '../gbdt/params';
import type { Task } from '../matrix';

export interface ForestParams {
  trees: number;
  /** 0: unlimited. */
  maxLeaves: number;
  /** ≤ 0: unlimited. */
  maxDepth: number;
  bins: number;
  minDataInLeaf: number;
  minSumHessianInLeaf: number;
  minSplitGain: number;
  lambdaL2: number;
  /** Fraction of features tried at each split; 0 picks √F/F for classification and 1/3 for regression. */
  featureFractionByNode: number;
  /** Sample rows with replacement for each tree. */
  bootstrap: boolean;
  /** Random thresholds (extremely randomised trees). */
  extraTrees: boolean;
  seed: number;
}

export const FOREST_DEFAULTS: ForestParams = {
  trees: 100,
  maxLeaves: 0,
  maxDepth: -1,
  bins: 255,
  minDataInLeaf: 3,
  minSumHessianInLeaf: 0,
  minSplitGain: 0,
  lambdaL2: 0,
  featureFractionByNode: 0,
  bootstrap: true,
  extraTrees: false,
  seed: 0,
};

export function resolveForestParams(given: Record<string, unknown> = {}): ForestParams {
  // maxLeaves skips the shared check (GBDT's "integer ≥ 2"), which would reject 0, the default.
  const { maxLeaves, ...rest } = given;
  const p = resolveParams(FOREST_DEFAULTS, rest, 'forest');
  if (maxLeaves !== undefined) {
    if (typeof maxLeaves !== 'number' || !(maxLeaves === 0 || (Number.isInteger(maxLeaves) && maxLeaves >= 2))) {
      throw new Error(`forest parameter "maxLeaves" must be 0 (unlimited) or an integer ≥ 2, got ${JSON.stringify(maxLeaves)}`);
    }
    p.maxLeaves = maxLeaves;
  }
  if (given.featureFractionByNode === 0) throw new Error('forest parameter "featureFractionByNode" must be in (0, 1]');
  return p;
}

/** scikit-learn's rules, so "√F" means the same number of features here and there: ⌊√F⌋ (at least 1). */
export function defaultFeatureFraction(task: Task, nFeatures: number): number {
  if (nFeatures <= 0) return 1;
  return task === 'regression' ? Math.max(1 / nFeatures, 1 / 3) : Math.max(1, Math.floor(Math.sqrt(nFeatures))) / nFeatures;
}
