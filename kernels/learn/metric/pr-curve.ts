// Precision–recall curve points, in sklearn 1.2's precision_recall_curve order: one point per
// distinct score, thresholds increasing, then a final (recall 0, precision 1) point that has no
// threshold.
import { thresholdCounts } from './threshold-counts';

export interface PrCurve {
  precision: Float64Array;
  recall: Float64Array;
  /** One shorter than precision/recall. */
  thresholds: Float64Array;
}

export function prCurve(y: ArrayLike<number>, score: ArrayLike<number>): PrCurve {
  const { thresholds, tps, fps } = thresholdCounts(y, score);
  const m = thresholds.length;
  const nPos = m ? tps[m - 1] : 0;
  if (nPos === 0) throw new Error('prCurve: no positive labels, precision–recall is undefined');
  const last = m - 1;
  const precision = new Float64Array(last + 2);
  const recall = new Float64Array(last + 2);
  const th = new Float64Array(last + 1);
  for (let r = 0; r <= last; r++) {
    const i = last - r;
    const predicted = tps[i] + fps[i];
    precision[r] = predicted ? tps[i] / predicted : 0;
    recall[r] = tps[i] / nPos;
    th[r] = thresholds[i];
  }
  precision[last + 1] = 1;
  recall[last + 1] = 0;
  return { precision, recall, thresholds: th };
}
