// Cross-entropy of predicted probabilities, with sklearn 1.2's clipping to [1e-15, 1 − 1e-15]
// (multiclass rows are renormalised after clipping) so certain-but-wrong rows stay finite.
import { checkSameLength, classCount } from './classify';

const EPS = 1e-15;

/** Binary: p is P(class 1), y in {0, 1}. */
export function binaryLogloss(y: ArrayLike<number>, p: ArrayLike<number>): number {
  checkSameLength('logloss', y, p);
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], EPS), 1 - EPS);
    sum -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return sum / y.length;
}

/** Multiclass: probabilities row-major n × k, y in 0..k−1. */
export function multiclassLogloss(y: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  const n = y.length;
  const k = classCount(probabilities, n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let c = 0; c < k; c++) rowSum += Math.min(Math.max(probabilities[i * k + c], EPS), 1 - EPS);
    const t = y[i];
    if (!(t >= 0 && t < k)) throw new Error(`logloss: row ${i} has class ${t}, outside 0..${k - 1}`);
    const q = Math.min(Math.max(probabilities[i * k + t], EPS), 1 - EPS) / rowSum;
    sum -= Math.log(q);
  }
  return sum / n;
}
