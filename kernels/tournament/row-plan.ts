// Which rows do what: the test rows kept aside, the training rows the search cross-validates on
// (all of them, or a stratified sample of large data), and the folds (or one holdout) over those.
import type { Task } from '../learn/matrix';
import { DataError } from '../table/types';
import type { RowPlan } from './prepare';
import { deriveSeed } from './random';
import type { ResolvedSettings } from './settings';
import { holdoutFold, planValidation, stratifiedKFold, trainTestSplit, type ValidationPlan } from './split';

/** Below this many rows no test split is kept (it would be too small to say anything). */
export const MIN_ROWS_FOR_TEST = 50;

export interface PlannedRows {
  plan: RowPlan;
  validation: ValidationPlan;
  /** Labels of the search rows, in plan.search order. */
  ySearch: Float64Array;
}

export function planRows(y: Float64Array, task: Task, nClasses: number, settings: ResolvedSettings): PlannedRows {
  const nRows = y.length;
  const testFraction = nRows >= MIN_ROWS_FOR_TEST ? settings.testFraction : 0;
  const split = testFraction > 0
    ? trainTestSplit(y, task, testFraction, deriveSeed(settings.seed, 1))
    : { train: Uint32Array.from({ length: nRows }, (_, i) => i), test: new Uint32Array(0) };
  let searchPositions: Uint32Array = Uint32Array.from({ length: split.train.length }, (_, i) => i);
  if (split.train.length > settings.maxSearchRows) {
    // Large data: cross-validate the search on a stratified sample; the refit uses every row.
    const yTrain = Float64Array.from(split.train, (r) => y[r]);
    searchPositions = trainTestSplit(yTrain, task, 1 - settings.maxSearchRows / split.train.length, deriveSeed(settings.seed, 2)).train;
  }
  const search = Uint32Array.from(searchPositions, (p) => split.train[p]);
  const ySearch = Float64Array.from(search, (r) => y[r]);
  const validation = planValidation(search.length, { folds: settings.folds, holdoutAbove: settings.holdoutAbove, outputs: task === 'multiclass' ? nClasses : 1 });
  if (validation.kind === 'kfold' && search.length < validation.folds) {
    throw new DataError(`only ${search.length} training rows for ${validation.folds}-fold cross-validation; give more rows or fewer folds`);
  }
  const folds = validation.kind === 'kfold'
    ? stratifiedKFold(ySearch, task, validation.folds, deriveSeed(settings.seed, 3))
    : holdoutFold(ySearch, task, 0.2, deriveSeed(settings.seed, 3));
  return { plan: { train: split.train, test: split.test, search, folds }, validation, ySearch };
}
