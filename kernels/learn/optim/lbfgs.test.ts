import { describe, expect, it } from 'vitest';
import { minimizeLbfgs } from './lbfgs';
import type { Objective } from './types';

const rosenbrock: Objective = (x, g) => {
  const [a, b] = [x[0], x[1]];
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

describe('minimizeLbfgs', () => {
  it('finds the Rosenbrock minimum (1, 1) to a tight gradient tolerance', () => {
    const r = minimizeLbfgs(rosenbrock, [-1.2, 1], { gradientTolerance: 1e-10 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 8);
    expect(r.x[1]).toBeCloseTo(1, 8);
    expect(r.iterations).toBeLessThan(100);
  });

  it('solves an ill-conditioned quadratic exactly', () => {
    // f = ½ Σ dᵢ (xᵢ − i)², condition number 1e4 (scipy L-BFGS-B needs similar iteration counts).
    const n = 30;
    const d = Float64Array.from({ length: n }, (_, i) => 10 ** ((4 * i) / (n - 1)));
    const f: Objective = (x, g) => {
      let v = 0;
      for (let i = 0; i < n; i++) {
        const e = x[i] - i;
        g[i] = d[i] * e;
        v += 0.5 * d[i] * e * e;
      }
      return v;
    };
    const r = minimizeLbfgs(f, new Float64Array(n), { gradientTolerance: 1e-8, maxIterations: 5000 });
    expect(r.converged).toBe(true);
    for (let i = 0; i < n; i++) expect(Math.abs(r.x[i] - i)).toBeLessThan(1e-7);
  });

  it('stops at maxIterations and says so', () => {
    const r = minimizeLbfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 });
    expect(r.converged).toBe(false);
    expect(r.reason).toBe('maxIterations');
    expect(r.iterations).toBe(3);
  });

  it('is deterministic', () => {
    const a = minimizeLbfgs(rosenbrock, [-1.2, 1]);
    const b = minimizeLbfgs(rosenbrock, [-1.2, 1]);
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
  });
});
