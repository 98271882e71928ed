// The tournament, start to finish: check and encode the target, keep test rows aside, fit the
// feature pipeline inside each fold (in the executor's workers), let the budgeted search hand
// candidates to the executor (a worker pool or inline) until the time left only covers the final
// steps, then finalize — ensemble, calibration, refits, test score — and explain the result.
import { defaultMetric, getMetric, type Metric } from '../learn/metric';
import type { Task } from '../learn/matrix';
import type { DataTable } from '../table/types';
import { DataError } from '../table/types';
import type { TournamentExecutor } from './executor';
import { finalize } from './finalize';
import { computeInsights } from './insights';
import { assemblePrepared, prepareJobs, type PrepareInput } from './prepare';
import { prepareWithinBudget, PREPARE_SHARE, type BudgetedPreparation } from './prepare-budget';
import { RefitCost } from './refit-cost';
import { planRows } from './row-plan';
import { Scoring } from './scoring';
import { searchSpaces, type DataShape } from './search-space';
import { byScore, rankRuns, runSearchLoop, type CandidateRun } from './search-loop';
import { TournamentSearch } from './search';
import { resolveSettings, tournamentMaxTerms, type TournamentSettings } from './settings';
import { takeRows } from './take-rows';
import { tournamentReference } from './reference';
import { prepareTarget } from './target';
import type { RunOptions, TournamentProgress, TournamentResult } from './types';

export type { LeaderboardEntry, RunOptions, TournamentProgress, TournamentResult } from './types';

