// `tourney train <data> --target <col> …`. For now only the --fixed form: one model of the one
// family in --models, trained with the given hyperparameters on all rows, no search and no
// cross-validation (for benchmarks and reproductions). The model directory holds model.json
// (the learner), pipeline.json (the table → matrix conversion) and meta.json.
import { basename, extname } from 'node:path';
import { fitNaiveBayes } from '../../kernels/learn/bayes';
import { fitForest } from '../../kernels/learn/forest/train-forest';
import { resolveForestParams } from '../../kernels/learn/forest/params';
import { resolveGbdtParams } from '../../kernels/learn/gbdt/params';
import { fitGbdt } from '../../kernels/learn/gbdt/train-gbdt';
import { fitLinear } from '../../kernels/learn/linear';
import type { Labels, Matrix, Task } from '../../kernels/learn/matrix';
import type { FittedModel, ModelFamily } from '../../kernels/learn/model';
import { getMetric, metricsFor } from '../../kernels/learn/metric';
import { modelInputs } from '../../kernels/monitor/model-inputs';
import { buildReferenceProfile } from '../../kernels/monitor/reference-profile';
import { fitTableToMatrix } from '../../kernels/learn/table-to-matrix';
import { fixedDocuments } from '../../kernels/modeldir';
import { checkFlags, integerFlag, listFlag, numberFlag, parseArgs, stringFlag, UsageError } from '../args';
import { reserveModelDir, type ModelDirSlot } from '../output-location';
import { withDefaultSignals } from '../signals';
import { writeModelDir } from './model-dir';
import { REGISTER_FLAGS, registerRun, registrationFlags, type Registration } from '../registry/register-run';
import { readDataFile } from './read-data-file';
import { HELPER_MIN_ROWS, type TreeHelperPort } from '../../kernels/learn/treelearner/tree-helper';
import { startTreeHelper } from '../../workers/tree-helper';
import { usableCores } from '../../workers/pool/cores';

const FLAGS = ['target', 'task', 'metric', 'time-budget', 'models', 'seed', 'out', 'fixed', 'json', 'workers', ...REGISTER_FLAGS];
const FAMILIES: readonly ModelFamily[] = ['gbdt', 'forest', 'linear', 'bayes'];
const TASKS = ['auto', 'binary', 'multiclass', 'regression'];
const DEFAULT_METRIC: Record<Task, string> = { binary: 'auroc', multiclass: 'accuracy', regression: 'rmse' };

type Fit = (X: Matrix, labels: Labels, params: Record<string, unknown>, helper?: TreeHelperPort) => FittedModel;
const FITTERS: Record<ModelFamily, Fit> = {
  gbdt: (X, labels, params, helper) => fitGbdt(X, labels, params, { helper }),
  forest: (X, labels, params) => fitForest(X, labels, params),
  linear: (X, labels, params) => fitLinear(X, labels, params),
  bayes: (X, labels, params) => fitNaiveBayes(X, labels, params),
};
/** Families whose parameters take a seed. */
const SEEDED: readonly ModelFamily[] = ['gbdt', 'forest'];

