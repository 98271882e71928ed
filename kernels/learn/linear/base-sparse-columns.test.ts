import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/random';
import { dotColumn, linearPredictor, toBaseSparse } from './base-sparse-columns';

describe('base-sparse design columns', () => {
  const rand = mulberry32(3);
  const n = 500;
  // A standardised indicator (two values, one on 90 % of rows, 0 on missing rows), a continuous
  // column, and a zero-inflated one: the first and last are stored sparse, the second dense.
  const indicator = Float64Array.from({ length: n }, () => { const u = rand(); return u < 0.9 ? -0.33 : u < 0.97 ? 3.0 : 0; });
  const continuous = Float64Array.from({ length: n }, () => rand() * 2 - 1);
  const zeroInflated = Float64Array.from({ length: n }, () => (rand() < 0.8 ? 0 : rand()));
  const columns = [indicator, continuous, zeroInflated];
  const cols = toBaseSparse(columns);

  it('stores mostly-constant columns as a base plus the differing rows', () => {
    expect(cols.map((c) => c.dense === null)).toEqual([true, false, true]);
    expect(cols[0].base).toBe(-0.33);
    expect(cols[0].rows!.length).toBeLessThan(0.15 * n);
  });

  it('gives the dense products', () => {
    const x = Float64Array.from([0.7, -1.2, 2.5, 0.4]);
    const z = new Float64Array(n);
    linearPredictor(z, cols, x, 0, x[3]);
    const r = Float64Array.from({ length: n }, () => rand() - 0.5);
    const sumR = r.reduce((a, b) => a + b, 0);
    for (let i = 0; i < n; i++) expect(z[i]).toBeCloseTo(x[3] + x[0] * indicator[i] + x[1] * continuous[i] + x[2] * zeroInflated[i], 12);
    columns.forEach((c, j) => {
      let dense = 0;
      for (let i = 0; i < n; i++) dense += r[i] * c[i];
      expect(dotColumn(r, sumR, cols[j])).toBeCloseTo(dense, 12);
    });
  });
});
