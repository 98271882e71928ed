import { checkSameLength } from './classify';

/** counts[t][p]: rows are true classes, columns predicted (sklearn's layout). */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, nClasses?: number): number[][] {
  checkSameLength('confusionMatrix', yTrue, yPred);
  let k = nClasses ?? 0;
  if (nClasses === undefined) for (let i = 0; i < yTrue.length; i++) k = Math.max(k, yTrue[i] + 1, yPred[i] + 1);
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i];
    const p = yPred[i];
    if (!(t >= 0 && t < k && p >= 0 && p < k) || !Number.isInteger(t) || !Number.isInteger(p)) {
      throw new Error(`confusionMatrix: row ${i} has class codes (${t}, ${p}) outside 0..${k - 1}`);
    }
    counts[t][p]++;
  }
  return counts;
}
