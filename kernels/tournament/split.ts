// Row splits for the tournament: the test rows kept aside, then stratified k-fold (or one
// holdout when data is large) over the remaining training rows. Classification stratifies by
// class, regression by quantile bin of the target, so every fold looks like the whole.
// All index arrays are sorted ascending: deterministic and cache-friendly.
import type { Task } from '../learn/matrix';
import { createRandom, shuffleInPlace, type Random, TOURNAMENT_STREAM } from '../random/random';

export interface Fold {
  /** Rows (positions in the array the split was made over) the model is fitted on. */
  train: Uint32Array;
  /** Rows it is scored on. */
  valid: Uint32Array;
}

export interface TrainTestSplit {
  train: Uint32Array;
  test: Uint32Array;
}

const REGRESSION_STRATA = 10;

/** Stratum code per row: the class for classification, a quantile bin for regression. */
export function strata(y: ArrayLike<number>, task: Task): Int32Array {
  const n = y.length;
  const out = new Int32Array(n);
  if (task !== 'regression') {
    for (let i = 0; i < n; i++) out[i] = y[i];
    return out;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => y[a] - y[b] || a - b);
  const bins = Math.max(1, Math.min(REGRESSION_STRATA, Math.floor(n / 2)));
  for (let r = 0; r < n; r++) out[order[r]] = Math.min(bins - 1, Math.floor((r * bins) / n));
  return out;
}

/** Rows grouped by stratum, shuffled within each stratum. */
function groupByStratum(codes: Int32Array, random: Random): Uint32Array[] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < codes.length; i++) {
    let g = groups.get(codes[i]);
    if (!g) groups.set(codes[i], (g = []));
    g.push(i);
  }
  return [...groups.keys()].sort((a, b) => a - b).map((k) => shuffleInPlace(Uint32Array.from(groups.get(k)!), random));
}

function sorted(rows: number[]): Uint32Array {
  return Uint32Array.from(rows).sort();
}

/**
 * Keeps `fraction` of the rows aside as a test set, the same share of every stratum
 * (largest-remainder rounding so the total is round(n × fraction)). A class with a single row
 * stays in training.
 */
export function trainTestSplit(y: ArrayLike<number>, task: Task, fraction: number, seed: number): TrainTestSplit {
  const n = y.length;
  if (!(fraction >= 0 && fraction < 1)) throw new Error(`test fraction must be in [0, 1), got ${fraction}`);
  const groups = groupByStratum(strata(y, task), createRandom(seed, TOURNAMENT_STREAM));
  const target = Math.round(n * fraction);
  const exact = groups.map((g) => (g.length > 1 ? g.length * fraction : 0));
  const take = exact.map((e, i) => Math.min(Math.floor(e), Math.max(0, groups[i].length - 1)));
  let left = target - take.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => i).sort((a, b) => exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])) || a - b);
  for (const i of byRemainder) {
    if (left <= 0) break;
    if (take[i] < groups[i].length - 1) {
      take[i]++;
      left--;
    }
  }
  const train: number[] = [];
  const test: number[] = [];
  groups.forEach((g, gi) => {
    for (let r = 0; r < g.length; r++) (r < take[gi] ? test : train).push(g[r]);
  });
  return { train: sorted(train), test: sorted(test) };
}

/**
 * Stratified k-fold: rows are dealt to folds stratum by stratum, so fold sizes differ by at most
 * one and each stratum's rows are spread as evenly as possible.
 */
export function stratifiedKFold(y: ArrayLike<number>, task: Task, k: number, seed: number): Fold[] {
  const n = y.length;
  if (!Number.isInteger(k) || k < 2) throw new Error(`folds must be an integer ≥ 2, got ${k}`);
  if (n < k) throw new Error(`${n} rows are fewer than the ${k} cross-validation folds`);
  const random = createRandom(seed, TOURNAMENT_STREAM);
  const groups = groupByStratum(strata(y, task), random);
  const foldOf = new Int32Array(n);
  // Start each stratum where the previous one stopped so small strata do not all land in fold 0.
  let position = Math.floor(random() * k);
  for (const g of groups) for (let r = 0; r < g.length; r++) foldOf[g[r]] = position++ % k;
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const valid: number[] = [];
    for (let i = 0; i < n; i++) (foldOf[i] === f ? valid : train).push(i);
    folds.push({ train: sorted(train), valid: sorted(valid) });
  }
  return folds;
}

/** One stratified holdout, as a single fold. */
export function holdoutFold(y: ArrayLike<number>, task: Task, fraction: number, seed: number): Fold[] {
  const { train, test } = trainTestSplit(y, task, fraction, seed);
  return [{ train, valid: test }];
}

export interface ValidationPlan {
  kind: 'kfold' | 'holdout';
  folds: number;
}

/**
 * How to validate, from the work one fit costs (rows × outputs): 5-fold up to 10,000 rows (a
 * steadier estimate than 3 folds, which matters when many candidates compete), 3-fold above,
 * one 20% holdout when a single fit is already
 * expensive (many rows, or many classes boosted one tree each) and the holdout is large enough
 * to be precise.
 */
export function planValidation(nTrainRows: number, options: { folds?: number; holdoutAbove?: number; outputs?: number } = {}): ValidationPlan {
  if (options.folds !== undefined) return { kind: 'kfold', folds: options.folds };
  const work = nTrainRows * Math.max(1, options.outputs ?? 1);
  // By default a holdout needs enough rows to be precise; an explicit threshold is obeyed.
  const threshold = options.holdoutAbove ?? 150_000;
  if (work > threshold && (options.holdoutAbove !== undefined || nTrainRows >= 2_000)) return { kind: 'holdout', folds: 1 };
  return { kind: 'kfold', folds: nTrainRows <= 10_000 ? 5 : 3 };
}

/** Positions within `subset` mapped back to original rows: subset[positions[i]]. */
export function compose(subset: Uint32Array, positions: Uint32Array): Uint32Array {
  const out = new Uint32Array(positions.length);
  for (let i = 0; i < positions.length; i++) out[i] = subset[positions[i]];
  return out;
}