export async function trainCommand(argv: string[]): Promise<number> {
  // Without --fixed: the tournament (model search), cli/commands/train-tournament.ts.
  if (!argv.some((a) => a === '--fixed' || a.startsWith('--fixed='))) return (await import('./train-tournament')).trainTournamentCommand(argv);
  const args = parseArgs(argv, ['json']);
  checkFlags(args, FLAGS);
  const registration = registrationFlags(args);
  const started = performance.now();
  if (args.positionals.length !== 1) throw new UsageError('train needs exactly one data file: tourney train <data> --target <col>');
  const dataPath = args.positionals[0];
  const target = stringFlag(args, 'target');
  if (!target) throw new UsageError('train needs --target <column>');
  const taskFlag = stringFlag(args, 'task') ?? 'auto';
  if (!TASKS.includes(taskFlag)) throw new UsageError(`--task must be one of ${TASKS.join(', ')}, got "${taskFlag}"`);
  const seed = integerFlag(args, 'seed');
  const workers = integerFlag(args, 'workers', 1);
  const budget = numberFlag(args, 'time-budget');
  if (budget !== undefined && !(budget > 0)) throw new UsageError(`--time-budget must be positive seconds, got ${budget}`);
  if (budget !== undefined) process.stderr.write('note: --time-budget has no effect with --fixed (one model, no search)\n');
  const models = listFlag(args, 'models', FAMILIES, 'model family') ?? ['gbdt'];
  const fixedText = stringFlag(args, 'fixed');
  if (fixedText === undefined) {
    throw new UsageError('model search is not yet supported: pass --fixed \'<json hyperparameters>\' with one family in --models');
  }
  if (models.length !== 1) throw new UsageError(`--fixed trains exactly one model: give one family in --models, got "${models.join(',')}"`);
  const family = models[0] as ModelFamily;
  let fixed: Record<string, unknown>;
  try {
    fixed = JSON.parse(fixedText);
  } catch (err) {
    throw new UsageError(`--fixed is not valid JSON: ${(err as Error).message}`);
  }
  if (!fixed || typeof fixed !== 'object' || Array.isArray(fixed)) throw new UsageError('--fixed must be a JSON object of hyperparameters');
  const params = SEEDED.includes(family) && seed !== undefined && fixed.seed === undefined ? { ...fixed, seed } : fixed;
  // Check tree parameters before reading a possibly large file.
  if (taskFlag !== 'auto') checkObjectiveFits(params.objective, taskFlag as Task);
  try {
    if (family === 'gbdt') resolveGbdtParams(params);
    if (family === 'forest') resolveForestParams(params);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }

  // The output location is checked (and its temporary sibling made) before any work.
  const outFlag = stringFlag(args, 'out');
  const slot = await reserveModelDir(outFlag ?? `models/${tableName(dataPath)}-${family}`, { createParent: outFlag === undefined });
  try {
    return await trainFixed(slot, { dataPath, target, taskFlag, metricFlag: stringFlag(args, 'metric'), family, params, json: args.flags.has('json'), started, registration, workers });
  } finally {
    await slot.discard();
  }
}

interface FixedOptions {
  dataPath: string;
  target: string;
  taskFlag: string;
  metricFlag: string | undefined;
  family: ModelFamily;
  params: Record<string, unknown>;
  json: boolean;
  started: number;
  registration: Registration | undefined;
  /** Threads the one model may use (a gbdt uses two: a helper thread for large leaves). */
  workers: number | undefined;
}

