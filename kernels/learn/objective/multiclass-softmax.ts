// Softmax cross-entropy over K raw scores: p = softmax(s), dL/ds_k = p_k - [y = k],
// d²L/ds_k² = p_k(1 - p_k) (the diagonal of the Hessian, as in LightGBM and XGBoost).
import type { Objective } from './objective';

export function multiclassSoftmax(nClasses: number): Objective {
  const K = nClasses;
  return {
    name: 'multiclass',
    nOutputs: K,
    initScores(y, weights) {
      const counts = new Float64Array(K);
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const w = weights ? weights[i] : 1;
        counts[y[i]] += w;
        total += w;
      }
      // Log class priors, centred: softmax of these reproduces the priors.
      const init = counts.map((c) => Math.log(Math.max(c / total, 1e-15)));
      const mean = init.reduce((a, b) => a + b, 0) / K;
      return init.map((v) => v - mean);
    },
    gradients(y, scores, weights, grad, hess) {
      const n = y.length;
      const p = new Float64Array(K);
      for (let i = 0; i < n; i++) {
        let max = -Infinity;
        for (let k = 0; k < K; k++) max = Math.max(max, scores[k * n + i]);
        let sum = 0;
        for (let k = 0; k < K; k++) sum += p[k] = Math.exp(scores[k * n + i] - max);
        const w = weights ? weights[i] : 1;
        const label = y[i];
        for (let k = 0; k < K; k++) {
          const pk = p[k] / sum;
          grad[k * n + i] = (pk - (label === k ? 1 : 0)) * w;
          hess[k * n + i] = Math.max(pk * (1 - pk), 1e-16) * w;
        }
      }
    },
    loss(y, scores, weights) {
      const n = y.length;
      let s = 0;
      let wSum = 0;
      for (let i = 0; i < n; i++) {
        let max = -Infinity;
        for (let k = 0; k < K; k++) max = Math.max(max, scores[k * n + i]);
        let sum = 0;
        for (let k = 0; k < K; k++) sum += Math.exp(scores[k * n + i] - max);
        const w = weights ? weights[i] : 1;
        s += w * (Math.log(sum) + max - scores[y[i] * n + i]);
        wSum += w;
      }
      return s / wSum;
    },
    transform(raw, nRows) {
      for (let i = 0; i < nRows; i++) {
        const o = i * K;
        let max = -Infinity;
        for (let k = 0; k < K; k++) max = Math.max(max, raw[o + k]);
        let sum = 0;
        for (let k = 0; k < K; k++) sum += raw[o + k] = Math.exp(raw[o + k] - max);
        for (let k = 0; k < K; k++) raw[o + k] /= sum;
      }
      return raw;
    },
  };
}
