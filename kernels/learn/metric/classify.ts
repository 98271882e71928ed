// Turning predictions into hard labels, shared by the threshold metrics. Binary predictions are
// P(class 1) (or any score with a threshold); multiclass are row-major n × k probabilities.

/** 1 where score ≥ threshold, else 0. */
export function labelsAtThreshold(score: ArrayLike<number>, threshold = 0.5): Uint8Array {
  const out = new Uint8Array(score.length);
  for (let i = 0; i < score.length; i++) out[i] = score[i] >= threshold ? 1 : 0;
  return out;
}

/** Index of the largest probability in each row (first one on ties). */
export function argmaxRows(probabilities: ArrayLike<number>, nRows: number): Int32Array {
  const k = classCount(probabilities, nRows);
  const out = new Int32Array(nRows);
  for (let i = 0; i < nRows; i++) {
    let best = 0;
    let bestValue = probabilities[i * k];
    for (let c = 1; c < k; c++) {
      const v = probabilities[i * k + c];
      if (v > bestValue) { bestValue = v; best = c; }
    }
    out[i] = best;
  }
  return out;
}

/** k for a row-major n × k array; throws when the length does not divide. */
export function classCount(probabilities: ArrayLike<number>, nRows: number): number {
  if (nRows === 0) return 0;
  const k = probabilities.length / nRows;
  if (!Number.isInteger(k) || k < 2) {
    throw new Error(`metric: ${probabilities.length} predictions for ${nRows} rows is not a row-major n × classes array`);
  }
  return k;
}

export function checkSameLength(name: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new Error(`${name}: ${a.length} labels but ${b.length} predictions`);
}
