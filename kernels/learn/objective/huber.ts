// Huber loss with threshold delta: quadratic near the target, linear beyond, so outliers pull
// with a bounded gradient. The true second derivative is 0 on the linear part, which would make
// Newton steps explode; like LightGBM we use hess = 1 there (a gradient step), 1 being exact inside.
import type { Objective } from './objective';
import { residualObjective } from './residual-objective';

export function huber(delta = 1): Objective {
  if (!(delta > 0)) throw new Error(`huber delta must be positive, got ${delta}`);
  return residualObjective({
    name: 'huber',
    initScore: weightedMedian,
    loss(r) {
      const a = Math.abs(r);
      return a <= delta ? (a * a) / 2 : delta * (a - delta / 2);
    },
    gradient: (r) => (r > delta ? delta : r < -delta ? -delta : r),
  });
}

function weightedMedian(y: Float64Array, weights?: Float64Array): number {
  if (y.length === 0) return 0;
  const order = Array.from(y.keys()).sort((a, b) => y[a] - y[b]);
  let total = 0;
  for (let i = 0; i < y.length; i++) total += weights ? weights[i] : 1;
  let acc = 0;
  for (const i of order) {
    acc += weights ? weights[i] : 1;
    if (acc >= total / 2) return y[i];
  }
  return y[order[order.length - 1]];
}
