// The tournament's public shapes: leaderboard entries, progress events, the result, run options.
import type { Task } from '../learn/matrix';
import type { KernelEngine } from '../learn/kernel-engine';
import type { ModelFamily } from '../learn/model';
import type { ReferenceProfile } from '../monitor/reference-profile';
import type { Calibration } from './calibrate';
import type { TournamentInsights } from './insights';
import type { Candidate } from './search';
import type { Params } from './search-space';
import type { ResolvedSettings } from './settings';
import type { TournamentModelJSON } from './tournament-model';

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
  /** A fold fit was cut short by the time budget (boosting kept the rounds it had reached): the score understates the configuration. */
  truncated?: boolean;
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
  /** What a person should know about the data before trusting the result (merged labels, rows left out, small classes). */
  warnings: string[];
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
  /** The training reference monitoring compares production with (reference-profile.json). */
  reference: ReferenceProfile;
  candidatesEvaluated: number;
  /** What the budget made the tournament give up or overrun, in words (empty when nothing). */
  notes: string[];
  candidatesCancelled: number;
  seconds: number;
  /**
   * `kernels`: the learners' inner loops in the search ('javascript' when any fit ran without the
   * WebAssembly kernels: slower, same models); absent when no fit finished.
   */
  timing: { prepareSeconds: number; searchSeconds: number; finalSeconds: number; kernels?: KernelEngine };
  settings: ResolvedSettings;
}

export interface RunOptions {
  onProgress?: (progress: TournamentProgress) => void;
  /** Each of the result's warnings, as soon as it is known (before the search starts). */
  onWarning?: (warning: string) => void;
  signal?: AbortSignal;
  /** Milliseconds; injectable for tests. */
  clock?: () => number;
  /** When the budget started (clock ms), if before this call — e.g. when the file was read. */
  startedAt?: number;
  /** Diagnostic lines (scheduling decisions). */
  debug?: (line: string) => void;
}
