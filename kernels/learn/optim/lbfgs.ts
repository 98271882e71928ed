// L-BFGS for smooth unconstrained minimisation, with a strong-Wolfe line search, stopped when
// the largest gradient entry falls to the tolerance (the same test as scipy's L-BFGS-B `gtol`).
import { strongWolfeLineSearch } from './line-search';
import { QuasiNewtonState, quasiNewtonSettings } from './quasi-newton-state';
import { dot, maxAbs, type Objective, type OptimOptions, type OptimResult } from './types';

export function minimizeLbfgs(f: Objective, x0: ArrayLike<number>, options: OptimOptions = {}): OptimResult {
  const { gradientTolerance: tol, maxIterations: maxIter, maxLineSearch } = quasiNewtonSettings(options);
  const state = new QuasiNewtonState(x0, options);
  const { n, memory, x, g, d, xTrial, gTrial } = state;

  let value = f(x, g);
  let evaluations = 1;
  if (!Number.isFinite(value)) throw new Error('L-BFGS: the objective is not finite at the starting point');
  let gNorm = maxAbs(g);
  let iterations = 0;
  let reason: OptimResult['reason'];

  while (true) {
    if (gNorm <= tol) { reason = 'gradient'; break; }
    if (iterations >= maxIter) { reason = 'maxIterations'; break; }
    memory.direction(g, d);
    let slope0 = dot(d, g);
    if (!(slope0 < 0)) {
      // The approximation lost positive definiteness: restart from steepest descent.
      memory.clear();
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope0 = dot(d, g);
    }
    const initialStep = memory.size === 0 ? Math.min(1, 1 / Math.sqrt(-slope0)) : 1;
    const phi = (step: number) => {
      for (let i = 0; i < n; i++) xTrial[i] = x[i] + step * d[i];
      const v = f(xTrial, gTrial);
      return { value: v, slope: dot(gTrial, d) };
    };
    const search = strongWolfeLineSearch(phi, value, slope0, initialStep, { maxEvaluations: maxLineSearch });
    evaluations += search.evaluations;
    if (!search.ok) {
      if (search.step === 0) {
        if (memory.size > 0) { memory.clear(); continue; } // retry along the steepest descent
        reason = 'lineSearch';
        break;
      }
      phi(search.step); // make the trial buffers hold the accepted point
      evaluations++;
    }
    const stepSize = state.acceptTrial();
    value = search.value;
    gNorm = maxAbs(g);
    iterations++;
    if (stepSize <= 1e-300) { reason = 'noProgress'; break; }
  }
  return { x, value, gradientNorm: gNorm, iterations, evaluations, converged: reason === 'gradient', reason };
}
