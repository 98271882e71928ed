// Squared error: L = (s - y)² / 2, dL/ds = s - y, d²L/ds² = 1.
import { weightedMean, type Objective } from './objective';

export const regressionL2: Objective = {
  name: 'regression',
  nOutputs: 1,
  initScores(y, weights) {
    return Float64Array.of(weightedMean(y, weights));
  },
  gradients(y, scores, weights, grad, hess) {
    for (let i = 0; i < y.length; i++) {
      const w = weights ? weights[i] : 1;
      grad[i] = (scores[i] - y[i]) * w;
      hess[i] = w;
    }
  },
  loss(y, scores, weights) {
    let s = 0;
    let wSum = 0;
    for (let i = 0; i < y.length; i++) {
      const w = weights ? weights[i] : 1;
      const r = scores[i] - y[i];
      s += (w * r * r) / 2;
      wSum += w;
    }
    return s / wSum;
  },
  transform(raw) {
    return raw;
  },
};
