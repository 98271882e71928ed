// The final phase: blend the best candidates into an ensemble when that beats the best single
// one out of fold, fit for the time left (ship the training-rows refit rather than refit on every
// row, then drop the lightest members), calibrate on the out-of-fold predictions, refit the
// members on the training rows (to score the test rows) and on every row (the model that ships).
import type { Task } from '../learn/matrix';
import { applyCalibration, chooseCalibration, fitTemperature, type Calibration } from './calibrate';
import { multiclassLogloss } from '../learn/metric';
import type { RefitResult } from './candidate';
import { blend, selectEnsemble } from './ensemble';
import type { TournamentExecutor } from './executor';
import type { PreparedTournament } from './prepare';
import { deriveSeed } from '../random/random';
import type { RefitCost } from './refit-cost';
import type { Scoring } from './scoring';
import { ensemblePool, type CandidateRun } from './search-loop';
import type { ResolvedSettings } from './settings';
import { TOURNAMENT_MODEL_FORMAT, type TournamentModelJSON } from './tournament-model';
import type { LeaderboardEntry, TournamentResult } from './types';

/** Oriented-score margin an ensemble must beat the best single candidate by. */
const ENSEMBLE_MARGIN = 1e-4;

export interface FinalizeContext {
  task: Task;
  nClasses: number;
  classes?: string[];
  positiveClass?: string;
  scoring: Scoring;
  settings: ResolvedSettings;
  prepared: PreparedTournament;
  executor: TournamentExecutor;
  costs: RefitCost;
  clock: () => number;
  deadline: number;
  signal?: AbortSignal;
  /** Throws if the run was cancelled. */
  check: () => void;
  progress: (message: string) => void;
}

export interface Finalized {
  /** Best first; the ensemble first when it ships. */
  leaderboard: LeaderboardEntry[];
  winner: LeaderboardEntry;
  ensemble?: TournamentResult['ensemble'];
  calibration?: Calibration;
  calibrationInfo?: TournamentResult['calibration'];
  /** Out-of-fold predictions of what ships, calibrated by cross-fitting (absent without calibration). */
  calibratedOutOfFold?: Float64Array;
  /** Out-of-fold predictions of what ships (blended, before calibration). */
  outOfFold: Float64Array;
  test?: { score: number; metrics: Record<string, number>; predictions: Float64Array; y: Float64Array };
  model: TournamentModelJSON;
  /** Whether the shipped model was refit on every row (with its own pipeline spec). */
  shippedOnAllRows: boolean;
}

interface Member {
  run: CandidateRun;
  weight: number;
}

/** Most a multiclass blend may raise the calibrated out-of-fold log loss of the best single candidate. */
const BLEND_LOGLOSS_TOLERANCE = 0.01;

/**
 * Whether a multiclass blend's probabilities are worse than those of the best single candidate
 * (what ships without it), each temperature-scaled as the final phase would. Accuracy, the metric
 * the blend was chosen by, only reads each row's top class, and a forest's flat probabilities can
 * lift it a little while costing far more log loss (letters: out-of-fold log loss 0.24 for a GBDT +
 * forest blend, 0.18 after temperature scaling, against ~0.15 for a GBDT alone; on the test rows the
 * blends were worse in both accuracy and log loss).
 */
export function worseProbabilities(single: Float64Array, blended: Float64Array, y: Float64Array, nClasses: number): boolean {
  const calibratedLoss = (p: Float64Array) => multiclassLogloss(y, applyCalibration(fitTemperature(p, y, nClasses), p));
  return calibratedLoss(blended) > calibratedLoss(single) * (1 + BLEND_LOGLOSS_TOLERANCE);
}

