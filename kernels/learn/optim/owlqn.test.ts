import { describe, expect, it } from 'vitest';
import { minimizeOwlqn, pseudoGradient } from './owlqn';
import type { Objective } from './types';

describe('minimizeOwlqn', () => {
  it('solves a separable lasso in closed form (soft thresholding)', () => {
    // f = ½ Σ (xᵢ − cᵢ)², λ = 1: xᵢ* = sign(cᵢ)·max(|cᵢ| − 1, 0).
    const c = [3, -0.5, 0.9, -2, 0];
    const f: Objective = (x, g) => {
      let v = 0;
      for (let i = 0; i < c.length; i++) {
        g[i] = x[i] - c[i];
        v += 0.5 * (x[i] - c[i]) ** 2;
      }
      return v;
    };
    const r = minimizeOwlqn(f, new Float64Array(c.length), [1, 1, 1, 1, 1], { gradientTolerance: 1e-10 });
    expect(r.converged).toBe(true);
    const expected = [2, 0, 0, -1, 0];
    for (let i = 0; i < c.length; i++) expect(r.x[i]).toBeCloseTo(expected[i], 9);
    expect(r.x[1]).toBe(0); // exact zeros, not tiny numbers
    expect(r.x[2]).toBe(0);
  });

  it('leaves coordinates with λ = 0 unpenalised', () => {
    // f = ½ (x0 + x1 − 2)² + ½ x1², λ = (0, 0.5). Optimum: x1 = 0, x0 = 2 when |∂f/∂x1| ≤ 0.5 there.
    const f: Objective = (x, g) => {
      const e = x[0] + x[1] - 2;
      g[0] = e;
      g[1] = e + x[1];
      return 0.5 * e * e + 0.5 * x[1] * x[1];
    };
    const r = minimizeOwlqn(f, [0, 0], [0, 0.5], { gradientTolerance: 1e-10 });
    expect(r.x[0]).toBeCloseTo(2, 9);
    expect(r.x[1]).toBe(0);
  });

  it('pseudo-gradient is zero inside the subdifferential', () => {
    const out = new Float64Array(3);
    pseudoGradient(Float64Array.of(0, 0, 1), Float64Array.of(0.3, 2, 0.3), [1, 1, 1], out);
    expect(Array.from(out)).toEqual([0, 1, 1.3]);
  });
});
