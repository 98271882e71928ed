// The tournament, start to finish: check and encode the target, keep test rows aside, fit the
// feature pipeline inside each fold, let the budgeted search hand candidates to the executor
// (a worker pool or inline) until the time left only covers the final steps, then blend the
// best into an ensemble if that beats the best single candidate, calibrate, refit on all
// training rows, score the test rows, and explain the result.
//
// Determinism: candidate i is proposed only after the outcomes of candidates < i − P (P = the
// executor's parallelism) were told to the search, in id order, and never any later ones — so
// proposals do not depend on which worker finished first. Same seed and data, same candidates;
// the budget decides only how many of them run.
import { defaultMetric, getMetric, type Metric } from '../learn/metric';
import type { Task } from '../learn/matrix';
import type { ModelFamily } from '../learn/model';
import type { DataTable } from '../table/types';
import { DataError } from '../table/types';
import { chooseCalibration, applyCalibration, type Calibration } from './calibrate';
import type { FoldResult, RefitResult } from './candidate';
import { blend, selectEnsemble } from './ensemble';
import type { TournamentExecutor } from './executor';
import { computeInsights, type TournamentInsights } from './insights';
import { assemblePrepared, prepareJobs, type PreparedPart, type PrepareInput, type RowPlan } from './prepare';
import { deriveSeed } from './random';
import { searchSpaces, type DataShape, type Params } from './search-space';
import { TournamentSearch, type Candidate } from './search';
import { resolveSettings, type ResolvedSettings, type TournamentSettings } from './settings';
import { holdoutFold, planValidation, stratifiedKFold, trainTestSplit } from './split';
import { takeRows } from './take-rows';
import { prepareTarget } from './target';
import { TOURNAMENT_MODEL_FORMAT, type TournamentModelJSON } from './tournament-model';

export interface LeaderboardEntry {
  /** Candidate id (proposal order); -1 for the ensemble. */
  id: number;
  model: ModelFamily | 'ensemble';
  params: Params | { members: { id: number; model: ModelFamily; weight: number }[] };
  /** The selection metric on the pooled out-of-fold predictions. */
  cvScore: number;
  foldScores: number[];
  /** Mean seconds of one fold's fit (for the winner: its final refit). */
  fitSeconds: number;
  origin: Candidate['origin'] | 'ensemble';
  /** A few more metrics on the out-of-fold predictions. */
  metrics: Record<string, number>;
  /** Boosting rounds kept by early stopping, averaged over folds. */
  rounds?: number;
  /** Share of the fold fits' time a refit with the kept rounds needs (kept / run rounds). */
  refitShare?: number;
}

export interface TournamentProgress {
  phase: 'preparing' | 'searching' | 'finalizing' | 'done';
  message: string;
  elapsedSeconds: number;
  secondsLeft: number;
  candidatesFinished: number;
  candidatesRunning: number;
  best?: { id: number; model: ModelFamily; params: Params; cvScore: number };
  /** Set when a candidate just finished. */
  finished?: LeaderboardEntry;
}

export interface TournamentResult {
  task: Task;
  target: string;
  metric: string;
  higherIsBetter: boolean;
  classes?: string[];
  positiveClass?: string;
  /** Rows with a target value; of which training, test, and cross-validated by the search. */
  rows: number;
  trainRows: number;
  testRows: number;
  searchRows: number;
  validation: { kind: 'kfold' | 'holdout'; folds: number };
  /** Raw columns left out of the model, with why. */
  dropped: { column: string; reason: string }[];
  /** Derived features the sanity checker removed from columns that stayed. */
  droppedFeatures: { column: string; feature: string; reason: string }[];
  /** Best first; includes the ensemble when it was kept. */
  leaderboard: LeaderboardEntry[];
  winner: LeaderboardEntry;
  ensemble?: { members: { id: number; model: ModelFamily; params: Params; weight: number }[]; cvScore: number; bestSingleCvScore: number; kept: boolean };
  calibration?: { method: Calibration['method'] | 'none'; logloss: Record<string, number> };
  /** The winner refit on the training rows, scored on the test rows. */
  test?: { score: number; metrics: Record<string, number> };
  model: TournamentModelJSON;
  /** Feature pipeline spec the shipped model reads its matrix from. */
  pipeline: unknown;
  insights: TournamentInsights;
  candidatesEvaluated: number;
  candidatesCancelled: number;
  seconds: number;
  timing: { prepareSeconds: number; searchSeconds: number; finalSeconds: number };
  settings: ResolvedSettings;
}

