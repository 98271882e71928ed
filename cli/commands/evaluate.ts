// `tourney evaluate <model-dir> <labeled data> [--json]`: scores a model on rows whose target is
// known and reports the training metric plus the usual others (and a confusion matrix for
// classification). Rows without a target value, or with a class the model never saw, are
// skipped and counted.
import { basename } from 'node:path';
import { getMetric, confusionMatrix, argmaxRows } from '../../kernels/learn/metric';
import type { Task } from '../../kernels/learn/matrix';
import { findTargetColumn, looseLabel } from '../../kernels/tournament/target';
import { DataError } from '../../kernels/table/types';
import { checkFlags, parseArgs, UsageError } from '../args';
import { checkModelInputs } from './check-model-inputs';
import { loadModelDir } from './model-dir';
import { readDataFile } from './read-data-file';

const METRICS: Record<Task, string[]> = {
  binary: ['auroc', 'aupr', 'logloss', 'accuracy', 'balanced_accuracy', 'f1', 'brier'],
  multiclass: ['accuracy', 'logloss', 'balanced_accuracy', 'auroc'],
  regression: ['rmse', 'mae', 'r2'],
};

export async function evaluateCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json']);
  checkFlags(args, ['json']);
  if (args.positionals.length !== 2) throw new UsageError('evaluate needs a model directory and a labeled data file: tourney evaluate <model-dir> <data>');
  const [modelDir, dataPath] = args.positionals;
  const model = await loadModelDir(modelDir);
  const { meta } = model;
  const table = await readDataFile(dataPath);
  const file = basename(dataPath);
  let column;
  try {
    column = findTargetColumn(table, meta.target);
  } catch (err) {
    throw new DataError(`${file}: ${(err as Error).message} — evaluate needs the labels the model was trained on`);
  }
  const n = table.rowCount;
  const text = (i: number): string | null => {
    if (column.storage === 'numeric') {
      const v = column.values[i];
      return Number.isNaN(v) ? null : column.labels ? column.labels[v ? 1 : 0] : String(v);
    }
    const s = column.values[i];
    return s == null || s.trim() === '' ? null : s.trim();
  };
  const task = meta.task;
  const classIndex = new Map((meta.classes ?? []).map((c, i) => [c, i]));
  // Training folds labels that differ only by case/spaces ("No", "no ") into one class; so does this.
  const looseClass = new Map<string, number>();
  (meta.classes ?? []).forEach((c, i) => looseClass.set(looseLabel(c), looseClass.has(looseLabel(c)) ? -1 : i));
  const keep: number[] = [];
  const y: number[] = [];
  let unknownClass = 0;
  let firstUnknown: string | undefined;
  for (let i = 0; i < n; i++) {
    const t = text(i);
    if (t === null) continue;
    if (task === 'regression') {
      const v = column.storage === 'numeric' ? column.values[i] : Number(t);
      if (!Number.isFinite(v)) throw new DataError(`${file}: target "${column.name}" has a non-numeric value "${t}" at row ${i + 1}`, { file, line: i + 1, column: column.name });
      keep.push(i);
      y.push(v);
      continue;
    }
    // Booleans read as 0/1 may have been trained as "0"/"1" or "true"/"false": accept either.
    const loose = looseClass.get(looseLabel(t));
    const code = classIndex.get(t) ?? classIndex.get(String(Number(t))) ?? (column.storage === 'numeric' ? classIndex.get(String(column.values[i] === 1)) : undefined) ?? (loose !== undefined && loose >= 0 ? loose : undefined);
    if (code === undefined) {
      unknownClass++;
      firstUnknown ??= t;
      continue;
    }
    keep.push(i);
    y.push(code);
  }
  const warnings = checkModelInputs(model.pipeline, table, dataPath);
  if (!keep.length) {
    throw new DataError(`${file}: no row has a usable value in target column "${column.name}"${firstUnknown !== undefined ? ` (values such as "${firstUnknown}" are not classes the model knows: ${(meta.classes ?? []).join(', ')})` : ''}`, { file, column: column.name });
  }
  const X = model.toMatrix(table);
  const all = model.predict(X);
  const width = task === 'multiclass' ? model.nClasses : 1;
  const predictions = new Float64Array(keep.length * width);
  keep.forEach((row, k) => { for (let c = 0; c < width; c++) predictions[k * width + c] = all[row * width + c]; });
  const yTrue = Float64Array.from(y);
  const metrics: Record<string, number> = {};
  for (const name of METRICS[task]) metrics[name] = getMetric(name).compute(yTrue, predictions, task);
  const primary = meta.metric && getMetric(meta.metric).tasks.includes(task) ? meta.metric : METRICS[task][0];
  if (!(primary in metrics)) metrics[primary] = getMetric(primary).compute(yTrue, predictions, task);
  const confusion = task === 'regression' ? undefined : confusionMatrix(
    yTrue,
    task === 'binary' ? Float64Array.from(predictions, (p) => (p >= 0.5 ? 1 : 0)) : argmaxRows(predictions, keep.length),
    model.nClasses,
  );
  const result = {
    task,
    target: meta.target,
    metric: primary,
    score: metrics[primary],
    metrics,
    rows: keep.length,
    skipped: { missingTarget: n - keep.length - unknownClass, unknownClass },
    warnings,
    ...(confusion ? { classes: meta.classes, confusion } : {}),
  };
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return 0;
  }
  const lines = [
    `${task} on "${meta.target}", ${keep.length} rows` + (n - keep.length ? ` (${n - keep.length} skipped: ${result.skipped.missingTarget} without a target, ${unknownClass} with an unknown class)` : ''),
    `${primary}: ${metrics[primary].toFixed(4)}`,
    ...Object.entries(metrics).filter(([k]) => k !== primary).map(([k, v]) => `${k}: ${v.toFixed(4)}`),
  ];
  if (confusion && meta.classes) {
    const classes = meta.classes;
    const w = Math.max(8, ...classes.map((c) => c.length)) + 1;
    lines.push('confusion (rows: actual, columns: predicted)');
    lines.push(''.padEnd(w) + classes.map((c) => c.padStart(w)).join(''));
    confusion.forEach((row, i) => lines.push(classes[i].padEnd(w) + row.map((v) => String(v).padStart(w)).join('')));
  }
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
