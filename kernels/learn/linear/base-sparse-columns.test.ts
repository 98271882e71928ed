import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/random';
import { dotColumn, dotColumns, dotColumnsPair, linearPredictor, linearPredictorPair, toBaseSparse } from './base-sparse-columns';

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

  it('gives the same products with dense columns in groups of four, one class or two at a time', () => {
    // Six dense columns (one group of four and two left over), two sparse ones between them.
    const wide = [continuous, indicator, ...Array.from({ length: 5 }, () => Float64Array.from({ length: n }, () => rand() * 4 - 2)), zeroInflated];
    const wideCols = toBaseSparse(wide);
    expect(wideCols.filter((c) => c.dense).length).toBe(6);
    const p = wide.length;
    const x = Float64Array.from({ length: 2 * (p + 1) }, () => rand() * 2 - 1);
    x[2] = 0; // a zero weight in one class only
    const naiveZ = (off: number) => Float64Array.from({ length: n }, (_, i) => wide.reduce((a, c, j) => a + x[off + j] * c[i], x[off + p]));
    const z0 = new Float64Array(n);
    const z1 = new Float64Array(n);
    linearPredictor(z0, wideCols, x, 0, x[p]);
    for (let i = 0; i < n; i++) expect(z0[i]).toBeCloseTo(naiveZ(0)[i], 12);
    linearPredictorPair(z0, z1, wideCols, x, 0, p + 1);
    const [e0, e1] = [naiveZ(0), naiveZ(p + 1)];
    for (let i = 0; i < n; i++) {
      expect(z0[i]).toBeCloseTo(e0[i], 12);
      expect(z1[i]).toBeCloseTo(e1[i], 12);
    }
    const r0 = Float64Array.from({ length: n }, () => rand() - 0.5);
    const r1 = Float64Array.from({ length: n }, () => rand() - 0.5);
    const sum = (r: Float64Array) => r.reduce((a, b) => a + b, 0);
    const naiveDots = (r: Float64Array) => wide.map((c) => c.reduce((a, v, i) => a + r[i] * v, 0));
    const out = new Float64Array(2 * (p + 1));
    dotColumns(r0, sum(r0), wideCols, out, 0);
    naiveDots(r0).forEach((d, j) => expect(out[j]).toBeCloseTo(d, 12));
    out.fill(0);
    dotColumnsPair(r0, r1, sum(r0), sum(r1), wideCols, out, 0, p + 1);
    naiveDots(r0).forEach((d, j) => expect(out[j]).toBeCloseTo(d, 12));
    naiveDots(r1).forEach((d, j) => expect(out[p + 1 + j]).toBeCloseTo(d, 12));
  });
});
