// Which rows do what: the test rows kept aside, the training rows the search cross-validates on
// (all of them, or a stratified sample of large data), and the folds (or one holdout) over those.
import type { Task } from '../learn/matrix';
import { DataError } from '../table/types';
import type { RowPlan } from './prepare';
import { deriveSeed } from '../random/random';
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

/** What error messages name: the target column and its classes. */
export interface TargetNames {
  target: string;
  classes?: string[];
}

/** The training and held-out test rows (positions in `y`): the first split of every plan. */
export function splitTrainTest(y: Float64Array, task: Task, settings: Pick<ResolvedSettings, 'testFraction' | 'seed'>): { train: Uint32Array; test: Uint32Array } {
  const nRows = y.length;
  const testFraction = nRows >= MIN_ROWS_FOR_TEST ? settings.testFraction : 0;
  return testFraction > 0
    ? trainTestSplit(y, task, testFraction, deriveSeed(settings.seed, 1))
    : { train: Uint32Array.from({ length: nRows }, (_, i) => i), test: new Uint32Array(0) };
}

export function planRows(y: Float64Array, task: Task, nClasses: number, settings: ResolvedSettings, names: TargetNames = { target: settings.target }): PlannedRows {
  const split = splitTrainTest(y, task, settings);
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
  const plan = { train: split.train, test: split.test, search, folds };
  if (task !== 'regression') checkClassesPerFit(y, task, nClasses, plan, ySearch, validation, names);
  return { plan, validation, ySearch };
}

/**
 * A class with very few rows can leave a fold's training rows with one class (nothing to fit) or
 * a binary test split without one (nothing to score): say so before any learner does.
 */
function checkClassesPerFit(y: Float64Array, task: Task, nClasses: number, plan: RowPlan, ySearch: Float64Array, validation: ValidationPlan, names: TargetNames): void {
  const oneClass = (rows: ArrayLike<number>, labels: Float64Array) => {
    for (let i = 1; i < rows.length; i++) if (labels[rows[i]] !== labels[rows[0]]) return false;
    return true;
  };
  const foldFails = plan.folds.some((f) => oneClass(f.train, ySearch));
  const testFails = task === 'binary' && plan.test.length > 0 && oneClass(plan.test, y);
  if (!foldFails && !testFails) return;
  const counts = new Array<number>(nClasses).fill(0);
  for (const v of y) counts[v]++;
  let rarest = -1;
  counts.forEach((c, k) => { if (c > 0 && (rarest < 0 || c < counts[rarest])) rarest = k; });
  const name = names.classes?.[rarest] ?? String(rarest);
  const count = counts[rarest];
  const why = plan.test.length > 0 ? 'to keep some aside as test rows and cross-validate on the rest'
    : validation.kind === 'kfold' ? `to cross-validate in ${validation.folds} folds (every fit needs more than one class)`
    : 'for a validation holdout (every fit needs more than one class)';
  throw new DataError(
    `class "${name}" of target column "${names.target}" has only ${count} of ${y.length} rows, too few ${why}; give more rows of that class or choose another target`,
    { column: names.target },
  );
}
