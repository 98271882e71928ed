// One-vs-rest AUROC averaged over classes (sklearn roc_auc_score multi_class='ovr', macro).
import { auroc } from './auroc';
import { oneVsRestMacro } from './one-vs-rest';

export function multiclassAuroc(y: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  return oneVsRestMacro(y, probabilities, auroc);
}