export async function finalize(ctx: FinalizeContext, ranked: readonly CandidateRun[]): Promise<Finalized> {
  const { scoring, settings, prepared, executor, costs } = ctx;
  const top = ranked[0];
  const leaderboard = ranked.map((r) => r.entry!);

  // Ensemble of the best candidates, kept only when it beats the best single one out of fold.
  let members: Member[] = [{ run: top, weight: 1 }];
  let ensemble: TournamentResult['ensemble'];
  if (settings.ensemble && ranked.length > 1) {
    const pool = ensemblePool(ranked.filter((r) => r.oof));
    const selection = selectEnsemble(pool.map((r) => r.oof!), (p) => scoring.outOfFold(p));
    const better = selection.members.length > 1 && selection.score > selection.bestSingleScore + ENSEMBLE_MARGIN;
    const kept = better && (ctx.task !== 'multiclass' || !worseProbabilities(top.oof!, blend(selection.members.map((m) => pool[m.index].oof!), selection.members.map((m) => m.weight)), scoring.y, ctx.nClasses));
    ensemble = {
      members: selection.members.map((m) => ({ id: pool[m.index].candidate.id, model: pool[m.index].candidate.family, params: pool[m.index].candidate.params, weight: m.weight })),
      cvScore: scoring.sign * selection.score,
      bestSingleCvScore: scoring.sign * selection.bestSingleScore,
      kept,
    };
    if (kept) members = selection.members.map((m) => ({ run: pool[m.index], weight: m.weight }));
  }

  // Out of time for the plan? Ship the training-rows refit instead of refitting on every row,
  // then drop the lightest members while the smaller blend still beats the best single one.
  const hasTest = !!prepared.data.refit.test;
  let shipFinal = hasTest && settings.refitOnAllRows && !!prepared.data.final;
  const overBudget = () => ctx.clock() + costs.finalSeconds(members.map((m) => m.run), shipFinal ? 2 : 1) * 1000 > ctx.deadline;
  if (overBudget() && shipFinal) shipFinal = false;
  while (overBudget() && members.length > 1) {
    const kept = members.slice(0, -1);
    const total = kept.reduce((a, m) => a + m.weight, 0);
    members = kept.map((m) => ({ ...m, weight: m.weight / total }));
    const blended = blend(members.map((m) => m.run.oof!), members.map((m) => m.weight));
    if (members.length === 1 || scoring.outOfFold(blended) <= top.score! + ENSEMBLE_MARGIN) members = [{ run: top, weight: 1 }];
    if (ensemble) {
      ensemble.kept = members.length > 1;
      if (ensemble.kept) {
        ensemble.members = members.map((m) => ({ id: m.run.candidate.id, model: m.run.candidate.family, params: m.run.candidate.params, weight: m.weight }));
        ensemble.cvScore = scoring.sign * scoring.outOfFold(blended);
      }
    }
  }
  const outOfFold = members.length === 1 ? top.oof! : blend(members.map((m) => m.run.oof!), members.map((m) => m.weight));

  // Calibration on the out-of-fold predictions of what ships.
  let calibration: Calibration | undefined;
  let calibrationInfo: TournamentResult['calibration'];
  let calibratedOutOfFold: Float64Array | undefined;
  if (ctx.task !== 'regression') {
    const choice = chooseCalibration(outOfFold, scoring.y, ctx.task, ctx.nClasses, { seed: deriveSeed(settings.seed, 4), method: settings.calibration });
    calibration = choice.calibration;
    calibratedOutOfFold = choice.crossFitted;
    calibrationInfo = { method: calibration?.method ?? 'none', logloss: choice.logloss };
  }

  // Refit the members on the training rows (scored on the test rows) and on every row (shipped).
  // Early-stopped rounds grow with the rows: the folds' rounds × √(rows / fold rows).
  const foldRows = prepared.data.folds[0].trainY.length;
  const refit = (run: CandidateRun, part: 'train' | 'final'): Promise<RefitResult> => {
    const rows = (part === 'final' ? prepared.data.final ?? prepared.data.refit : prepared.data.refit).y.length;
    const foldRounds = run.entry!.rounds;
    const rounds = foldRounds !== undefined ? Math.max(1, Math.round(foldRounds * Math.sqrt(rows / Math.max(1, foldRows)))) : undefined;
    return executor.refit({ family: run.candidate.family, params: run.candidate.params, seed: deriveSeed(settings.seed, run.candidate.id, 7919), part, rounds }, ctx.signal);
  };
  ctx.progress(`refitting ${members.length > 1 ? `${members.length} ensemble members` : 'the winner'} on all training rows`);
  ctx.check();
  const trainRefits = members.map((m) => refit(m.run, 'train'));
  const finalRefits = shipFinal ? members.map((m) => refit(m.run, 'final')) : [];
  // Awaited together, so a failure in one never leaves the other's rejection unhandled.
  const refits = await Promise.all([...trainRefits, ...finalRefits]);
  const trainResults = refits.slice(0, trainRefits.length);
  const shipped = shipFinal ? refits.slice(trainRefits.length) : trainResults;
  ctx.check();

  let test: Finalized['test'];
  if (hasTest) {
    const blended = blend(trainResults.map((r) => r.testPredictions!), members.map((m) => m.weight));
    const predictions = calibration ? applyCalibration(calibration, blended) : blended;
    const y = prepared.data.refit.testY!;
    test = { score: scoring.metric.compute(y, predictions, ctx.task), metrics: scoring.metrics(y, predictions), predictions, y };
  }

  const model: TournamentModelJSON = {
    kind: 'tournament-model',
    format: TOURNAMENT_MODEL_FORMAT,
    task: ctx.task,
    nClasses: ctx.nClasses,
    ...(ctx.classes ? { classes: ctx.classes } : {}),
    ...(ctx.positiveClass !== undefined ? { positiveClass: ctx.positiveClass } : {}),
    features: shipped[0].features,
    members: members.map((m, i) => ({ weight: m.weight, model: shipped[i].model, ...(shipped[i].view ? { view: shipped[i].view } : {}) })),
    ...(calibration ? { calibration } : {}),
  };
  const fitSeconds = shipped.reduce((a, r) => a + r.seconds, 0);
  const winner: LeaderboardEntry = members.length > 1
    ? {
        id: -1,
        model: 'ensemble',
        params: { members: members.map((m) => ({ id: m.run.candidate.id, model: m.run.candidate.family, weight: m.weight })) },
        cvScore: scoring.sign * scoring.outOfFold(outOfFold),
        foldScores: scoring.perFold(outOfFold),
        fitSeconds,
        origin: 'ensemble',
        metrics: scoring.metrics(scoring.y, outOfFold),
      }
    : { ...top.entry!, fitSeconds };
  return {
    leaderboard: members.length > 1 ? [winner, ...leaderboard] : leaderboard,
    winner,
    ...(ensemble ? { ensemble } : {}),
    ...(calibration ? { calibration } : {}),
    ...(calibrationInfo ? { calibrationInfo } : {}),
    outOfFold,
    ...(calibratedOutOfFold ? { calibratedOutOfFold } : {}),
    ...(test ? { test } : {}),
    model,
    shippedOnAllRows: shipFinal,
  };
}
