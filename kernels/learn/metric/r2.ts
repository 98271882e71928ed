import { checkSameLength } from './classify';

/** Coefficient of determination; a constant target gives 1 if predicted exactly, else 0 (sklearn). */
export function r2(y: ArrayLike<number>, prediction: ArrayLike<number>): number {
  checkSameLength('r2', y, prediction);
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i];
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    ssRes += (y[i] - prediction[i]) ** 2;
    ssTot += (y[i] - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
