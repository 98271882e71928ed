// Macro one-vs-rest averaging of a binary ranking metric over the classes (sklearn's
// multi_class='ovr', average='macro'): each class against the rest, scored by its probability
// column. Classes absent from y cannot be scored and are left out; NaN when none can be.
import { classCount } from './classify';

export type BinaryRankingMetric = (y: ArrayLike<number>, score: ArrayLike<number>) => number;

export function oneVsRestMacro(y: ArrayLike<number>, probabilities: ArrayLike<number>, metric: BinaryRankingMetric): number {
  const n = y.length;
  const k = classCount(probabilities, n);
  const isClass = new Float64Array(n);
  const score = new Float64Array(n);
  let sum = 0;
  let used = 0;
  for (let c = 0; c < k; c++) {
    let present = false;
    for (let i = 0; i < n; i++) {
      isClass[i] = y[i] === c ? 1 : 0;
      present ||= y[i] === c;
      score[i] = probabilities[i * k + c];
    }
    if (!present) continue;
    sum += metric(isClass, score);
    used++;
  }
  return used ? sum / used : NaN;
}
