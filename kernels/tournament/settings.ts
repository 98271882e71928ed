// The tournament's settings with their defaults: what the CLI flags and the app's template
// fill in. Everything here is independent of any one data set except the target's name.
import type { Task } from '../learn/matrix';
import type { ModelFamily } from '../learn/model';
import type { CalibrationMethod } from './calibrate';
import type { FeatureSettings } from './features';
import type { FamilySpaceOverride } from './search-space';

export interface TournamentSettings {
  target: string;
  task?: Task | 'auto';
  /** Metric to select by (default per task: auroc, accuracy, rmse). */
  metric?: string;
  /** Binary: the class whose probability is predicted. */
  positiveClass?: string;
  models?: ModelFamily[];
  timeBudgetSeconds?: number;
  seed?: number;
  /** Cross-validation folds (default: 5 up to 10,000 training rows, then 3, a holdout when one fit is expensive). */
  folds?: number;
  /** Share of rows kept aside as a test set, 0 for none (default 0.2). */
  testFraction?: number;
  /** Above this many training rows the search cross-validates on a stratified sample. */
  maxSearchRows?: number;
  /** Above this much work per fit (training rows × outputs) one holdout replaces k-fold. */
  holdoutAbove?: number;
  /** Stop after this many candidates even with time left (for reproducible short runs). */
  maxCandidates?: number;
  ensemble?: boolean;
  calibration?: 'auto' | 'none' | CalibrationMethod;
  /** After scoring the test rows, refit the shipped model on every row (default true). */
  refitOnAllRows?: boolean;
  features?: FeatureSettings;
  searchSpace?: Partial<Record<ModelFamily, FamilySpaceOverride>>;
}

export type ResolvedSettings = Required<Omit<TournamentSettings, 'metric' | 'positiveClass' | 'folds' | 'maxCandidates' | 'searchSpace' | 'features' | 'holdoutAbove'>> &
  Pick<TournamentSettings, 'metric' | 'positiveClass' | 'folds' | 'maxCandidates' | 'searchSpace' | 'features' | 'holdoutAbove'>;

export const DEFAULT_MODELS: readonly ModelFamily[] = ['gbdt', 'forest', 'linear', 'bayes'];

export function resolveSettings(settings: TournamentSettings): ResolvedSettings {
  const budget = settings.timeBudgetSeconds ?? 60;
  if (!(budget > 0)) throw new Error(`the time budget must be a positive number of seconds, got ${settings.timeBudgetSeconds}`);
  const testFraction = settings.testFraction ?? 0.2;
  if (!(testFraction >= 0 && testFraction < 0.9)) throw new Error(`the test fraction must be in [0, 0.9), got ${testFraction}`);
  if (settings.folds !== undefined && !(Number.isInteger(settings.folds) && settings.folds >= 2)) {
    throw new Error(`folds must be an integer ≥ 2, got ${settings.folds}`);
  }
  const models = settings.models?.length ? [...new Set(settings.models)] : [...DEFAULT_MODELS];
  for (const m of models) {
    if (!DEFAULT_MODELS.includes(m)) throw new Error(`unknown model family "${m}" (known: ${DEFAULT_MODELS.join(', ')})`);
  }
  return {
    ...settings,
    task: settings.task ?? 'auto',
    models,
    timeBudgetSeconds: budget,
    seed: settings.seed ?? 0,
    testFraction,
    maxSearchRows: settings.maxSearchRows ?? 50_000,
    ensemble: settings.ensemble ?? true,
    calibration: settings.calibration ?? 'auto',
    refitOnAllRows: settings.refitOnAllRows ?? true,
    // features.maxTerms left unset: tournamentMaxTerms picks it from the training rows.
    features: { ...settings.features },
  };
}

/** Text terms per column from which the cap grows as rows fall: a cell budget for few rows. */
const TERM_CELLS = 500_000;
const MIN_TERMS = 500;
const MAX_TERMS = 3000;

/**
 * Text terms per column the tournament keeps when not told: more than the pipeline's default —
 * its learners (boosted trees above all) use several hundred well — and on small tables up to
 * 500,000 / rows (at most 3,000): few rows afford more features per candidate, and long documents
 * need them (State of the Union speeches, 186 training rows, year from text: test RMSE 18.8 years
 * with 500 terms, 12.5 with 1,500, 10.4 with 3,000). From 1,000 training rows on, 500.
 */
export function tournamentMaxTerms(trainRows: number): number {
  return Math.max(MIN_TERMS, Math.min(MAX_TERMS, Math.round(TERM_CELLS / Math.max(1, trainRows))));
}
