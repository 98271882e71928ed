// A regression objective that is a function of the residual r = s - y alone (squared error,
// Huber): gradients, the weighted mean loss and the identity link are the same for every such
// loss, only the per-residual loss, its derivative and the starting score differ. The hessian is
// the row weight: exact for squared error, and LightGBM's choice where the true curvature is 0.
import type { Objective } from './objective';

export interface ResidualLoss {
  readonly name: string;
  /** The constant starting score (the minimiser of the loss over a constant, or close to it). */
  initScore(y: Float64Array, weights?: Float64Array): number;
  /** L(r). */
  loss(residual: number): number;
  /** dL/dr. */
  gradient(residual: number): number;
}

export function residualObjective(residualLoss: ResidualLoss): Objective {
  const { loss, gradient } = residualLoss;
  return {
    name: residualLoss.name,
    nOutputs: 1,
    initScores(y, weights) {
      return Float64Array.of(residualLoss.initScore(y, weights));
    },
    gradients(y, scores, weights, grad, hess) {
      for (let i = 0; i < y.length; i++) {
        const w = weights ? weights[i] : 1;
        grad[i] = gradient(scores[i] - y[i]) * w;
        hess[i] = w;
      }
    },
    loss(y, scores, weights) {
      let s = 0;
      let wSum = 0;
      for (let i = 0; i < y.length; i++) {
        const w = weights ? weights[i] : 1;
        s += w * loss(scores[i] - y[i]);
        wSum += w;
      }
      return s / wSum;
    },
    transform(raw) {
      return raw;
    },
  };
}
