// Turns the table into the matrices the tournament's workers train on. The feature pipeline is
// fitted inside every fold on that fold's training rows only (and replayed on its validation
// rows), so nothing learned from validation rows — category levels, medians, buckets, leak
// checks — reaches the model scored on them. It is fitted once more on all training rows (to
// refit the winner and score the test rows) and on every row (for the model that ships).
// Pipelines do not depend on the candidate, so each fold's is fitted once and shared.
import type { Matrix, Task } from '../learn/matrix';
import { DataError, type DataTable } from '../table/types';
import { categoricalView, type CategoricalView } from './categorical-view';
import { applyFeatures, fitFeatures, type FeatureSettings } from './features';
import { canShareMemory, shareArray, shareMatrix } from './shared-matrix';
import { compose, type Fold } from './split';
import { takeRows } from './take-rows';

export interface FoldData {
  train: Matrix;
  trainY: Float64Array;
  valid: Matrix;
  validY: Float64Array;
  /** The fold pipeline's one-hot groups, for tree learners that take categorical codes. */
  view?: CategoricalView;
}

export interface PartData {
  X: Matrix;
  y: Float64Array;
  test?: Matrix;
  testY?: Float64Array;
  view?: CategoricalView;
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

/** Everything needed to fit the pipelines; plain data, so it can be posted to a worker. */
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
  /** Date.now() ms by which pipeline fits should be done: optional checks are cut short after it. */
  deadline?: number;
}

/** One pipeline fit: a fold's, the training rows' (test rows replayed), or every row's. */
export type PrepareJob = { kind: 'fold'; fold: number } | { kind: 'refit' } | { kind: 'final' };

export interface PreparedPart {
  job: PrepareJob;
  fold?: FoldData;
  part?: PartData;
  spec?: unknown;
  dropped?: { column: string; reason: string }[];
  droppedFeatures?: { column: string; feature: string; reason: string }[];
}

function labelsOf(y: Float64Array, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = y[rows[i]];
  return out;
}

/** The pipeline fits a tournament needs, in the order they are best started. */
export function prepareJobs(plan: RowPlan): PrepareJob[] {
  return [
    ...plan.folds.map((_, fold) => ({ kind: 'fold', fold }) as PrepareJob),
    { kind: 'refit' },
    ...(plan.test.length ? [{ kind: 'final' } as PrepareJob] : []),
  ];
}

/** Runs one pipeline fit; matrices come back in shared memory where the platform has it. */
export function preparePart(input: PrepareInput, job: PrepareJob): PreparedPart {
  const { table, y, target, task, plan } = input;
  if (job.kind === 'fold') {
    const fold = plan.folds[job.fold];
    const trainRows = compose(plan.search, fold.train);
    const validRows = compose(plan.search, fold.valid);
    const fitted = fitFeatures(takeRows(table, trainRows), target, task, input.features, input.positiveClass, input.deadline);
    const valid = applyFeatures(fitted.spec, takeRows(table, validRows));
    return {
      job,
      fold: {
        train: shareMatrix(fitted.X),
        trainY: shareArray(labelsOf(y, trainRows)),
        valid: shareMatrix(valid),
        validY: shareArray(labelsOf(y, validRows)),
        view: categoricalView(fitted.spec, fitted.X.featureNames),
      },
    };
  }
  const rows = job.kind === 'refit' ? plan.train : undefined;
  const fitted = fitFeatures(rows ? takeRows(table, rows) : table, target, task, input.features, input.positiveClass, input.deadline);
  const part: PartData = { X: shareMatrix(fitted.X), y: shareArray(rows ? labelsOf(y, rows) : y), view: categoricalView(fitted.spec, fitted.X.featureNames) };
  if (job.kind === 'refit' && plan.test.length) {
    part.test = shareMatrix(applyFeatures(fitted.spec, takeRows(table, plan.test)));
    part.testY = labelsOf(y, plan.test);
  }
  return { job, part, spec: fitted.spec, dropped: fitted.dropped, droppedFeatures: fitted.droppedFeatures };
}

/** Puts the fitted parts together (any order) into what the workers load. */
export function assemblePrepared(input: PrepareInput, parts: readonly PreparedPart[]): PreparedTournament {
  const { plan } = input;
  const folds: FoldData[] = plan.folds.map((_, f) => {
    const found = parts.find((p) => p.job.kind === 'fold' && p.job.fold === f);
    if (!found?.fold) throw new Error(`fold ${f} was not prepared`);
    return found.fold;
  });
  const refitPart = parts.find((p) => p.job.kind === 'refit');
  if (!refitPart?.part) throw new Error('the training rows were not prepared');
  const finalPart = parts.find((p) => p.job.kind === 'final');
  if (refitPart.part.X.columns.length === 0) {
    const reasons = (refitPart.dropped ?? []).slice(0, 6).map((d) => `${d.column}: ${d.reason}`).join('; ');
    throw new DataError(`no usable feature column: every column but the target was dropped${reasons ? ` (${reasons})` : ''}`);
  }
  const control = canShareMemory() ? new Float64Array(new SharedArrayBuffer(8)) : undefined;
  if (control) control[0] = Infinity;
  const shipped = finalPart ?? refitPart;
  return {
    data: { task: input.task, nClasses: input.nClasses, classes: input.classes, folds, refit: refitPart.part, final: finalPart?.part, control },
    refitSpec: refitPart.spec,
    finalSpec: finalPart?.spec,
    dropped: shipped.dropped ?? [],
    droppedFeatures: shipped.droppedFeatures ?? [],
    foldValidRows: plan.folds.map((f) => compose(plan.search, f.valid)),
    featureNames: refitPart.part.X.featureNames,
  };
}

/** Every pipeline fit, one after the other, on this thread. */
export function prepareTournament(input: PrepareInput): PreparedTournament {
  return assemblePrepared(input, prepareJobs(input.plan).map((job) => preparePart(input, job)));
}
