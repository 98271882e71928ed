// One entry point for every learner family: the tournament, the CLI and the workers fit any
// candidate through `fitModel`, so adding a family is one case here and one search space.
import { fitForest } from './forest/train-forest';
import { fitGbdt } from './gbdt/train-gbdt';
import { fitLinear } from './linear';
import { fitNaiveBayes, type BayesParams } from './bayes';
import type { Labels, Matrix, Task } from './matrix';
import type { FittedModel, ModelFamily } from './model';
import type { LinearParams } from './linear';

export const MODEL_FAMILIES: readonly ModelFamily[] = ['gbdt', 'forest', 'linear', 'bayes'];

export interface FitOptions {
  /** Seeds every random choice of the learner (sampling, feature subsets, split thresholds). */
  seed: number;
  /** Held-out rows for early stopping (families that support it; others ignore it). */
  validation?: { X: Matrix; labels: Labels };
  /**
   * Polled between boosting rounds / trees; returning true ends the fit early with the model so
   * far (the tournament's deadline). Families without iterations ignore it.
   */
  shouldStop?: () => boolean;
}

/** Whether a family can learn a task at all (naive Bayes is a classifier only). */
export function familySupports(family: ModelFamily, task: Task): boolean {
  return family !== 'bayes' || task !== 'regression';
}

export function fitModel(
  family: ModelFamily,
  X: Matrix,
  labels: Labels,
  params: Record<string, unknown>,
  options: FitOptions,
): FittedModel {
  if (!familySupports(family, labels.task)) throw new Error(`${family} models cannot learn a ${labels.task} task`);
  switch (family) {
    case 'gbdt':
      return fitGbdt(X, labels, { ...params, seed: options.seed }, {
        validation: options.validation,
        onIteration: options.shouldStop ? () => !options.shouldStop!() : undefined,
      });
    case 'linear':
      return fitLinear(X, labels, params as LinearParams);
    case 'bayes':
      return fitNaiveBayes(X, labels, params as BayesParams);
    case 'forest':
      return fitForest(X, labels, { ...params, seed: options.seed });
    default:
      throw new Error(`unknown model family ${JSON.stringify(family)} (expected ${MODEL_FAMILIES.join(', ')})`);
  }
}

/**
 * Rounds a boosted model kept after early stopping (best iteration + 1), so a refit on more rows
 * can train that many without a validation set. Undefined for other families.
 */
export function keptRounds(model: FittedModel): number | undefined {
  const info = (model as { info?: { bestIteration?: unknown } }).info;
  return model.family === 'gbdt' && typeof info?.bestIteration === 'number' ? info.bestIteration + 1 : undefined;
}

/** Boosting rounds a GBDT fit actually ran (early-stopping patience included). */
export function roundsRun(model: FittedModel): number | undefined {
  const info = (model as { info?: { iterations?: unknown } }).info;
  return model.family === 'gbdt' && typeof info?.iterations === 'number' ? info.iterations : undefined;
}
