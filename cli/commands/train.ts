// `tourney train <data> --target <col> …`. For now only the --fixed form: one model of the one
// family in --models, trained with the given hyperparameters on all rows, no search and no
// cross-validation (for benchmarks and reproductions). The model directory holds model.json
// (the learner), pipeline.json (the table → matrix conversion) and meta.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { fitNaiveBayes } from '../../kernels/learn/bayes';
import { fitForest } from '../../kernels/learn/forest/train-forest';
import { resolveForestParams } from '../../kernels/learn/forest/params';
import { resolveGbdtParams } from '../../kernels/learn/gbdt/params';
import { fitGbdt } from '../../kernels/learn/gbdt/train-gbdt';
import { fitLinear } from '../../kernels/learn/linear';
import type { Labels, Matrix, Task } from '../../kernels/learn/matrix';
import type { FittedModel, ModelFamily } from '../../kernels/learn/model';
import { metricsFor } from '../../kernels/learn/metric';
import { fitTableToMatrix } from '../../kernels/learn/table-to-matrix';
import { checkFlags, numberFlag, parseArgs, stringFlag, UsageError } from '../args';
import { REGISTER_FLAGS, registerRun, registrationFlags } from '../registry/register-run';
import { readDataFile } from './read-data-file';

const FLAGS = ['target', 'task', 'metric', 'time-budget', 'models', 'seed', 'out', 'fixed', 'json', ...REGISTER_FLAGS];
const FAMILIES: readonly ModelFamily[] = ['gbdt', 'forest', 'linear', 'bayes'];
const TASKS = ['auto', 'binary', 'multiclass', 'regression'];
const DEFAULT_METRIC: Record<Task, string> = { binary: 'auroc', multiclass: 'accuracy', regression: 'rmse' };

type Fit = (X: Matrix, labels: Labels, params: Record<string, unknown>) => FittedModel;
const FITTERS: Record<ModelFamily, Fit> = {
  gbdt: (X, labels, params) => fitGbdt(X, labels, params),
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
  const seed = numberFlag(args, 'seed');
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got ${seed}`);
  const budget = numberFlag(args, 'time-budget');
  if (budget !== undefined && !(budget > 0)) throw new UsageError(`--time-budget must be positive seconds, got ${budget}`);
  if (budget !== undefined) process.stderr.write('note: --time-budget has no effect with --fixed (one model, no search)\n');
  const models = (stringFlag(args, 'models') ?? 'gbdt').split(',').map((m) => m.trim()).filter(Boolean);
  for (const m of models) {
    if (!FAMILIES.includes(m as ModelFamily)) throw new UsageError(`unknown model family "${m}" in --models (known: ${FAMILIES.join(', ')})`);
  }
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
  try {
    if (family === 'gbdt') resolveGbdtParams(params);
    if (family === 'forest') resolveForestParams(params);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }

  const progress = (line: string) => process.stderr.write(line + '\n');
  progress(`reading ${dataPath}`);
  const table = await readDataFile(dataPath);
  const conversion = withFile(dataPath, () => fitTableToMatrix(table, target, taskFlag as Task | 'auto'));
  const { state, X, labels } = conversion;
  const task = state.task;
  const metric = stringFlag(args, 'metric') ?? DEFAULT_METRIC[task];
  const metrics: readonly string[] = metricsFor(task);
  if (!metrics.includes(metric)) throw new UsageError(`--metric "${metric}" does not fit a ${task} task (use ${metrics.join(', ')})`);

  progress(`training ${family} on ${conversion.rows} rows × ${X.columns.length} features (${task})`);
  const fitStart = performance.now();
  let model: FittedModel;
  try {
    model = FITTERS[family](X, labels, params);
  } catch (err) {
    // Parameter problems are the user's input, like a bad flag.
    const message = (err as Error).message;
    if (/parameter|hyperparameter/.test(message)) throw new UsageError(message);
    throw err;
  }
  const fitSeconds = (performance.now() - fitStart) / 1000;

  const modelDir = resolve(stringFlag(args, 'out') ?? `models/${tableName(dataPath)}-${family}`);
  await mkdir(modelDir, { recursive: true });
  const meta = {
    tourney: 1,
    family,
    task,
    target,
    metric,
    classes: state.classes ?? null,
    positiveClass: state.positiveClass ?? null,
    featureNames: X.featureNames,
    params,
    rows: conversion.rows,
    trainedOn: basename(dataPath),
    createdAt: new Date().toISOString(),
  };
  await writeFile(resolve(modelDir, 'model.json'), JSON.stringify(model.toJSON()));
  await writeFile(resolve(modelDir, 'pipeline.json'), JSON.stringify(state, null, 1));
  await writeFile(resolve(modelDir, 'meta.json'), JSON.stringify(meta, null, 2));
  if (registration) await registerRun(registration, { dataPath, table, modelDir, started, fitSeconds, log: progress });

  const entry = { model: family, params, cvScore: null, fitSeconds };
  const summary = {
    task,
    target,
    metric,
    ...(state.classes ? { classes: state.classes } : {}),
    ...(state.positiveClass !== undefined ? { positiveClass: state.positiveClass } : {}),
    rows: conversion.rows,
    dropped: state.dropped,
    leaderboard: [entry],
    winner: entry,
    seconds: (performance.now() - started) / 1000,
    modelDir,
  };
  if (args.flags.has('json')) process.stdout.write(JSON.stringify(summary) + '\n');
  else {
    process.stdout.write(
      `trained ${family} (${task}, target "${target}") on ${conversion.rows} rows in ${fitSeconds.toFixed(2)} s\n` +
        (state.dropped.length ? `dropped: ${state.dropped.map((d) => `${d.column} (${d.reason})`).join(', ')}\n` : '') +
        `model written to ${modelDir}\n`,
    );
  }
  return 0;
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
