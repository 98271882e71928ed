// How candidates are scored: the selection metric oriented so that higher is always better,
// over the out-of-fold rows (each fold's validation rows, in fold order), plus a few more
// metrics for the leaderboard.
import { getMetric, type Metric } from '../learn/metric';
import type { Task } from '../learn/matrix';
import type { Fold } from './split';

/** Metrics computed from hard labels: on small data many candidates share a value. */
const COUNTING_METRICS: ReadonlySet<string> = new Set(['accuracy', 'balanced_accuracy', 'f1']);

export class Scoring {
  readonly sign: number;
  /** Labels of the out-of-fold rows, fold after fold. */
  readonly y: Float64Array;
  /** Start of each fold's rows in `y` (and in out-of-fold vectors, × width), plus the end. */
  readonly offsets: number[];
  /** Values per row in a prediction vector (classes for multiclass, else 1). */
  readonly width: number;

  constructor(readonly metric: Metric, readonly task: Task, nClasses: number, ySearch: Float64Array, folds: readonly Fold[]) {
    this.sign = metric.higherIsBetter ? 1 : -1;
    this.width = task === 'multiclass' ? nClasses : 1;
    const positions: number[] = [];
    this.offsets = [0];
    for (const f of folds) {
      for (const p of f.valid) positions.push(p);
      this.offsets.push(positions.length);
    }
    this.y = Float64Array.from(positions, (p) => ySearch[p]);
  }

  /** The metric with higher = better; −∞ where it is undefined (a fold with one class). */
  oriented(y: ArrayLike<number>, predictions: ArrayLike<number>): number {
    const s = this.sign * this.metric.compute(y, predictions, this.task);
    return Number.isFinite(s) ? s : -Infinity;
  }

  /** Oriented score of a full out-of-fold vector. */
  outOfFold(predictions: ArrayLike<number>): number {
    return this.oriented(this.y, predictions);
  }

  /**
   * What decides between candidates of equal score (higher is better): for classification by a
   * metric that counts rows (accuracy, balanced accuracy), −log loss. On a few hundred rows such a
   * metric ties often, and the tie otherwise went to the earlier candidate however poor its
   * probabilities (penguins: two candidates at 0.9955 accuracy out of fold, log loss 0.213 and
   * 0.018; the first shipped). 0 for continuous metrics. Read from the leaderboard's metrics
   * (`metrics()`), which hold the log loss for every classification task.
   */
  tiebreak(metrics: Readonly<Record<string, number>>): number {
    if (!COUNTING_METRICS.has(this.metric.name)) return 0;
    const loss = metrics.logloss;
    return Number.isFinite(loss) ? -loss : -Infinity;
  }

  /**
   * How far below the best oriented score a candidate is still within the noise of the out-of-fold
   * rows: for a counting metric one standard error of the best's proportion, √(p(1 − p)/n), p
   * taken by the rule of succession ((right + 1)/(n + 2)) so that a perfect score has an error bar
   * too — 0.0064 for 219 of 220 rows right, 0.0045 for 220 of 220 (one row is 0.0045); 0 for
   * continuous metrics.
   */
  noise(best: number): number {
    if (!COUNTING_METRICS.has(this.metric.name) || !Number.isFinite(best)) return 0;
    const n = this.y.length;
    const p = (Math.min(1, Math.max(0, best)) * n + 1) / (n + 2);
    return Math.sqrt((p * (1 - p)) / Math.max(1, n));
  }

  /** The metric (natural orientation) per fold of an out-of-fold vector. */
  perFold(predictions: Float64Array): number[] {
    const out: number[] = [];
    for (let f = 0; f + 1 < this.offsets.length; f++) {
      const [a, b] = [this.offsets[f], this.offsets[f + 1]];
      out.push(this.metric.compute(this.y.subarray(a, b), predictions.subarray(a * this.width, b * this.width), this.task));
    }
    return out;
  }

  /** The leaderboard's extra metrics. */
  metrics(y: ArrayLike<number>, predictions: ArrayLike<number>): Record<string, number> {
    const names = this.task === 'binary' ? ['auroc', 'aupr', 'logloss', 'accuracy'] : this.task === 'multiclass' ? ['accuracy', 'logloss'] : ['rmse', 'mae', 'r2'];
    const out: Record<string, number> = {};
    for (const name of names) out[name] = getMetric(name).compute(y, predictions, this.task);
    return out;
  }
}
