// Turns the table into the matrices the tournament's workers train on. The feature pipeline is
// fitted inside every fold on that fold's training rows only (and replayed on its validation
// rows), so nothing learned from validation rows — category levels, medians, buckets, leak
// checks — reaches the model scored on them. It is fitted once more on all training rows (to
// refit the winner and score the test rows) and on every row (for the model that ships).
// Pipelines do not depend on the candidate, so each fold's is fitted once and shared.
import type { Matrix, Task } from '../learn/matrix';
import type { DataTable } from '../table/types';
import { applyFeatures, fitFeatures, type FeatureSettings } from './features';
import { canShareMemory, shareArray, shareMatrix } from './shared-matrix';
import { compose, type Fold } from './split';
import { takeRows } from './take-rows';

export interface FoldData {
  train: Matrix;
  trainY: Float64Array;
  valid: Matrix;
  validY: Float64Array;
}

export interface PartData {
  X: Matrix;
  y: Float64Array;
  test?: Matrix;
  testY?: Float64Array;
}

/** Everything a worker needs to evaluate or refit any candidate. Posted once per worker. */
export interface PreparedData {
  task: Task;
  nClasses: number;
  classes?: string[];
  folds: FoldData[];
  /** Pipeline fitted on the training rows; the test rows replayed through it. */
  refit: PartData;
  /** Pipeline fitted on every row, for the model that ships; absent without test rows. */
  final?: PartData;
  /**
   * Shared with every worker where memory can be shared: [0] is the wall-clock time (Date.now()
   * ms) at which running fits should give up. The orchestrator moves it as its plan changes.
   */
  control?: Float64Array;
}

export interface RowPlan {
  /** Rows (of the target-bearing table) for training, and kept aside for testing. */
  train: Uint32Array;
  test: Uint32Array;
  /** Training rows the search cross-validates on (all of them, or a sample for large data). */
  search: Uint32Array;
  /** Folds as positions within `search`. */
  folds: Fold[];
}

export interface PreparedTournament {
  data: PreparedData;
  /** Pipeline spec for the refit on training rows, and for the final model on every row. */
  refitSpec: unknown;
  finalSpec?: unknown;
  dropped: { column: string; reason: string }[];
  droppedFeatures: { column: string; feature: string; reason: string }[];
  /** Validation rows of each fold, as rows of the target-bearing table (for out-of-fold vectors). */
  foldValidRows: Uint32Array[];
  featureNames: string[];
}

export interface PrepareInput {
  table: DataTable;
  y: Float64Array;
  target: string;
  task: Task;
  nClasses: number;
  classes?: string[];
  positiveClass?: string;
  plan: RowPlan;
  features?: FeatureSettings;
  /** Called between pipeline fits, so progress can be reported and cancellation noticed. */
  onStep?: (done: number, total: number) => void;
}

function labelsOf(y: Float64Array, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = y[rows[i]];
  return out;
}

export function prepareTournament(input: PrepareInput): PreparedTournament {
  const { table, y, target, task, plan } = input;
  const total = plan.folds.length + (plan.test.length ? 2 : 1);
  let done = 0;
  const step = () => input.onStep?.(++done, total);

  const folds: FoldData[] = [];
  const foldValidRows: Uint32Array[] = [];
  for (const fold of plan.folds) {
    const trainRows = compose(plan.search, fold.train);
    const validRows = compose(plan.search, fold.valid);
    const fitted = fitFeatures(takeRows(table, trainRows), target, task, input.features, input.positiveClass);
    const valid = applyFeatures(fitted.spec, takeRows(table, validRows));
    folds.push({
      train: shareMatrix(fitted.X),
      trainY: shareArray(labelsOf(y, trainRows)),
      valid: shareMatrix(valid),
      validY: shareArray(labelsOf(y, validRows)),
    });
    foldValidRows.push(validRows);
    step();
  }

  const refitFit = fitFeatures(takeRows(table, plan.train), target, task, input.features, input.positiveClass);
  const refit: PartData = { X: shareMatrix(refitFit.X), y: shareArray(labelsOf(y, plan.train)) };
  if (plan.test.length) {
    refit.test = shareMatrix(applyFeatures(refitFit.spec, takeRows(table, plan.test)));
    refit.testY = labelsOf(y, plan.test);
  }
  step();

  let final: PartData | undefined;
  let finalSpec: unknown;
  let finalFit: ReturnType<typeof fitFeatures> | undefined;
  if (plan.test.length) {
    const all = fitFeatures(table, target, task, input.features, input.positiveClass);
    final = { X: shareMatrix(all.X), y: shareArray(y) };
    finalSpec = all.spec;
    finalFit = all;
    step();
  }
  if (refitFit.X.columns.length === 0) {
    const reasons = refitFit.dropped.slice(0, 6).map((d) => `${d.column}: ${d.reason}`).join('; ');
    throw new Error(`no usable feature column: every column but the target was dropped${reasons ? ` (${reasons})` : ''}`);
  }
  const control = canShareMemory() ? new Float64Array(new SharedArrayBuffer(8)) : undefined;
  if (control) control[0] = Infinity;
  return {
    data: { task, nClasses: input.nClasses, classes: input.classes, folds, refit, final, control },
    refitSpec: refitFit.spec,
    finalSpec,
    dropped: (finalFit ?? refitFit).dropped,
    droppedFeatures: (finalFit ?? refitFit).droppedFeatures,
    foldValidRows,
    featureNames: refitFit.X.featureNames,
  };
}
