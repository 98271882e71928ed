// Links from raw scores to probabilities, shared by the model families that predict them
// (linear, naive Bayes): both forms stay finite for any finite score.

/** 1 / (1 + e^-z), computed without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Softmax of each row of a row-major n × k score matrix, into a new array. */
export function softmaxRows(raw: Float64Array, k: number): Float64Array {
  const out = new Float64Array(raw.length);
  for (let start = 0; start < raw.length; start += k) {
    let max = -Infinity;
    for (let c = 0; c < k; c++) if (raw[start + c] > max) max = raw[start + c];
    let sum = 0;
    for (let c = 0; c < k; c++) sum += out[start + c] = Math.exp(raw[start + c] - max);
    for (let c = 0; c < k; c++) out[start + c] /= sum;
  }
  return out;
}
