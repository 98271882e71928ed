import { checkSameLength } from './classify';

/** Mean recall over the classes present in yTrue (sklearn's balanced_accuracy_score). */
export function balancedAccuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkSameLength('balancedAccuracy', yTrue, yPred);
  const support = new Map<number, number>();
  const hits = new Map<number, number>();
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i];
    support.set(t, (support.get(t) ?? 0) + 1);
    if (yPred[i] === t) hits.set(t, (hits.get(t) ?? 0) + 1);
  }
  if (support.size === 0) return NaN;
  let sum = 0;
  for (const [c, n] of support) sum += (hits.get(c) ?? 0) / n;
  return sum / support.size;
}
