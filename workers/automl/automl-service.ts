// What the AutoML view asks of its worker, as plain functions over a DataTable: check a target
// before running (the tournament's own checks, so the view shows the kernel's message), shrink a
// tournament result to what the view draws (the fitted model stays in the worker), and score a
// what-if row with its explanation (top contributions by derived feature and by raw column).
import { applyFeaturePipeline } from '../../kernels/features/apply-pipeline';
import type { FeaturePipelineSpec } from '../../kernels/features/types';
import { metricsFor } from '../../kernels/learn/metric';
import type { Task } from '../../kernels/learn/matrix';
import { explainRows } from '../../kernels/tournament/explain';
import { tournamentMetric, type TournamentResult } from '../../kernels/tournament/run-tournament';
import { prepareTarget } from '../../kernels/tournament/target';
import { TournamentModel } from '../../kernels/tournament/tournament-model';
import type { Column, DataTable } from '../../kernels/table/types';

export interface TargetInfo {
  target: string;
  task: Task;
  classes?: string[];
  positiveClass?: string;
  /** Rows with a target value. */
  rows: number;
  metrics: string[];
  defaultMetric: string;
}

/** Auto-detects the task and checks the target the way the tournament will (same messages). */
export function inspectTarget(table: DataTable, target: string): TargetInfo {
  const encoded = prepareTarget(table, target, { task: 'auto', minRows: 2 });
  const task = encoded.task;
  return {
    target: encoded.column.name,
    task,
    ...(encoded.classes ? { classes: encoded.classes } : {}),
    ...(encoded.positiveClass !== undefined ? { positiveClass: encoded.positiveClass } : {}),
    rows: encoded.rows.length,
    metrics: metricsFor(task),
    // The metric the tournament (and the CLI) select by unless told: accuracy for multiclass.
    defaultMetric: tournamentMetric(task),
  };
}

/** The result without the fitted model and pipeline spec: what crosses to the main thread. */
export type AutoMLSummary = Omit<TournamentResult, 'model' | 'pipeline'> & {
  /** Raw columns the model reads, with their type: the what-if form's fields. */
  inputs: { name: string; type: string }[];
};

export function summarizeResult(result: TournamentResult): AutoMLSummary {
  const { model: _model, pipeline, ...rest } = result;
  void _model;
  const spec = pipeline as Partial<FeaturePipelineSpec> | undefined;
  const inputs = (spec?.inputs ?? []).filter((i) => i.name !== result.target).map((i) => ({ name: i.name, type: i.type }));
  return { ...rest, inputs };
}

/** A row of `table` as editable text, one entry per column (empty string for missing). */
export function rowAsText(table: DataTable, row: number): Record<string, string> {
  if (table.rowCount === 0) return {};
  const r = Math.max(0, Math.min(table.rowCount - 1, Math.floor(row)));
  const out: Record<string, string> = {};
  for (const column of table.columns) out[column.name] = cellText(column, r);
  return out;
}

