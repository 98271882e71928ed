// L-BFGS for smooth unconstrained minimisation, with a strong-Wolfe line search, stopped when
// the largest gradient entry falls to the tolerance (the same test as scipy's L-BFGS-B `gtol`).
import { LbfgsMemory } from './lbfgs-memory';
import { strongWolfeLineSearch } from './line-search';
import { dot, maxAbs, type Objective, type OptimOptions, type OptimResult } from './types';

export function minimizeLbfgs(f: Objective, x0: ArrayLike<number>, options: OptimOptions = {}): OptimResult {
  const tol = options.gradientTolerance ?? 1e-6;
  const maxIter = options.maxIterations ?? 1000;
  const n = x0.length;
  const memory = new LbfgsMemory(n, options.memory ?? 10);

  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  const d = new Float64Array(n);
  const xTrial = new Float64Array(n);
  const gTrial = new Float64Array(n);
  const s = new Float64Array(n);
  const yDiff = new Float64Array(n);

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
    const search = strongWolfeLineSearch(phi, value, slope0, initialStep, { maxEvaluations: options.maxLineSearch ?? 40 });
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
    for (let i = 0; i < n; i++) {
      s[i] = xTrial[i] - x[i];
      yDiff[i] = gTrial[i] - g[i];
    }
    memory.push(s, yDiff);
    x.set(xTrial);
    g.set(gTrial);
    value = search.value;
    gNorm = maxAbs(g);
    iterations++;
    if (maxAbs(s) <= 1e-300) { reason = 'noProgress'; break; }
  }
  return { x, value, gradientNorm: gNorm, iterations, evaluations, converged: reason === 'gradient', reason };
}
