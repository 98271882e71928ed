// `tourney evaluate <model-dir> <labeled data> [--json]`: scores a model on rows whose target is
// known and reports the training metric plus the usual others (and a confusion matrix for
// classification). Rows without a target value, or with a class the model never saw, are
// skipped and counted.
import { getMetric, confusionMatrix, argmaxRows } from '../../kernels/learn/metric';
import type { Task } from '../../kernels/learn/matrix';
import { checkFlags, parseArgs, UsageError } from '../args';
import { checkModelInputs } from './check-model-inputs';
import { labelledRows, predictionsFor } from './labelled-rows';
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
  const { keep, y: yTrue, unknownClass } = labelledRows(meta, table, dataPath);
  const task = meta.task;
  const n = table.rowCount;
  const warnings = checkModelInputs(model.pipeline, table, dataPath);
  const X = model.toMatrix(table);
  const all = model.predict(X);
  const width = task === 'multiclass' ? model.nClasses : 1;
  const predictions = predictionsFor(all, keep, width);
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