export interface RunOptions {
  onProgress?: (progress: TournamentProgress) => void;
  signal?: AbortSignal;
  /** Milliseconds; injectable for tests. */
  clock?: () => number;
  /** When the budget started (clock ms), if before this call — e.g. when the file was read. */
  startedAt?: number;
  /** Diagnostic lines (scheduling decisions). */
  debug?: (line: string) => void;
}

export class TournamentCancelledError extends Error {
  constructor() {
    super('the tournament was cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * The metric the tournament selects by unless told: AUROC, accuracy, RMSE. Multiclass selects by
 * accuracy (what `train --fixed` reports too): log loss rewards ever more confident fits of
 * separable classes, and among candidates equally accurate the earlier — stronger default —
 * one wins the tie.
 */
export function tournamentMetric(task: Task): string {
  return task === 'multiclass' ? 'accuracy' : defaultMetric(task);
}

/** Below this many rows no test split is kept (it would be too small to say anything). */
const MIN_ROWS_FOR_TEST = 50;
/** Oriented-score margin an ensemble must beat the best single candidate by. */
const ENSEMBLE_MARGIN = 1e-4;
const ENSEMBLE_POOL = 12;
/** Candidates whose refits the search keeps time for (a typical ensemble's size). */
const RESERVE_MEMBERS = 4;
/** At most this share of the budget for one fold fit. */
const FIT_SHARE = 0.3;
/** How long past the search's end a fit may take to notice its deadline before it is killed. */
const STOP_GRACE_MS = 1000;

interface CandidateRun {
  candidate: Candidate;
  results: (FoldResult | undefined)[];
  remaining: number;
  error?: string;
  cancelled?: boolean;
  /** Proposed but not run: it would not have finished in time. */
  skipped?: boolean;
  controller: AbortController;
  settled: boolean;
  done: Promise<void>;
  resolve: () => void;
  score?: number;
  oof?: Float64Array;
  entry?: LeaderboardEntry;
}

function extraMetrics(task: Task): string[] {
  return task === 'binary' ? ['auroc', 'aupr', 'logloss', 'accuracy'] : task === 'multiclass' ? ['accuracy', 'logloss'] : ['rmse', 'mae', 'r2'];
}

function metricValues(names: string[], y: ArrayLike<number>, p: ArrayLike<number>, task: Task): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of names) out[name] = getMetric(name).compute(y, p, task);
  return out;
}

/**
 * Candidates the ensemble may draw from: the best of every family first (diversity is what makes
 * blends work), then the best others, at most three per family, ENSEMBLE_POOL in all.
 */
function ensemblePool(ranked: CandidateRun[]): CandidateRun[] {
  const pool: CandidateRun[] = [];
  const perFamily = new Map<ModelFamily, number>();
  for (const r of ranked) {
    if (!perFamily.has(r.candidate.family)) {
      pool.push(r);
      perFamily.set(r.candidate.family, 1);
    }
  }
  for (const r of ranked) {
    if (pool.length >= ENSEMBLE_POOL) break;
    const n = perFamily.get(r.candidate.family)!;
    if (pool.includes(r) || n >= 3) continue;
    pool.push(r);
    perFamily.set(r.candidate.family, n + 1);
  }
  return pool.sort((a, b) => b.score! - a.score! || a.candidate.id - b.candidate.id);
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

async function tournament(
  table: DataTable,
  settingsIn: TournamentSettings,
  executor: TournamentExecutor,
  options: RunOptions,
): Promise<TournamentResult> {
  const clock = options.clock ?? (() => globalThis.performance.now());
  const settings = resolveSettings(settingsIn);
  const started = options.startedAt ?? clock();
  const deadline = started + settings.timeBudgetSeconds * 1000;
  const signal = options.signal;
  const debug = options.debug;
  const throwIfCancelled = () => {
    if (signal?.aborted) {
      executor.cancel();
      throw new TournamentCancelledError();
    }
  };
  const elapsed = () => (clock() - started) / 1000;
  const left = () => Math.max(0, (deadline - clock()) / 1000);

  // ---- the target and the rows
  const provisional = planValidation(table.rowCount, { folds: settings.folds, holdoutAbove: settings.holdoutAbove, outputs: 1 });
  const minRows = provisional.kind === 'kfold' ? provisional.folds : 2;
  const target = prepareTarget(table, settings.target, { task: settings.task, positiveClass: settings.positiveClass, minRows });
  const task = target.task;
  const y = target.labels.y;
  const nClasses = task === 'regression' ? 1 : target.classes!.length;
  const width = task === 'multiclass' ? nClasses : 1;
  const metricName = settings.metric ?? tournamentMetric(task);
  let metric: Metric;
  try {
    metric = getMetric(metricName);
  } catch (err) {
    throw new DataError((err as Error).message);
  }
  if (!metric.tasks.includes(task)) throw new DataError(`metric "${metricName}" does not apply to a ${task} task (it is for ${metric.tasks.join('/')} tasks)`);
  const sign = metric.higherIsBetter ? 1 : -1;
  const orientedScore = (yy: ArrayLike<number>, p: ArrayLike<number>) => {
    const s = sign * metric.compute(yy, p, task);
    return Number.isFinite(s) ? s : -Infinity;
  };
  const rowsTable = target.rows.length === table.rowCount ? table : takeRows(table, target.rows);
  const nRows = y.length;

  const testFraction = nRows >= MIN_ROWS_FOR_TEST ? settings.testFraction : 0;
  const split = testFraction > 0
    ? trainTestSplit(y, task, testFraction, deriveSeed(settings.seed, 1))
    : { train: Uint32Array.from({ length: nRows }, (_, i) => i), test: new Uint32Array(0) };
  const yTrain = Float64Array.from(split.train, (r) => y[r]);
  let searchPositions: Uint32Array = Uint32Array.from({ length: split.train.length }, (_, i) => i);
  if (split.train.length > settings.maxSearchRows) {
    // Large data: cross-validate the search on a stratified sample; the refit uses every row.
    const keep = trainTestSplit(yTrain, task, 1 - settings.maxSearchRows / split.train.length, deriveSeed(settings.seed, 2));
    searchPositions = keep.train;
  }
  const searchRows = Uint32Array.from(searchPositions, (p) => split.train[p]);
  const ySearch = Float64Array.from(searchRows, (r) => y[r]);
  const validation = planValidation(searchRows.length, { folds: settings.folds, holdoutAbove: settings.holdoutAbove, outputs: task === 'multiclass' ? nClasses : 1 });
  if (validation.kind === 'kfold' && searchRows.length < validation.folds) {
    throw new DataError(`only ${searchRows.length} training rows for ${validation.folds}-fold cross-validation; give more rows or fewer folds`);
  }
  const folds = validation.kind === 'kfold'
    ? stratifiedKFold(ySearch, task, validation.folds, deriveSeed(settings.seed, 3))
    : holdoutFold(ySearch, task, 0.2, deriveSeed(settings.seed, 3));
  const plan: RowPlan = { train: split.train, test: split.test, search: searchRows, folds };

  // ---- features inside each fold
  const progress = (p: Omit<TournamentProgress, 'elapsedSeconds' | 'secondsLeft'>) =>
    options.onProgress?.({ ...p, elapsedSeconds: elapsed(), secondsLeft: left() });
  progress({ phase: 'preparing', message: `fitting the feature pipeline in ${folds.length} fold${folds.length > 1 ? 's' : ''}`, candidatesFinished: 0, candidatesRunning: 0 });
  const prepareInput: PrepareInput = {
    table: rowsTable, y, target: target.column.name, task, nClasses, classes: target.classes, positiveClass: target.positiveClass, plan,
    features: settings.features,
  };
  const jobs = prepareJobs(plan);
  let prepDone = 0;
  const preparing = new AbortController();
  const onAbort = () => preparing.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let parts: PreparedPart[];
  try {
    parts = await Promise.all(jobs.map((job) => executor.prepare(prepareInput, job, preparing.signal).then((part) => {
      progress({ phase: 'preparing', message: `feature pipeline ${++prepDone}/${jobs.length}`, candidatesFinished: 0, candidatesRunning: 0 });
      return part;
    })));
  } catch (err) {
    preparing.abort();
    throwIfCancelled();
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  const prepared = assemblePrepared(prepareInput, parts);
  throwIfCancelled();
  await executor.load(prepared.data);
  const prepareSeconds = elapsed();

  // Out-of-fold rows: fold validation rows in fold order (every search row for k-fold).
  const evalPositions: number[] = [];
  for (const f of folds) for (const p of f.valid) evalPositions.push(p);
  const yEval = Float64Array.from(evalPositions, (p) => ySearch[p]);
  const foldOffsets = [0];
  for (const f of folds) foldOffsets.push(foldOffsets[foldOffsets.length - 1] + f.valid.length);
  const foldTrainRows = prepared.data.folds[0].trainY.length;
  const refitRows = prepared.data.final?.y.length ?? prepared.data.refit.y.length;

  // ---- the search
  let minority = 1;
  if (task !== 'regression') {
    const counts = new Array<number>(nClasses).fill(0);
    for (const v of ySearch) counts[v]++;
    minority = Math.min(...counts.filter((c) => c > 0)) / ySearch.length;
  }
  const shape: DataShape = { task, nRows: foldTrainRows, nFeatures: prepared.featureNames.length, nClasses, minorityShare: minority };
  const spaces = searchSpaces(settings.models, shape, settings.searchSpace);
  if (!spaces.length) throw new DataError(`none of the model families ${settings.models.join(', ')} can learn a ${task} task`);
  const search = new TournamentSearch(spaces, { seed: settings.seed, maxCandidates: settings.maxCandidates });
  const P = Math.max(1, executor.parallelism);
  const runs: CandidateRun[] = [];
  let told = 0;
  let runningTasks = 0;
  let wake: () => void = () => undefined;
  let wakeUp = new Promise<void>((r) => (wake = r));
  const notify = () => {
    wake();
    wakeUp = new Promise<void>((r) => (wake = r));
  };
  const foldSeconds = new Map<ModelFamily, { total: number; count: number }>();
  const meanFoldSeconds = (family: ModelFamily) => {
    const s = foldSeconds.get(family);
    return s && s.count ? s.total / s.count : undefined;
  };
  let best: CandidateRun | undefined;

  /** Out-of-fold vectors are only needed by ensemble candidates: free the others' memory. */
  let withOof = 0;
  const pruneOutOfFold = () => {
    if (++withOof <= 2 * ENSEMBLE_POOL) return;
    const ranked = runs.filter((r) => r.oof).sort((a, b) => b.score! - a.score! || a.candidate.id - b.candidate.id);
    const keep = new Set(ensemblePool(ranked));
    for (const r of ranked) if (!keep.has(r)) r.oof = undefined;
    withOof = keep.size;
  };

  const finishCandidate = (run: CandidateRun) => {
    run.settled = true;
    if (!run.error && !run.cancelled) {
      const oof = new Float64Array(evalPositions.length * width);
      const foldScores: number[] = [];
      run.results.forEach((r, f) => {
        oof.set(r!.predictions, foldOffsets[f] * width);
        foldScores.push(metric.compute(yEval.subarray(foldOffsets[f], foldOffsets[f + 1]), r!.predictions, task));
      });
      run.oof = oof;
      run.score = orientedScore(yEval, oof);
      const rounds = run.results.map((r) => r!.rounds).filter((r): r is number => r !== undefined);
      run.entry = {
        id: run.candidate.id,
        model: run.candidate.family,
        params: run.candidate.params,
        cvScore: sign * run.score,
        foldScores,
        fitSeconds: run.results.reduce((a, r) => a + r!.seconds, 0) / run.results.length,
        origin: run.candidate.origin,
        metrics: metricValues(extraMetrics(task), yEval, oof, task),
        ...(rounds.length ? { rounds: rounds.reduce((a, b) => a + b, 0) / rounds.length } : {}),
      };
      const run_ = run.results.map((r) => r!.iterations ?? 0).reduce((a, b) => a + b, 0);
      if (rounds.length && run_ > 0) run.entry.refitShare = Math.min(1, rounds.reduce((a, b) => a + b, 0) / run_);
      if (!best || run.score > best.score! || (run.score === best.score && run.candidate.id < best.candidate.id)) best = run;
      pruneOutOfFold();
      const complete = runs.filter((r) => r.entry).length;
      progress({
        phase: 'searching',
        message: `${run.candidate.family} #${run.candidate.id}: ${metric.name} ${run.entry.cvScore.toFixed(4)}`,
        candidatesFinished: complete,
        candidatesRunning: runs.filter((r) => !r.settled).length,
        best: best.entry ? { id: best.candidate.id, model: best.candidate.family, params: best.candidate.params, cvScore: best.entry.cvScore } : undefined,
        finished: run.entry,
      });
    }
    run.resolve();
    notify();
  };

  const launch = (candidate: Candidate, stopAt: number) => {
    let resolve: () => void = () => undefined;
    const done = new Promise<void>((r) => (resolve = r));
    const run: CandidateRun = {
      candidate, results: folds.map(() => undefined), remaining: folds.length,
      controller: new AbortController(), settled: false, done, resolve,
    };
    runs.push(run);
    folds.forEach((_, f) => {
      runningTasks++;
      executor
        .evaluate({ candidateId: candidate.id, family: candidate.family, params: candidate.params, fold: f, seed: settings.seed, stopAt }, run.controller.signal)
        .then(
          (result) => {
            if (!result.predictions.length) {
              run.cancelled = true;
              return;
            }
            run.results[f] = result;
            const s = foldSeconds.get(candidate.family) ?? { total: 0, count: 0 };
            s.total += result.seconds;
            s.count++;
            foldSeconds.set(candidate.family, s);
          },
          (err: Error) => {
            if (err?.name === 'CancelledError') run.cancelled = true;
            else if (!run.error) {
              run.error = err?.message ?? String(err);
              run.controller.abort();
            }
          },
        )
        .finally(() => {
          runningTasks--;
          run.remaining--;
          if (run.remaining === 0) finishCandidate(run);
          else notify();
        });
    });
  };

  /** Seconds to refit a candidate on the training rows, from its (or its family's) fold fits. */
  const refitCostScale = refitRows / Math.max(1, foldTrainRows);
  // Boosted refits train √(rows ratio) × the kept rounds, without the early-stopping patience.
  const refitSeconds = (run: CandidateRun) => {
    const fold = run.entry?.fitSeconds ?? meanFoldSeconds(run.candidate.family) ?? 0;
    const share = run.entry?.refitShare;
    return fold * refitCostScale * (share === undefined ? 1 : share * Math.sqrt(refitRows / Math.max(1, foldTrainRows)));
  };
  const refitParts = () => (prepared.data.final && settings.refitOnAllRows ? 2 : 1);
  /** Seconds the final phase needs to refit `runs` (each once or twice), P at a time. */
  const finalSeconds = (chosen: CandidateRun[], parts: number) => {
    const costs = chosen.map(refitSeconds);
    const work = costs.reduce((a, b) => a + b, 0) * parts;
    return Math.max(0, ...costs) + Math.max(0, work / P - Math.max(0, ...costs)) + 0.2 + 0.01 * settings.timeBudgetSeconds;
  };
  /**
   * Seconds to keep for the final phase: refitting the likely winners — the best finished
   * candidates, as many as an ensemble usually holds. Should a costlier member make it into the
   * ensemble, the final phase falls back to cheaper plans rather than run over.
   */
  const reserveSeconds = () => {
    const complete = runs.filter((r) => r.entry).sort((a, b) => b.score! - a.score!).slice(0, RESERVE_MEMBERS);
    return finalSeconds(complete, refitParts());
  };
  /** Seconds a candidate would take; a family not seen yet is assumed twice the costliest seen. */
  const estimatedCost = (candidate: Candidate) => {
    let perFold = meanFoldSeconds(candidate.family);
    if (perFold === undefined) {
      const seen = [...foldSeconds.values()].map((s) => s.total / s.count);
      perFold = seen.length ? 2 * Math.max(...seen) : 0;
    }
    return (perFold * folds.length) / P;
  };

  const control = prepared.data.control;
  const searchStarted = clock();
  let exhausted = false;
  let stopping = false;
  let skipped = 0;
  const timer = (ms: number) => {
    let handle: ReturnType<typeof setTimeout> | undefined;
    const promise = new Promise<void>((r) => (handle = setTimeout(r, Math.max(0, ms))));
    return { promise, cancel: () => clearTimeout(handle) };
  };
  const abortPromise = new Promise<void>((r) => signal?.addEventListener('abort', () => r(), { once: true }));
  const waitFor = async (what: Promise<unknown>, ms: number) => {
    const t = timer(ms);
    await Promise.race([what, t.promise, abortPromise]);
    t.cancel();
  };

  while (true) {
    throwIfCancelled();
    const now = clock();
    const stopAt = deadline - reserveSeconds() * 1000;
    const anyComplete = runs.some((r) => r.entry);
    if (!stopping && now >= stopAt && (anyComplete || runs.length > 0)) {
      stopping = true;
      debug?.(`search over: ${((deadline - now) / 1000).toFixed(1)} s left, ${reserveSeconds().toFixed(1)} s reserved for the final refits`);
    }
    // Running fits read this shared clock and give up on their own when the search is over.
    if (control && anyComplete) control[0] = Date.now() + (stopAt - now);
    if (!stopping && !exhausted && runningTasks < 2 * P) {
      const i = search.proposed;
      // Portfolio defaults depend on no outcome, so they never wait for one.
      if (told < i - P && !search.nextIsDefault) {
        const r = runs[told];
        if (!r.settled) {
          await waitFor(r.done, stopAt - now);
          continue;
        }
        if (!r.skipped) search.tell({ candidate: r.candidate, score: r.score ?? NaN, seconds: r.results.reduce((a, x) => a + (x?.seconds ?? 0), 0) });
        told++;
        continue;
      }
      const candidate = search.ask();
      if (!candidate) {
        debug?.('the search has no more candidates');
        exhausted = true;
        continue;
      }
      if (anyComplete && now + estimatedCost(candidate) * 1000 > stopAt) {
        debug?.(`skipping ${candidate.family} #${candidate.id}: needs ~${estimatedCost(candidate).toFixed(1)} s, ${((stopAt - now) / 1000).toFixed(1)} s left`);
        // Would not finish in time: skip it; a cheaper family may still fit.
        runs.push({
          candidate, results: [], remaining: 0, controller: new AbortController(),
          settled: true, skipped: true, done: Promise.resolve(), resolve: () => undefined,
        });
        if (++skipped >= 20) exhausted = true;
        continue;
      }
      // Fits stop by themselves at the search's end (Date.now() is shared with workers), and no
      // fit may take more than a share of the budget; a boosted model stopped that way keeps the
      // rounds it has. The first candidates always finish, so there is a winner however small
      // the budget.
      const fitCap = Date.now() + FIT_SHARE * settings.timeBudgetSeconds * 1000;
      launch(candidate, anyComplete ? Math.min(fitCap, Date.now() + (stopAt - now)) : fitCap);
      continue;
    }
    if (runningTasks === 0) break;
    if (stopping && runs.some((r) => r.entry)) {
      // Running fits stop themselves at their deadline; terminate whatever is still busy after a
      // short grace (a worker restart costs more than waiting a moment).
      const grace = Math.min(STOP_GRACE_MS, 30 * settings.timeBudgetSeconds);
      await waitFor(Promise.all(runs.map((r) => r.done)), Math.max(0, stopAt + grace - now));
      for (const r of runs) {
        if (r.settled) continue;
        debug?.(`terminating ${r.candidate.family} #${r.candidate.id} (${r.remaining} fold fits left)`);
        r.controller.abort();
      }
      await Promise.all(runs.map((r) => r.done));
      break;
    }
    await waitFor(wakeUp, stopping ? 1000 : Math.max(1, stopAt - now));
  }
  throwIfCancelled();
  if (control) control[0] = Infinity;
  const searchSeconds = (clock() - searchStarted) / 1000;

  // ---- final phase
  const finalStarted = clock();
  const complete = runs.filter((r) => r.entry).sort((a, b) => b.score! - a.score! || a.candidate.id - b.candidate.id);
  if (!complete.length) {
    const errors = [...new Set(runs.map((r) => r.error).filter(Boolean))];
    throw new Error(errors.length ? `every candidate failed: ${errors.slice(0, 3).join('; ')}` : 'no candidate finished within the time budget; give it more time');
  }
  progress({ phase: 'finalizing', message: 'choosing the winner', candidatesFinished: complete.length, candidatesRunning: 0 });
  const leaderboard = complete.map((r) => r.entry!);
  const top = complete[0];

  // Ensemble of the best candidates, kept only when it beats the best single one out of fold.
  let members: { run: CandidateRun; weight: number }[] = [{ run: top, weight: 1 }];
  let ensembleInfo: TournamentResult['ensemble'];
  let oofChosen = top.oof!;
  if (settings.ensemble && complete.length > 1) {
    const pool = ensemblePool(complete.filter((r) => r.oof));
    const selection = selectEnsemble(pool.map((r) => r.oof!), (p) => orientedScore(yEval, p));
    const kept = selection.members.length > 1 && selection.score > selection.bestSingleScore + ENSEMBLE_MARGIN;
    ensembleInfo = {
      members: selection.members.map((m) => ({ id: pool[m.index].candidate.id, model: pool[m.index].candidate.family, params: pool[m.index].candidate.params, weight: m.weight })),
      cvScore: sign * selection.score,
      bestSingleCvScore: sign * selection.bestSingleScore,
      kept,
    };
    if (kept) {
      members = selection.members.map((m) => ({ run: pool[m.index], weight: m.weight }));
      oofChosen = blend(members.map((m) => m.run.oof!), members.map((m) => m.weight));
    }
  }

  // Out of time for the plan? Ship the training-rows refit instead of refitting on every row,
  // then fall back to the single best candidate.
  const hasTest = split.test.length > 0;
  let shipFinal = hasTest && settings.refitOnAllRows && !!prepared.data.final;
  const overBudget = () => clock() + finalSeconds(members.map((m) => m.run), shipFinal ? 2 : 1) * 1000 > deadline;
  if (overBudget() && shipFinal) shipFinal = false;
  while (overBudget() && members.length > 1) {
    // Drop the lightest member; keep the smaller blend only while it still beats the best single.
    members = members.slice(0, -1);
    const total = members.reduce((a, m) => a + m.weight, 0);
    members = members.map((m) => ({ ...m, weight: m.weight / total }));
    oofChosen = blend(members.map((m) => m.run.oof!), members.map((m) => m.weight));
    if (members.length > 1 && orientedScore(yEval, oofChosen) <= top.score! + ENSEMBLE_MARGIN) members = [{ run: top, weight: 1 }];
    if (members.length === 1) {
      members = [{ run: top, weight: 1 }];
      oofChosen = top.oof!;
      if (ensembleInfo) ensembleInfo.kept = false;
    } else if (ensembleInfo) {
      ensembleInfo.members = members.map((m) => ({ id: m.run.candidate.id, model: m.run.candidate.family, params: m.run.candidate.params, weight: m.weight }));
      ensembleInfo.cvScore = sign * orientedScore(yEval, oofChosen);
    }
  }

  // Calibration on the out-of-fold predictions of what ships.
  let calibration: Calibration | undefined;
  let calibrationInfo: TournamentResult['calibration'];
  if (task !== 'regression') {
    const choice = chooseCalibration(oofChosen, yEval, task, nClasses, { seed: deriveSeed(settings.seed, 4), method: settings.calibration });
    calibration = choice.calibration;
    calibrationInfo = { method: calibration?.method ?? 'none', logloss: choice.logloss };
  }

  // Refit members on the training rows (scored on the test rows) and on every row (shipped).
  // Early-stopped rounds grow with the rows: scale the folds' rounds by √(rows / fold rows).
  const refitOne = (run: CandidateRun, part: 'train' | 'final'): Promise<RefitResult> => {
    const partRows = part === 'final' ? prepared.data.final?.y.length ?? prepared.data.refit.y.length : prepared.data.refit.y.length;
    const foldRounds = run.entry!.rounds;
    const rounds = foldRounds !== undefined ? Math.max(1, Math.round(foldRounds * Math.sqrt(partRows / Math.max(1, foldTrainRows)))) : undefined;
    return executor.refit({ family: run.candidate.family, params: run.candidate.params, seed: deriveSeed(settings.seed, run.candidate.id, 7919), part, rounds }, signal);
  };
  progress({ phase: 'finalizing', message: `refitting ${members.length > 1 ? `${members.length} ensemble members` : 'the winner'} on all training rows`, candidatesFinished: complete.length, candidatesRunning: 0 });
  throwIfCancelled();
  const trainRefits = members.map((m) => refitOne(m.run, 'train'));
  const finalRefits = shipFinal ? members.map((m) => refitOne(m.run, 'final')) : [];
  // Awaited together, so a failure in one never leaves the other's rejection unhandled.
  const refits = await Promise.all([...trainRefits, ...finalRefits]);
  const trainResults = refits.slice(0, trainRefits.length);
  const finalResults = shipFinal ? refits.slice(trainRefits.length) : trainResults;
  throwIfCancelled();

  let test: TournamentResult['test'];
  let testPredictions: Float64Array | undefined;
  if (hasTest) {
    const blended = blend(trainResults.map((r) => r.testPredictions!), members.map((m) => m.weight));
    testPredictions = calibration ? applyCalibration(calibration, blended) : blended;
    const yTest = prepared.data.refit.testY!;
    test = { score: metric.compute(yTest, testPredictions, task), metrics: metricValues(extraMetrics(task), yTest, testPredictions, task) };
  }

  const model: TournamentModelJSON = {
    kind: 'tournament-model',
    format: TOURNAMENT_MODEL_FORMAT,
    task,
    nClasses,
    ...(target.classes ? { classes: target.classes } : {}),
    ...(target.positiveClass !== undefined ? { positiveClass: target.positiveClass } : {}),
    features: finalResults[0].features,
    members: members.map((m, i) => ({ weight: m.weight, model: finalResults[i].model, ...(finalResults[i].view ? { view: finalResults[i].view } : {}) })),
    ...(calibration ? { calibration } : {}),
  };
  const shippedFitSeconds = finalResults.reduce((a, r) => a + r.seconds, 0);
  const winner: LeaderboardEntry = members.length > 1
    ? {
        id: -1, model: 'ensemble',
        params: { members: members.map((m) => ({ id: m.run.candidate.id, model: m.run.candidate.family, weight: m.weight })) },
        cvScore: ensembleInfo!.cvScore, foldScores: folds.map((_, f) => metric.compute(yEval.subarray(foldOffsets[f], foldOffsets[f + 1]), oofChosen.subarray(foldOffsets[f] * width, foldOffsets[f + 1] * width), task)),
        fitSeconds: shippedFitSeconds, origin: 'ensemble',
        metrics: metricValues(extraMetrics(task), yEval, oofChosen, task),
      }
    : { ...top.entry!, fitSeconds: shippedFitSeconds };
  if (members.length > 1) leaderboard.unshift({ ...winner });

  progress({ phase: 'finalizing', message: 'computing insights', candidatesFinished: complete.length, candidatesRunning: 0 });
  const insights = computeInsights({
    task, nClasses, classes: target.classes, metric, seed: settings.seed,
    evaluation: hasTest
      ? { on: 'test', y: prepared.data.refit.testY!, predictions: testPredictions! }
      : { on: 'out-of-fold', y: yEval, predictions: calibration ? applyCalibration(calibration, oofChosen) : oofChosen },
    reliabilityBefore: calibration ? { y: yEval, predictions: oofChosen } : undefined,
    reliabilityAfter: calibration ? { y: yEval, predictions: applyCalibration(calibration, oofChosen) } : undefined,
    model,
    pipeline: shipFinal ? prepared.finalSpec : prepared.refitSpec,
  });

  const result: TournamentResult = {
    task,
    target: target.column.name,
    metric: metric.name,
    higherIsBetter: metric.higherIsBetter,
    ...(target.classes ? { classes: target.classes } : {}),
    ...(target.positiveClass !== undefined ? { positiveClass: target.positiveClass } : {}),
    rows: nRows,
    trainRows: split.train.length,
    testRows: split.test.length,
    searchRows: searchRows.length,
    validation: { kind: validation.kind, folds: folds.length },
    dropped: prepared.dropped,
    droppedFeatures: prepared.droppedFeatures,
    leaderboard,
    winner,
    ...(ensembleInfo ? { ensemble: ensembleInfo } : {}),
    ...(calibrationInfo ? { calibration: calibrationInfo } : {}),
    ...(test ? { test } : {}),
    model,
    pipeline: shipFinal ? prepared.finalSpec : prepared.refitSpec,
    insights,
    candidatesEvaluated: complete.length,
    candidatesCancelled: runs.filter((r) => r.cancelled).length,
    seconds: elapsed(),
    timing: { prepareSeconds, searchSeconds, finalSeconds: (clock() - finalStarted) / 1000 },
    settings,
  };
  progress({
    phase: 'done',
    message: `winner: ${winner.model} with ${metric.name} ${winner.cvScore.toFixed(4)} (cross-validated)${test ? `, ${test.score.toFixed(4)} on the test rows` : ''}`,
    candidatesFinished: complete.length,
    candidatesRunning: 0,
  });
  return result;
}