export class TournamentCancelledError extends Error {
  constructor() {
    super('the tournament was cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * The metric the tournament selects by unless told: AUROC, accuracy, RMSE. Multiclass selects by
 * accuracy (what `train --fixed` reports too): log loss rewards ever more confident fits of
 * separable classes. Accuracy is coarse on small data, so among candidates within one standard
 * error of the best the lower log loss wins (rankRuns).
 */
export function tournamentMetric(task: Task): string {
  return task === 'multiclass' ? 'accuracy' : defaultMetric(task);
}

/** Why the winner is not the candidate with the best cross-validated score (rankRuns). */
function withinNoiseNote(winner: CandidateRun, best: CandidateRun, metric: string, scoring: Scoring): string {
  const describe = (r: CandidateRun) => `${r.candidate.family} #${r.candidate.id} (${metric} ${r.entry!.cvScore.toFixed(4)}, log loss ${(-r.tiebreak!).toFixed(4)})`;
  return `chose ${describe(winner)} over ${describe(best)}: within one standard error of the best ${metric} (${scoring.noise(best.score!).toFixed(4)} on ${scoring.y.length} out-of-fold rows), the lower log loss decides`;
}

export async function runTournament(
  table: DataTable,
  settings: TournamentSettings,
  executor: TournamentExecutor,
  options: RunOptions = {},
): Promise<TournamentResult> {
  const signal = options.signal;
  if (signal?.aborted) throw new TournamentCancelledError();
  // Cancelling stops every worker at once, whatever phase the tournament is in.
  const onAbort = () => executor.cancel();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await tournament(table, settings, executor, options);
  } catch (err) {
    if (signal?.aborted) throw new TournamentCancelledError();
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

async function tournament(tableIn: DataTable, settingsIn: TournamentSettings, executor: TournamentExecutor, options: RunOptions): Promise<TournamentResult> {
  const clock = options.clock ?? (() => globalThis.performance.now());
  const settings = resolveSettings(settingsIn);
  const started = options.startedAt ?? clock();
  const deadline = started + settings.timeBudgetSeconds * 1000;
  const signal = options.signal;
  const check = () => {
    if (signal?.aborted) throw new TournamentCancelledError();
  };
  const elapsed = () => (clock() - started) / 1000;
  const progress = (p: Omit<TournamentProgress, 'elapsedSeconds' | 'secondsLeft'>) =>
    options.onProgress?.({ ...p, elapsedSeconds: elapsed(), secondsLeft: Math.max(0, (deadline - clock()) / 1000) });

  // ---- the target, the metric, the rows
  const target = prepareTarget(tableIn, settings.target, { task: settings.task, positiveClass: settings.positiveClass, minRows: settings.folds ?? 5 });
  // The table with the target's labels merged where they differ only by case (target.ts).
  const table = target.table;
  for (const w of target.warnings) options.onWarning?.(w);
  const task = target.task;
  const y = target.labels.y;
  const nClasses = task === 'regression' ? 1 : target.classes!.length;
  const metricName = settings.metric ?? tournamentMetric(task);
  let metric: Metric;
  try {
    metric = getMetric(metricName);
  } catch (err) {
    throw new DataError((err as Error).message);
  }
  if (!metric.tasks.includes(task)) throw new DataError(`metric "${metricName}" does not apply to a ${task} task (it is for ${metric.tasks.join('/')} tasks)`);
  const rowsTable = target.rows.length === table.rowCount ? table : takeRows(table, target.rows);
  const planned = planRows(y, task, nClasses, settings, { target: target.column.name, classes: target.classes });
  const { ySearch } = planned;

  // ---- the feature pipeline inside each fold, fitted in the executor's workers, within its share of the budget
  progress({ phase: 'preparing', message: `fitting the feature pipeline in ${planned.plan.folds.length} fold${planned.plan.folds.length > 1 ? 's' : ''}`, candidatesFinished: 0, candidatesRunning: 0 });
  const prepareInput: PrepareInput = {
    table: rowsTable, y, target: target.column.name, task, nClasses, classes: target.classes, positiveClass: target.positiveClass, plan: planned.plan,
    features: { ...settings.features, maxTerms: settings.features?.maxTerms ?? tournamentMaxTerms(planned.plan.train.length) },
    // Workers share the wall clock, not this clock.
    deadline: Date.now() + (started + PREPARE_SHARE * settings.timeBudgetSeconds * 1000 - clock()),
  };
  let budgeted: BudgetedPreparation;
  try {
    budgeted = await prepareWithinBudget(executor, prepareInput, prepareJobs(planned.plan), {
      prepareBy: started + PREPARE_SHARE * settings.timeBudgetSeconds * 1000, clock, signal,
      onPart: (done, of) => progress({ phase: 'preparing', message: `feature pipeline ${done}/${of}`, candidatesFinished: 0, candidatesRunning: 0 }),
    });
  } catch (err) {
    executor.cancel(); // one pipeline failed: the others' work is moot
    throw err;
  }
  const plan = budgeted.plan;
  const folds = plan.folds;
  const validation = folds.length === planned.plan.folds.length ? planned.validation : { kind: 'holdout' as const, folds: 1 };
  const notes = [...budgeted.notes];
  for (const note of notes) options.debug?.(note);
  const prepared = assemblePrepared({ ...prepareInput, plan }, budgeted.parts);
  check();
  await executor.load(prepared.data);
  if (elapsed() > settings.timeBudgetSeconds) {
    notes.push(`fitting the feature pipeline took ${elapsed().toFixed(1)} s, past the ${settings.timeBudgetSeconds} s budget (any model needs the first fold's and the training rows' pipelines, here on ${rowsTable.columns.length} columns)`);
  }
  const prepareSeconds = elapsed();

  // ---- the search
  const scoring = new Scoring(metric, task, nClasses, ySearch, folds);
  const foldTrainRows = prepared.data.folds[0].trainY.length;
  let minority = 1;
  if (task !== 'regression') {
    const counts = new Array<number>(nClasses).fill(0);
    for (const v of ySearch) counts[v]++;
    minority = Math.min(...counts.filter((c) => c > 0)) / ySearch.length;
  }
  const shape: DataShape = { task, nRows: foldTrainRows, nFeatures: prepared.featureNames.length, nClasses, minorityShare: minority };
  const spaces = searchSpaces(settings.models, shape, settings.searchSpace);
  if (!spaces.length) throw new DataError(`none of the model families ${settings.models.join(', ')} can learn a ${task} task`);
  const refitParts = prepared.data.final && settings.refitOnAllRows ? 2 : 1;
  const costs = new RefitCost(foldTrainRows, (prepared.data.final ?? prepared.data.refit).y.length, Math.max(1, executor.parallelism), settings.timeBudgetSeconds);
  const searchStarted = clock();
  const runs = await runSearchLoop({
    executor, search: new TournamentSearch(spaces, { seed: settings.seed, maxCandidates: settings.maxCandidates }), folds, scoring, costs,
    settings, clock, deadline, refitParts, control: prepared.data.control, signal, progress, debug: options.debug,
  });
  check();
  const searchSeconds = (clock() - searchStarted) / 1000;
  const engines = new Set(runs.flatMap((r) => r.results.map((x) => x?.kernels).filter((k) => k !== undefined)));
  const kernels = engines.size ? (engines.has('javascript') ? 'javascript' : 'webassembly') : undefined;
  const firstDone = runs.find((r) => r.entry);
  if (firstDone && clock() > deadline && !notes.some((n) => n.startsWith('fitting the feature pipeline took'))) {
    notes.push(`the first candidate (${firstDone.candidate.family} #${firstDone.candidate.id}) ran ${((clock() - deadline) / 1000).toFixed(1)} s past the ${settings.timeBudgetSeconds} s budget: the first candidate always finishes its own fit, so there is a model`);
  }

  // ---- final phase
  const finalStarted = clock();
  const ranked = rankRuns(runs, scoring);
  const bestScored = ranked.length ? ranked.reduce((a, r) => (byScore(r, a) < 0 ? r : a)) : undefined;
  if (bestScored && bestScored !== ranked[0]) notes.push(withinNoiseNote(ranked[0], bestScored, metric.name, scoring));
  if (!ranked.length) {
    const errors = [...new Set(runs.map((r) => r.error).filter(Boolean))];
    throw new Error(errors.length ? `every candidate failed: ${errors.slice(0, 3).join('; ')}` : 'no candidate finished within the time budget; give it more time');
  }
  const finalProgress = (message: string) => progress({ phase: 'finalizing', message, candidatesFinished: ranked.length, candidatesRunning: 0 });
  finalProgress('choosing the winner');
  const final = await finalize({
    task, nClasses, classes: target.classes, positiveClass: target.positiveClass, scoring, settings, prepared, executor, costs,
    clock, deadline, signal, check, progress: finalProgress,
  }, ranked);

  finalProgress('computing insights');
  const pipeline = final.shippedOnAllRows ? prepared.finalSpec : prepared.refitSpec;
  // Out of fold, each row is calibrated by a fit that did not see it (the shipped calibrator saw them all).
  const calibrated = final.calibratedOutOfFold ?? final.outOfFold;
  const insights = computeInsights({
    task, nClasses, classes: target.classes, metric, seed: settings.seed,
    evaluation: final.test
      ? { on: 'test', y: final.test.y, predictions: final.test.predictions }
      : { on: 'out-of-fold', y: scoring.y, predictions: calibrated },
    reliabilityBefore: final.calibration ? { y: scoring.y, predictions: final.outOfFold } : undefined,
    reliabilityAfter: final.calibration ? { y: scoring.y, predictions: calibrated } : undefined,
    model: final.model,
    pipeline,
  });

  // What monitoring compares production with (written as reference-profile.json).
  const { reference, note: referenceNote } = tournamentReference({
    table: rowsTable, pipeline, task, classes: target.classes, positiveClass: target.positiveClass, metric, importance: insights.importance,
    evaluation: final.test
      ? { on: 'test', rows: plan.test.length, predictions: final.test.predictions, score: final.test.score }
      : { on: 'out-of-fold', rows: scoring.y.length, predictions: calibrated, score: scoring.metric.compute(scoring.y, calibrated, task) },
  });
  if (referenceNote) notes.push(referenceNote);
  if (elapsed() > settings.timeBudgetSeconds && !notes.some((n) => /past the .* budget/.test(n))) {
    notes.push(`the final steps (refits, insights, the monitoring reference) ended ${(elapsed() - settings.timeBudgetSeconds).toFixed(1)} s past the ${settings.timeBudgetSeconds} s budget`);
  }

  const result: TournamentResult = {
    task,
    target: target.column.name,
    metric: metric.name,
    higherIsBetter: metric.higherIsBetter,
    ...(target.classes ? { classes: target.classes } : {}),
    ...(target.positiveClass !== undefined ? { positiveClass: target.positiveClass } : {}),
    rows: y.length,
    warnings: target.warnings,
    trainRows: plan.train.length,
    testRows: plan.test.length,
    searchRows: plan.search.length,
    validation: { kind: validation.kind, folds: folds.length },
    dropped: prepared.dropped,
    droppedFeatures: prepared.droppedFeatures,
    leaderboard: final.leaderboard,
    winner: final.winner,
    ...(final.ensemble ? { ensemble: final.ensemble } : {}),
    ...(final.calibrationInfo ? { calibration: final.calibrationInfo } : {}),
    ...(final.test ? { test: { score: final.test.score, metrics: final.test.metrics } } : {}),
    model: final.model,
    pipeline,
    insights,
    reference,
    candidatesEvaluated: ranked.length,
    notes,
    candidatesCancelled: runs.filter((r) => r.cancelled).length,
    seconds: elapsed(),
    timing: { prepareSeconds, searchSeconds, finalSeconds: (clock() - finalStarted) / 1000, ...(kernels ? { kernels } : {}) },
    settings,
  };
  progress({
    phase: 'done',
    message: `winner: ${final.winner.model} with ${metric.name} ${final.winner.cvScore.toFixed(4)} (cross-validated)${final.test ? `, ${final.test.score.toFixed(4)} on the test rows` : ''}`,
    candidatesFinished: ranked.length,
    candidatesRunning: 0,
  });
  return result;
}