async function trainFixed(slot: ModelDirSlot, { dataPath, target, taskFlag, metricFlag, family, params, json, started, registration, workers }: FixedOptions): Promise<number> {
  const progress = (line: string) => process.stderr.write(line + '\n');
  progress(`reading ${dataPath}`);
  const table = await readDataFile(dataPath);
  const conversion = withFile(dataPath, () => fitTableToMatrix(table, target, taskFlag as Task | 'auto'));
  const { state, X, labels } = conversion;
  for (const w of conversion.warnings) progress(`warning: ${basename(dataPath)}: ${w}`);
  const task = state.task;
  const metric = metricFlag ?? DEFAULT_METRIC[task];
  const metrics: readonly string[] = metricsFor(task);
  if (!metrics.includes(metric)) throw new UsageError(`--metric "${metric}" does not fit a ${task} task (use ${metrics.join(', ')})`);
  checkObjectiveFits(params.objective, task, target);

  let fitStart = 0;
  let model: FittedModel;
  // A gbdt whose trees see every feature shares large leaves with a second thread (same model).
  const helped = family === 'gbdt' && X.nRows >= HELPER_MIN_ROWS && resolveGbdtParams(params).featureFraction === 1;
  const helper = helped ? startTreeHelper(Math.min(workers ?? Infinity, usableCores())) : null;
  const threads = helper ? ', 2 threads' : '';
  try {
    model = await withDefaultSignals(() => progress(`training ${family} on ${conversion.rows} rows × ${X.columns.length} features (${task}${threads})`), () => {
      fitStart = performance.now();
      return FITTERS[family](X, labels, params, helper?.port);
    });
  } catch (err) {
    // Parameter problems are the user's input, like a bad flag.
    const message = (err as Error).message;
    if (/parameter|hyperparameter/.test(message)) throw new UsageError(message);
    throw err;
  } finally {
    await helper?.close();
  }
  const fitSeconds = (performance.now() - fitStart) / 1000;

  const modelDir = slot.target;
  const createdAt = new Date().toISOString();
  // No rows were held out: monitoring's reference is the training rows, scored in-sample (said in scoresFrom).
  const scores = model.predict(X);
  const m = getMetric(metric);
  const importance = model.featureImportance();
  const reference = buildReferenceProfile({
    table, features: modelInputs(state), task, classes: state.classes ?? null, positiveClass: state.positiveClass ?? null,
    importance: Object.fromEntries(state.features.map((f, j) => [f.name, importance[j] ?? 0])),
    scores, scoresFrom: `the ${conversion.rows} training rows, in-sample (train --fixed keeps no test rows)`,
    baseline: { metric: m.name, value: m.compute(labels.y, scores, task), higherIsBetter: m.higherIsBetter },
    createdAt,
  });
  await writeModelDir(slot, fixedDocuments(model, {
    family, metric, params, state, featureNames: X.featureNames, rows: conversion.rows, trainedOn: basename(dataPath), createdAt, reference,
  }));
  if (registration) await registerRun(registration, { dataPath, table, modelDir, started, fitSeconds, log: progress });

  const entry = { model: family, params, cvScore: null, fitSeconds };
  const summary = {
    task,
    target,
    metric,
    ...(state.classes ? { classes: state.classes } : {}),
    ...(state.positiveClass !== undefined ? { positiveClass: state.positiveClass } : {}),
    rows: conversion.rows,
    warnings: conversion.warnings.map((w) => `${basename(dataPath)}: ${w}`),
    dropped: state.dropped,
    leaderboard: [entry],
    winner: entry,
    seconds: (performance.now() - started) / 1000,
    modelDir,
  };
  if (json) process.stdout.write(JSON.stringify(summary) + '\n');
  else {
    process.stdout.write(
      `trained ${family} (${task}, target "${target}") on ${conversion.rows} rows in ${fitSeconds.toFixed(2)} s\n` +
        (state.dropped.length ? `dropped: ${state.dropped.map((d) => `${d.column} (${d.reason})`).join(', ')}\n` : '') +
        `model written to ${modelDir}\n`,
    );
  }
  return 0;
}

/** Objectives a GBDT may use per task: another would fit the labels as something they are not. */
const OBJECTIVES: Record<Task, readonly string[]> = { binary: ['binary'], multiclass: ['multiclass'], regression: ['regression', 'huber'] };

/** A `--fixed` "objective" must fit the task (a multiclass objective on a binary target is a usage error). */
export function checkObjectiveFits(objective: unknown, task: Task, target?: string): void {
  if (objective === undefined || OBJECTIVES[task].includes(objective as string)) return;
  const on = target ? `target "${target}" is ${task}` : `--task is ${task}`;
  throw new UsageError(`--fixed objective "${String(objective)}" does not fit the task: ${on} (use ${OBJECTIVES[task].map((o) => `"${o}"`).join(' or ')}, or leave it out)`);
}

function tableName(path: string): string {
  return basename(path, extname(path)) || 'data';
}

/** Runs a conversion step, prefixing data errors with the file they are about. */
export function withFile<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof Error && err.name === 'DataError' && !err.message.includes(basename(file))) {
      err.message = `${basename(file)}: ${err.message}`;
    }
    throw err;
  }
}
