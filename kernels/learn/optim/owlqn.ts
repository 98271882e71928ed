// OWL-QN (Andrew & Gao, 2007): L-BFGS for f(x) + Σ λᵢ|xᵢ| with f smooth. Steps stay in the
// orthant chosen by the pseudo-gradient, so coefficients land on exact zeros. λᵢ = 0 leaves a
// coordinate unpenalised (the intercept). Stops when the largest pseudo-gradient entry is at
// most the tolerance.
import { QuasiNewtonState, quasiNewtonSettings } from './quasi-newton-state';
import { dot, maxAbs, type Objective, type OptimOptions, type OptimResult } from './types';

export function minimizeOwlqn(
  f: Objective,
  x0: ArrayLike<number>,
  l1: ArrayLike<number>,
  options: OptimOptions = {},
): OptimResult {
  const { gradientTolerance: tol, maxIterations: maxIter, maxLineSearch } = quasiNewtonSettings(options);
  const n = x0.length;
  if (l1.length !== n) throw new Error(`OWL-QN: ${l1.length} L1 weights for ${n} coordinates`);
  const state = new QuasiNewtonState(x0, options);
  const { memory, x, g, d, xTrial, gTrial } = state;
  const pg = new Float64Array(n);
  const orthant = new Float64Array(n);

  const penalty = (v: Float64Array) => {
    let p = 0;
    for (let i = 0; i < n; i++) p += l1[i] * Math.abs(v[i]);
    return p;
  };

  let value = f(x, g) + penalty(x);
  let evaluations = 1;
  if (!Number.isFinite(value)) throw new Error('OWL-QN: the objective is not finite at the starting point');
  pseudoGradient(x, g, l1, pg);
  let pgNorm = maxAbs(pg);
  let iterations = 0;
  let reason: OptimResult['reason'] = 'maxIterations';

  while (true) {
    if (pgNorm <= tol) { reason = 'gradient'; break; }
    if (iterations >= maxIter) break;
    memory.direction(pg, d);
    // Keep only components that descend along the pseudo-gradient.
    for (let i = 0; i < n; i++) if (d[i] * pg[i] >= 0) d[i] = 0;
    if (maxAbs(d) === 0) {
      if (memory.size > 0) { memory.clear(); continue; }
      for (let i = 0; i < n; i++) d[i] = -pg[i];
    }
    for (let i = 0; i < n; i++) orthant[i] = x[i] !== 0 ? Math.sign(x[i]) : -Math.sign(pg[i]);

    // Backtracking on the projected path x(t) = π(x + t·d), Armijo against the pseudo-gradient.
    let step = memory.size === 0 ? Math.min(1, 1 / Math.sqrt(dot(d, d))) : 1;
    const noise = 1e-12 * Math.abs(value);
    let accepted = false;
    let trialValue = value;
    for (let k = 0; k < maxLineSearch; k++) {
      for (let i = 0; i < n; i++) {
        const v = x[i] + step * d[i];
        xTrial[i] = v * orthant[i] > 0 ? v : 0;
      }
      trialValue = f(xTrial, gTrial) + penalty(xTrial);
      evaluations++;
      let decrease = 0;
      for (let i = 0; i < n; i++) decrease += pg[i] * (xTrial[i] - x[i]);
      if (Number.isFinite(trialValue) && trialValue <= value + 1e-4 * decrease + (k > 0 ? noise : 0)) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) {
      if (memory.size > 0) { memory.clear(); continue; }
      reason = 'lineSearch';
      break;
    }
    const stepSize = state.acceptTrial();
    value = trialValue;
    pseudoGradient(x, g, l1, pg);
    pgNorm = maxAbs(pg);
    iterations++;
    if (stepSize === 0) { reason = 'noProgress'; break; }
  }
  return { x, value, gradientNorm: pgNorm, iterations, evaluations, converged: reason === 'gradient', reason };
}

/** The minimum-norm subgradient of f + Σλ|x| (zero where 0 is a subgradient at xᵢ = 0). */
export function pseudoGradient(x: Float64Array, g: Float64Array, l1: ArrayLike<number>, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const lam = l1[i];
    if (x[i] > 0) out[i] = g[i] + lam;
    else if (x[i] < 0) out[i] = g[i] - lam;
    else if (g[i] + lam < 0) out[i] = g[i] + lam;
    else if (g[i] - lam > 0) out[i] = g[i] - lam;
    else out[i] = 0;
  }
}
