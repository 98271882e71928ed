// ROC curve points for charts, like sklearn's roc_curve(drop_intermediate=True): collinear
// points are dropped, the curve starts at (0, 0) with threshold +Infinity (sklearn ≥ 1.3).
import { thresholdCounts } from './threshold-counts';

export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  /** Row is predicted positive when score ≥ threshold. */
  thresholds: Float64Array;
}

export function rocCurve(y: ArrayLike<number>, score: ArrayLike<number>, dropIntermediate = true): RocCurve {
  const { thresholds, tps, fps } = thresholdCounts(y, score);
  const m = thresholds.length;
  let keep = Array.from({ length: m }, (_, i) => i);
  if (dropIntermediate && m > 2) {
    keep = keep.filter((i) => i === 0 || i === m - 1 ||
      fps[i + 1] - 2 * fps[i] + fps[i - 1] !== 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] !== 0);
  }
  const nPos = m ? tps[m - 1] : 0;
  const nNeg = m ? fps[m - 1] : 0;
  const fpr = new Float64Array(keep.length + 1);
  const tpr = new Float64Array(keep.length + 1);
  const th = new Float64Array(keep.length + 1);
  th[0] = Infinity;
  keep.forEach((i, r) => {
    fpr[r + 1] = nNeg ? fps[i] / nNeg : NaN;
    tpr[r + 1] = nPos ? tps[i] / nPos : NaN;
    th[r + 1] = thresholds[i];
  });
  return { fpr, tpr, thresholds: th };
}
