// Squared error: L = (s - y)² / 2, dL/ds = s - y, d²L/ds² = 1.
import { weightedMean } from './objective';
import { residualObjective } from './residual-objective';

export const regressionL2 = residualObjective({
  name: 'regression',
  initScore: weightedMean,
  loss: (r) => (r * r) / 2,
  gradient: (r) => r,
});
