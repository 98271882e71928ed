// The search loop: keeps the executor busy with candidates (every fold of a candidate is one
// task) until the time left only covers the final phase, then lets running fits stop at the
// shared deadline (boosting keeps the rounds it reached) and terminates what is still busy.
//
// Determinism: an adaptive candidate i is proposed only after the outcomes of candidates
// < i − P (P = the executor's parallelism) were told to the search, in id order, and never any
// later ones — so proposals do not depend on which worker finished first. Portfolio defaults
// depend on no outcome and never wait. Same seed and data, same candidates; the budget decides
// only how many of them run.
import type { TournamentExecutor } from './executor';
import type { FoldResult } from './candidate';
import type { RefitCost } from './refit-cost';
import type { Scoring } from './scoring';
import type { Candidate, TournamentSearch } from './search';
import type { ResolvedSettings } from './settings';
import type { Fold } from './split';
import type { LeaderboardEntry, TournamentProgress } from './types';
import type { ModelFamily } from '../learn/model';

export interface CandidateRun {
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
  /** Oriented out-of-fold score (higher is better). */
  score?: number;
  /** What breaks a tie of `score` (higher is better; Scoring.tiebreak). */
  tiebreak?: number;
  /** Out-of-fold predictions, kept only while the ensemble may draw on them. */
  oof?: Float64Array;
  entry?: LeaderboardEntry;
}

export const ENSEMBLE_POOL = 12;
/** Candidates whose refits the search keeps time for (a typical ensemble's size). */
const RESERVE_MEMBERS = 4;
/** At most this share of the budget for one fold fit. */
const FIT_SHARE = 0.3;
/** How long past the search's end a fit may take to notice its deadline before it is killed. */
const STOP_GRACE_MS = 1000;
/** Consecutive unaffordable proposals after which the search is over. */
const MAX_SKIPS = 20;

/** Best first; a tie goes to the lower log loss under a counting metric (Scoring.tiebreak), then to the earlier candidate. */
export function byScore(a: CandidateRun, b: CandidateRun): number {
  return b.score! - a.score! || (b.tiebreak ?? 0) - (a.tiebreak ?? 0) || a.candidate.id - b.candidate.id;
}

/**
 * Finished runs, best first: by score, except that under a counting metric (accuracy) the runs
 * within one standard error of the best come first ordered by log loss (Breiman's one-standard-error
 * rule, with log loss — a finer measure of the same predictions — deciding within it). On a few
 * hundred rows accuracy moves by one row between candidates of equal merit: penguins seed 3
 * shipped a forest one out-of-fold row ahead of a GBDT (0.9955 against 0.9909 accuracy) with ten
 * times its log loss (0.230 against 0.023); on the test rows it made three mistakes.
 */
export function rankRuns(runs: readonly CandidateRun[], scoring?: Pick<Scoring, 'noise'>): CandidateRun[] {
  const ranked = runs.filter((r) => r.entry).sort(byScore);
  const noise = ranked.length && scoring ? scoring.noise(ranked[0].score!) : 0;
  if (!(noise > 0)) return ranked;
  const near = ranked.filter((r) => r.score! >= ranked[0].score! - noise);
  near.sort((a, b) => (b.tiebreak ?? 0) - (a.tiebreak ?? 0) || byScore(a, b));
  return [...near, ...ranked.slice(near.length)];
}

/**
 * The finished runs whose refits the search keeps time for: the RESERVE_MEMBERS best, and with an
 * ensemble the best of every other family too. A blend's members are mostly the best of different
 * families (see ensemblePool), and a cheap family ranked first (linear models on small data) must
 * not leave time for its own refit alone: the final phase would then drop a better blend's costlier
 * members for want of time (hr_attrition: a linear + forest blend 0.007–0.014 AUROC better out of
 * fold, shipped as the linear model alone on 4 seeds of 5).
 */
export function runsToReserve(runs: readonly CandidateRun[], ensemble: boolean, scoring?: Pick<Scoring, 'noise'>): CandidateRun[] {
  const ranked = rankRuns(runs, scoring);
  const chosen = ranked.slice(0, RESERVE_MEMBERS);
  if (!ensemble) return chosen;
  const families = new Set(chosen.map((r) => r.candidate.family));
  for (const r of ranked) {
    if (families.has(r.candidate.family)) continue;
    chosen.push(r);
    families.add(r.candidate.family);
  }
  return chosen;
}

/**
 * Candidates the ensemble may draw from: the best of every family first (diversity is what makes
 * blends work), then the best others, at most three per family, ENSEMBLE_POOL in all.
 */
export function ensemblePool(ranked: readonly CandidateRun[]): CandidateRun[] {
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
  return pool.sort(byScore);
}

export interface SearchLoopContext {
  executor: TournamentExecutor;
  search: TournamentSearch;
  folds: readonly Fold[];
  scoring: Scoring;
  costs: RefitCost;
  settings: ResolvedSettings;
  /** Milliseconds, and the budget's end on that clock. */
  clock: () => number;
  deadline: number;
  /** Refits per final member (2 when the shipped model is refit on every row too). */
  refitParts: number;
  /** Shared with the workers: [0] is the Date.now() at which running fits give up. */
  control?: Float64Array;
  signal?: AbortSignal;
  progress: (p: Omit<TournamentProgress, 'elapsedSeconds' | 'secondsLeft'>) => void;
  debug?: (line: string) => void;
}

