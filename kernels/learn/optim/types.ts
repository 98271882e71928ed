// Shared shapes for the smooth optimisers: an objective writes its gradient into a buffer and
// returns its value, so optimisers never allocate per evaluation.

/** f(x): writes ∇f(x) into `grad` (same length as x) and returns f(x). */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface OptimOptions {
  /** Stop when the largest |(pseudo-)gradient| entry is at most this (scipy's `gtol`). Default 1e-6. */
  gradientTolerance?: number;
  /** Iteration cap. Default 1000. */
  maxIterations?: number;
  /** Number of correction pairs kept by L-BFGS. Default 10. */
  memory?: number;
  /** Cap on function evaluations in one line search. Default 40. */
  maxLineSearch?: number;
}

export interface OptimResult {
  x: Float64Array;
  value: number;
  /** Largest |(pseudo-)gradient| entry at x. */
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Why it stopped: 'gradient' | 'maxIterations' | 'lineSearch' | 'noProgress'. */
  reason: 'gradient' | 'maxIterations' | 'lineSearch' | 'noProgress';
}

export function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a > m) m = a;
  }
  return m;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
