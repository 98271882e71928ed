// Area under the precision–recall curve as average precision: Σ (Rₙ − Rₙ₋₁)·Pₙ over thresholds,
// the step-wise (not interpolated) sum sklearn's average_precision_score uses.
import { prCurve } from './pr-curve';

export function averagePrecision(y: ArrayLike<number>, score: ArrayLike<number>): number {
  const { precision, recall } = prCurve(y, score);
  let ap = 0;
  for (let i = 0; i + 1 < recall.length; i++) ap += (recall[i] - recall[i + 1]) * precision[i];
  return ap;
}
