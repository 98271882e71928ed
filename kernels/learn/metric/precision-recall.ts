// Precision, recall and F1: for binary labels at a threshold, and macro-averaged for multiclass.
// Zero denominators give 0, like sklearn's zero_division=0 (without the warning).
import { checkSameLength, labelsAtThreshold } from './classify';

export interface BinaryCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Scores ≥ threshold are predicted positive (class 1). */
export function precisionRecallAt(yTrue: ArrayLike<number>, score: ArrayLike<number>, threshold = 0.5): BinaryCounts {
  checkSameLength('precisionRecallAt', yTrue, score);
  return binaryCounts(yTrue, labelsAtThreshold(score, threshold));
}

/** Precision/recall/F1 of class 1 from hard 0/1 predictions. */
export function binaryCounts(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): BinaryCounts {
  checkSameLength('binaryCounts', yTrue, yPred);
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i] === 1;
    const p = yPred[i] === 1;
    if (t && p) tp++;
    else if (p) fp++;
    else if (t) fn++;
    else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  return { tp, fp, fn, tn, precision, recall, f1 };
}

/** F1 of class 1 for binary labels. */
export function f1Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  return binaryCounts(yTrue, yPred).f1;
}

/** Unweighted mean of per-class F1 over classes in yTrue ∪ yPred (sklearn average='macro'). */
export function macroF1(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkSameLength('macroF1', yTrue, yPred);
  const classes = new Set<number>();
  for (let i = 0; i < yTrue.length; i++) { classes.add(yTrue[i]); classes.add(yPred[i]); }
  if (classes.size === 0) return NaN;
  let sum = 0;
  for (const c of classes) {
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < yTrue.length; i++) {
      const t = yTrue[i] === c;
      const p = yPred[i] === c;
      if (t && p) tp++;
      else if (p) fp++;
      else if (t) fn++;
    }
    sum += tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  return sum / classes.size;
}