/** Runs the search until the budget (or the search) is exhausted; returns every candidate run. */
export async function runSearchLoop(ctx: SearchLoopContext): Promise<CandidateRun[]> {
  const { executor, search, folds, scoring, costs, settings, clock, deadline, control, signal, debug } = ctx;
  const P = Math.max(1, executor.parallelism);
  const runs: CandidateRun[] = [];
  let told = 0;
  let runningTasks = 0;
  let best: CandidateRun | undefined;
  let wake: () => void = () => undefined;
  let wakeUp = new Promise<void>((r) => (wake = r));
  const notify = () => {
    wake();
    wakeUp = new Promise<void>((r) => (wake = r));
  };

  /** Out-of-fold vectors are only needed by ensemble candidates: free the others' memory. */
  let withOof = 0;
  const pruneOutOfFold = () => {
    if (++withOof <= 2 * ENSEMBLE_POOL) return;
    // Ranked as the final phase will rank them: its winner must keep its out-of-fold predictions.
    const ranked = rankRuns(runs.filter((r) => r.oof), scoring);
    const keep = new Set(ensemblePool(ranked));
    for (const r of ranked) if (!keep.has(r)) r.oof = undefined;
    withOof = keep.size;
  };

  const finish = (run: CandidateRun) => {
    run.settled = true;
    if (!run.error && !run.cancelled) {
      const oof = new Float64Array(scoring.y.length * scoring.width);
      run.results.forEach((r, f) => oof.set(r!.predictions, scoring.offsets[f] * scoring.width));
      run.oof = oof;
      run.score = scoring.outOfFold(oof);
      const rounds = run.results.map((r) => r!.rounds).filter((r): r is number => r !== undefined);
      const roundsRun = run.results.reduce((a, r) => a + (r!.iterations ?? 0), 0);
      const kept = rounds.reduce((a, b) => a + b, 0);
      run.entry = {
        id: run.candidate.id,
        model: run.candidate.family,
        params: run.candidate.params,
        cvScore: scoring.sign * run.score,
        foldScores: scoring.perFold(oof),
        fitSeconds: run.results.reduce((a, r) => a + r!.seconds, 0) / run.results.length,
        origin: run.candidate.origin,
        metrics: scoring.metrics(scoring.y, oof),
        ...(rounds.length ? { rounds: kept / rounds.length } : {}),
        ...(rounds.length && roundsRun > 0 ? { refitShare: Math.min(1, kept / roundsRun) } : {}),
        ...(run.results.some((r) => r!.truncated) ? { truncated: true } : {}),
      };
      run.tiebreak = scoring.tiebreak(run.entry.metrics);
      if (!best || byScore(run, best) < 0) best = run;
      pruneOutOfFold();
      ctx.progress({
        phase: 'searching',
        message: `${run.candidate.family} #${run.candidate.id}: ${scoring.metric.name} ${run.entry.cvScore.toFixed(4)}`,
        candidatesFinished: runs.filter((r) => r.entry).length,
        candidatesRunning: runs.filter((r) => !r.settled).length,
        best: { id: best.candidate.id, model: best.candidate.family, params: best.candidate.params, cvScore: best.entry!.cvScore },
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
            run.results[f] = result;
            costs.record(candidate.family, result.seconds);
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
          if (--run.remaining === 0) finish(run);
          else notify();
        });
    });
  };

  /** Time to keep for the final phase: refitting the best finished candidates. */
  const reserveSeconds = () => costs.finalSeconds(runsToReserve(runs, settings.ensemble, scoring), ctx.refitParts);

  const abortPromise = new Promise<void>((r) => signal?.addEventListener('abort', () => r(), { once: true }));
  const waitFor = async (what: Promise<unknown>, ms: number) => {
    let handle: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((r) => (handle = setTimeout(r, Math.max(0, ms))));
    await Promise.race([what, timeout, abortPromise]);
    clearTimeout(handle);
  };

  let exhausted = false;
  let stopping = false;
  let skipped = 0;
  while (!signal?.aborted) {
    const now = clock();
    const stopAt = deadline - reserveSeconds() * 1000;
    const anyComplete = runs.some((r) => r.entry);
    if (!stopping && now >= stopAt && runs.length > 0) {
      stopping = true;
      debug?.(`search over: ${((deadline - now) / 1000).toFixed(1)} s left, ${reserveSeconds().toFixed(1)} s reserved for the final refits`);
    }
    // Running fits read this shared clock and give up on their own when the search is over.
    if (control && anyComplete) control[0] = Date.now() + (stopAt - now);
    if (!stopping && !exhausted && runningTasks < 2 * P) {
      const i = search.proposed;
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
      const needs = costs.candidateSeconds(candidate.family, folds.length);
      if (anyComplete && now + needs * 1000 > stopAt) {
        // Would not finish in time: skip it; a cheaper family may still fit.
        debug?.(`skipping ${candidate.family} #${candidate.id}: needs ~${needs.toFixed(1)} s, ${((stopAt - now) / 1000).toFixed(1)} s left`);
        runs.push({
          candidate, results: [], remaining: 0, controller: new AbortController(),
          settled: true, skipped: true, done: Promise.resolve(), resolve: () => undefined,
        });
        if (++skipped >= MAX_SKIPS) exhausted = true;
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
    if (stopping && anyComplete) {
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
  if (control) control[0] = Infinity;
  return runs;
}