function cellText(column: Column, r: number): string {
  if (column.storage === 'string') return column.values[r] ?? '';
  const v = column.values[r];
  if (!Number.isFinite(v)) return '';
  if (column.type === 'boolean') return v ? 'true' : 'false';
  if (column.type === 'date' || column.type === 'datetime') {
    const iso = new Date(v).toISOString();
    return column.type === 'date' && iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return String(v);
}

/** Parses one edited cell back into a numeric column's value; NaN for empty. */
export function parseCell(text: string, type: string, columnName: string): number {
  const t = text.trim();
  if (t === '') return NaN;
  if (type === 'boolean') {
    const lower = t.toLowerCase();
    if (['true', 'yes', '1', 'y', 't'].includes(lower)) return 1;
    if (['false', 'no', '0', 'n', 'f'].includes(lower)) return 0;
    throw new Error(`"${columnName}" must be true or false, got "${text}"`);
  }
  if (type === 'date' || type === 'datetime') {
    const ms = Date.parse(t);
    if (!Number.isFinite(ms)) throw new Error(`"${columnName}" must be a date like 2024-09-14, got "${text}"`);
    return ms;
  }
  const n = Number(t.replace(/[\s,]/g, ''));
  if (!Number.isFinite(n)) throw new Error(`"${columnName}" must be a number, got "${text}"`);
  return n;
}

/** A one-row table shaped like `like` (same column types and storage) from edited text. */
export function oneRowTable(like: DataTable, values: Record<string, string>): DataTable {
  const columns: Column[] = like.columns.map((c) => {
    const text = values[c.name] ?? '';
    return c.storage === 'numeric'
      ? { name: c.name, type: c.type, storage: 'numeric', values: Float64Array.of(parseCell(text, c.type, c.name)) }
      : { name: c.name, type: c.type, storage: 'string', values: [text.trim() === '' ? null : text] };
  });
  return { name: like.name, rowCount: 1, columns };
}

export interface Contribution {
  name: string;
  value: number;
}

export interface WhatIfResult {
  task: Task;
  /** Predicted class (classification) or value (regression). */
  prediction: string | number;
  /** Class probabilities (classification). */
  probabilities?: Record<string, number>;
  /** The contributions' unit: log-odds (binary), the class's raw score, or the value (see contributionScale). */
  scale: string;
  /** Set when the contributions do not add up to the shown prediction exactly (an ensemble, a calibration): why. */
  scaleNote?: string;
  /** Average prediction before any feature speaks (the bias term). */
  base: number;
  byFeature: Contribution[];
  byColumn: Contribution[];
  /** What computed `prediction` and `probabilities` (the app: the exported ONNX model on onnxruntime-web). */
  engine?: string;
}

export interface FittedAutoML {
  model: TournamentModel;
  pipeline: FeaturePipelineSpec;
  /** The table the tournament ran on (column types for the what-if row). */
  table: DataTable;
}

const TOP = 8;

/** Scores one edited row and explains it (the tournament's own per-row explanation). */
export function scoreWhatIf(fitted: FittedAutoML, values: Record<string, string>): WhatIfResult {
  const { model, pipeline } = fitted;
  const X = applyFeaturePipeline(pipeline, oneRowTable(fitted.table, values));
  const [explained] = explainRows(model, X, [0], pipeline, TOP);
  const task = model.task;
  const classes = model.spec.classes ?? [];
  let prediction: string | number;
  let probabilities: Record<string, number> | undefined;
  if (task === 'binary') {
    const p = explained.prediction as number;
    probabilities = { [classes[0]]: 1 - p, [classes[1]]: p };
    prediction = p >= 0.5 ? classes[1] : classes[0];
  } else if (task === 'multiclass') {
    const p = explained.prediction as number[];
    probabilities = Object.fromEntries(classes.map((c, k) => [c, p[k]]));
    prediction = classes[explained.explainedClass ?? p.indexOf(Math.max(...p))];
  } else {
    prediction = explained.prediction as number;
  }
  return {
    task,
    prediction,
    ...(probabilities ? { probabilities } : {}),
    ...contributionScale(task, task === 'binary' ? classes[1] : String(prediction), model.members.length, !!model.spec.calibration),
    base: explained.base,
    // `label` (the category of a code feature) comes with the tournament's categorical views.
    byFeature: explained.byFeature.map((f) => {
      const label = (f as { label?: string }).label;
      return { name: label !== undefined ? `${f.feature} = ${label}` : f.feature, value: f.contribution };
    }),
    byColumn: explained.byColumn.map((c) => ({ name: c.column, value: c.contribution })),
  };
}

/**
 * What the what-if contributions are, in words a person can check. One uncalibrated member: they
 * add up (with the base) to its log-odds, raw class score or value. An ensemble blends its members'
 * probabilities, so the weighted average of the members' contributions is in the members' units,
 * not the blend's: it is labelled as such (a regression blend of values is exact). A calibrated
 * model's contributions explain the score before calibration.
 */
export function contributionScale(task: Task, explained: string, members: number, calibrated: boolean): { scale: string; scaleNote?: string } {
  if (task === 'regression') return { scale: 'predicted value' };
  const unit = task === 'binary' ? `log-odds of "${explained}"` : `raw score of "${explained}"`;
  if (members > 1) {
    return {
      scale: `members' ${unit}, weight-averaged`,
      scaleNote: `The winner is an ensemble of ${members} models that averages their probabilities; these are its members' contributions to their own ${task === 'binary' ? 'log-odds' : 'raw scores'}, averaged with the ensemble weights: they show direction and size, not an exact split of the ensemble's probability.${calibrated ? ' The probability shown is also calibrated.' : ''}`,
    };
  }
  if (calibrated) {
    return {
      scale: `${unit} before calibration`,
      scaleNote: `The probability shown is calibrated; these contributions add up to the model's ${task === 'binary' ? 'log-odds' : 'raw score'} before calibration, which moves in the same direction.`,
    };
  }
  return { scale: unit };
}

/** The fitted model and spec a result carries, ready to score what-if rows. */
export function fittedFromResult(result: TournamentResult, table: DataTable): FittedAutoML {
  return { model: new TournamentModel(result.model), pipeline: result.pipeline as FeaturePipelineSpec, table };
}
