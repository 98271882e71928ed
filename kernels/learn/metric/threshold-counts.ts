// Cumulative true/false positive counts at each distinct score, scores descending — the common
// core of ROC, precision–recall and gains curves (sklearn's _binary_clf_curve).
import { checkSameLength } from './classify';

export interface ThresholdCounts {
  /** Distinct scores, descending. */
  thresholds: Float64Array;
  /** Positives with score ≥ thresholds[i]. */
  tps: Float64Array;
  /** Negatives with score ≥ thresholds[i]. */
  fps: Float64Array;
}

export function thresholdCounts(y: ArrayLike<number>, score: ArrayLike<number>): ThresholdCounts {
  checkSameLength('curve', y, score);
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(score[i])) throw new Error(`curve: score at row ${i} is NaN`);
  }
  order.sort((a, b) => score[b] - score[a] || a - b);
  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    if (y[i] === 1) tp++;
    else fp++;
    if (r === n - 1 || score[order[r + 1]] !== score[i]) {
      thresholds.push(score[i]);
      tps.push(tp);
      fps.push(fp);
    }
  }
  return { thresholds: Float64Array.from(thresholds), tps: Float64Array.from(tps), fps: Float64Array.from(fps) };
}
