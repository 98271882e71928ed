// Per-feature class-conditional likelihoods of naive Bayes: Gaussian for numeric features (with
// sklearn's variance smoothing) and categorical with Laplace smoothing for features flagged
// categorical. Missing values (NaN) are left out when fitting and contribute nothing when scoring.

export interface GaussianFeature {
  kind: 'gaussian';
  /** Per class. */
  mean: number[];
  /** Per class, smoothing included. */
  variance: number[];
}

export interface CategoricalFeature {
  kind: 'categorical';
  /** logProb[class][level]. */
  logProb: number[][];
}

export type FeatureLikelihood = GaussianFeature | CategoricalFeature;

/** Class log-likelihood of one value, or NaN when the value says nothing (missing, unseen level). */
export function logLikelihood(f: FeatureLikelihood, cls: number, v: number): number {
  if (Number.isNaN(v)) return NaN;
  if (f.kind === 'gaussian') {
    const s2 = f.variance[cls];
    const d = v - f.mean[cls];
    return -0.5 * Math.log(2 * Math.PI * s2) - (0.5 * d * d) / s2;
  }
  const row = f.logProb[cls];
  return Number.isInteger(v) && v >= 0 && v < row.length ? row[v] : NaN;
}

/**
 * Weighted per-class mean and variance of the observed values plus `epsilon`. A class with no
 * observed value for the feature borrows the pooled mean and variance.
 */
export function fitGaussianFeature(
  col: ArrayLike<number>, y: Float64Array, w: Float64Array, nClasses: number, epsilon: number,
): GaussianFeature {
  const sw = new Float64Array(nClasses);
  const sum = new Float64Array(nClasses);
  let allW = 0;
  let allSum = 0;
  for (let i = 0; i < y.length; i++) {
    const v = col[i];
    if (Number.isNaN(v)) continue;
    sw[y[i]] += w[i];
    sum[y[i]] += w[i] * v;
    allW += w[i];
    allSum += w[i] * v;
  }
  const pooledMean = allW > 0 ? allSum / allW : 0;
  const mean = Array.from(sum, (s, c) => (sw[c] > 0 ? s / sw[c] : pooledMean));
  const ss = new Float64Array(nClasses);
  let allSs = 0;
  for (let i = 0; i < y.length; i++) {
    const v = col[i];
    if (Number.isNaN(v)) continue;
    ss[y[i]] += w[i] * (v - mean[y[i]]) ** 2;
    allSs += w[i] * (v - pooledMean) ** 2;
  }
  const pooledVar = allW > 0 ? allSs / allW : 0;
  const variance = Array.from(ss, (s, c) => (sw[c] > 0 ? s / sw[c] : pooledVar) + epsilon);
  return { kind: 'gaussian', mean, variance };
}

/** log((N_cl + α) / (N_c + α·k)), k = largest training code + 1 (sklearn's CategoricalNB). */
export function fitCategoricalFeature(
  col: ArrayLike<number>, y: Float64Array, w: Float64Array, nClasses: number, alpha: number, name: string,
): CategoricalFeature {
  let k = 0;
  for (let i = 0; i < y.length; i++) {
    const v = col[i];
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v) || v < 0) throw new Error(`naive Bayes: categorical feature "${name}" has value ${v} at row ${i}; expected an integer code ≥ 0`);
    if (v + 1 > k) k = v + 1;
  }
  const counts = Array.from({ length: nClasses }, () => new Float64Array(k));
  for (let i = 0; i < y.length; i++) {
    const v = col[i];
    if (!Number.isNaN(v)) counts[y[i]][v] += w[i];
  }
  const logProb = counts.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    const denom = Math.log(total + alpha * k);
    return Array.from(row, (c) => Math.log(c + alpha) - denom);
  });
  return { kind: 'categorical', logProb };
}
