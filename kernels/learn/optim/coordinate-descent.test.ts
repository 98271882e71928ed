import { describe, expect, it } from 'vitest';
import { solveElasticNet } from './coordinate-descent';

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function problem(n: number, p: number, seed = 1) {
  const rnd = lcg(seed);
  const columns = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => rnd() * 2 - 1));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = 3 * columns[0][i] - 2 * columns[1][i] + 0.1 * (rnd() - 0.5);
  for (const c of [...columns, y]) {
    const m = c.reduce((a, b) => a + b, 0) / n;
    for (let i = 0; i < n; i++) c[i] -= m;
  }
  return { columns, y };
}

describe('solveElasticNet', () => {
  it('covariance and naive updates reach the same optimum', () => {
    const { columns, y } = problem(200, 8);
    const a = solveElasticNet({ columns, y, alpha: 0.05, l1Ratio: 0.7 }, { mode: 'covariance', tolerance: 1e-10 });
    const b = solveElasticNet({ columns, y, alpha: 0.05, l1Ratio: 0.7 }, { mode: 'naive', tolerance: 1e-10 });
    expect(a.converged && b.converged).toBe(true);
    for (let j = 0; j < 8; j++) expect(a.coef[j]).toBeCloseTo(b.coef[j], 8);
  });

  it('lasso zeros out the irrelevant features and keeps the relevant ones', () => {
    const { columns, y } = problem(300, 10);
    const r = solveElasticNet({ columns, y, alpha: 0.05, l1Ratio: 1 }, { tolerance: 1e-8 });
    expect(r.coef[0]).toBeGreaterThan(2.5);
    expect(r.coef[1]).toBeLessThan(-1.5);
    for (let j = 2; j < 10; j++) expect(r.coef[j]).toBe(0);
  });

  it('ridge (l1Ratio 0) satisfies the normal equations', () => {
    const { columns, y } = problem(100, 4, 7);
    const alpha = 0.3;
    const r = solveElasticNet({ columns, y, alpha, l1Ratio: 0 }, { tolerance: 1e-14, maxIterations: 10000 });
    const n = y.length;
    // (1/n) Xᵀ(y − Xβ) = α β
    for (let j = 0; j < 4; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        let fit = 0;
        for (let k = 0; k < 4; k++) fit += columns[k][i] * r.coef[k];
        s += columns[j][i] * (y[i] - fit);
      }
      expect(s / n).toBeCloseTo(alpha * r.coef[j], 7);
    }
  });

  it('warm start from the solution converges in one sweep', () => {
    const { columns, y } = problem(200, 6);
    const cold = solveElasticNet({ columns, y, alpha: 0.01, l1Ratio: 0.5 }, { tolerance: 1e-10 });
    const warm = solveElasticNet({ columns, y, alpha: 0.01, l1Ratio: 0.5 }, { tolerance: 1e-10, init: cold.coef });
    expect(warm.iterations).toBeLessThanOrEqual(2);
    expect(cold.iterations).toBeGreaterThan(warm.iterations);
  });

  it('rejects a bad l1Ratio', () => {
    const { columns, y } = problem(10, 2);
    expect(() => solveElasticNet({ columns, y, alpha: 1, l1Ratio: 2 })).toThrow(/l1Ratio/);
  });
});
