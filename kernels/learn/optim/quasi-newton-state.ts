// The iterate shared by L-BFGS and OWL-QN: the point and its gradient, the search direction, the
// trial point a line search evaluates, and the correction memory updated when a trial point is
// accepted. Buffers are allocated once, so iterations never allocate.
import { LbfgsMemory } from './lbfgs-memory';
import { maxAbs, type OptimOptions } from './types';

/** The options with their defaults filled in. */
export interface QuasiNewtonSettings {
  gradientTolerance: number;
  maxIterations: number;
  maxLineSearch: number;
}

export function quasiNewtonSettings(options: OptimOptions): QuasiNewtonSettings {
  return {
    gradientTolerance: options.gradientTolerance ?? 1e-6,
    maxIterations: options.maxIterations ?? 1000,
    maxLineSearch: options.maxLineSearch ?? 40,
  };
}

export class QuasiNewtonState {
  readonly n: number;
  readonly memory: LbfgsMemory;
  /** The current point and the smooth part's gradient there. */
  readonly x: Float64Array;
  readonly g: Float64Array;
  /** The search direction. */
  readonly d: Float64Array;
  /** The point the line search is trying, and the smooth part's gradient there. */
  readonly xTrial: Float64Array;
  readonly gTrial: Float64Array;
  private readonly s: Float64Array;
  private readonly yDiff: Float64Array;

  constructor(x0: ArrayLike<number>, options: OptimOptions) {
    const n = x0.length;
    this.n = n;
    this.memory = new LbfgsMemory(n, options.memory ?? 10);
    this.x = Float64Array.from(x0);
    this.g = new Float64Array(n);
    this.d = new Float64Array(n);
    this.xTrial = new Float64Array(n);
    this.gTrial = new Float64Array(n);
    this.s = new Float64Array(n);
    this.yDiff = new Float64Array(n);
  }

  /** Moves to the trial point, storing the correction pair; returns the step's largest entry. */
  acceptTrial(): number {
    const { n, s, yDiff, x, g, xTrial, gTrial } = this;
    for (let i = 0; i < n; i++) {
      s[i] = xTrial[i] - x[i];
      yDiff[i] = gTrial[i] - g[i];
    }
    this.memory.push(s, yDiff);
    x.set(xTrial);
    g.set(gTrial);
    return maxAbs(s);
  }
}
