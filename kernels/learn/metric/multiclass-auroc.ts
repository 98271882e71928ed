// One-vs-rest AUROC averaged over classes (sklearn roc_auc_score multi_class='ovr', macro).
import { auroc } from './auroc';
import { classCount } from './classify';

export function multiclassAuroc(y: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  const n = y.length;
  const k = classCount(probabilities, n);
  const isClass = new Float64Array(n);
  const score = new Float64Array(n);
  let sum = 0;
  let used = 0;
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) {
      isClass[i] = y[i] === c ? 1 : 0;
      score[i] = probabilities[i * k + c];
    }
    const a = auroc(isClass, score);
    if (Number.isNaN(a)) continue; // class absent from y: not scorable
    sum += a;
    used++;
  }
  return used ? sum / used : NaN;
}
