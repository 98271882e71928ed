// Binary cross-entropy on the log-odds: p = sigmoid(s), dL/ds = p - y, d²L/ds² = p(1 - p).
import { weightedMean, type Objective } from './objective';

export function sigmoid(s: number): number {
  return 1 / (1 + Math.exp(-s));
}

export const binaryLogloss: Objective = {
  name: 'binary',
  nOutputs: 1,
  initScores(y, weights) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, weightedMean(y, weights)));
    return Float64Array.of(Math.log(p / (1 - p)));
  },
  gradients(y, scores, weights, grad, hess) {
    const n = y.length;
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-scores[i]));
      const w = weights ? weights[i] : 1;
      grad[i] = (p - y[i]) * w;
      hess[i] = Math.max(p * (1 - p), 1e-16) * w;
    }
  },
  loss(y, scores, weights) {
    let s = 0;
    let wSum = 0;
    for (let i = 0; i < y.length; i++) {
      const w = weights ? weights[i] : 1;
      const z = scores[i];
      // log(1 + e^z) - y z, computed without overflow.
      const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      s += w * (softplus - y[i] * z);
      wSum += w;
    }
    return s / wSum;
  },
  transform(raw) {
    for (let i = 0; i < raw.length; i++) raw[i] = 1 / (1 + Math.exp(-raw[i]));
    return raw;
  },
};
