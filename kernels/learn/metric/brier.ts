import { checkSameLength, classCount } from './classify';

/** Binary Brier score: mean (p − y)², p = P(class 1) (sklearn's brier_score_loss). */
export function brierScore(y: ArrayLike<number>, p: ArrayLike<number>): number {
  checkSameLength('brier', y, p);
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += (p[i] - y[i]) ** 2;
  return sum / y.length;
}

/** Multiclass (Brier's original) score: mean over rows of Σ_k (p_k − [y = k])², in [0, 2]. */
export function multiclassBrierScore(y: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  const n = y.length;
  const k = classCount(probabilities, n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) sum += (probabilities[i * k + c] - (y[i] === c ? 1 : 0)) ** 2;
  }
  return sum / n;
}
