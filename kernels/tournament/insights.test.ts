import { describe, expect, it } from 'vitest';
import { createRandom } from '../random/random';
import { getMetric } from '../learn/metric';
import { permutationBaseline } from './insights';

describe('above-chance check (permutation baseline)', () => {
  const auroc = getMetric('auroc');
  const draw = (seed: number, n: number, signal: number) => {
    const random = createRandom(seed);
    const y = Float64Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0));
    const p = Float64Array.from(y, (v) => random() + signal * v);
    return { y, p };
  };

  it('says a model with real signal is above chance, with a small p-value', () => {
    const { y, p } = draw(1, 400, 0.3);
    const r = permutationBaseline(auroc, 'binary', y, p, 7);
    expect(r.above).toBe(true);
    expect(r.pValue).toBeLessThan(0.01);
    expect(r.score).toBeGreaterThan(r.baselineQuantile95);
    expect(Math.abs(r.baselineMean - 0.5)).toBeLessThan(0.02);
  });

  it('says scores unrelated to the labels are not above chance, at about the 5 % rate a test at p < 0.05 allows', () => {
    let above = 0;
    const runs = 60;
    for (let seed = 0; seed < runs; seed++) {
      const { y, p } = draw(100 + seed, 300, 0);
      if (permutationBaseline(auroc, 'binary', y, p, seed).above) above++;
    }
    // Expected 3 of 60 for an honest test; a biased baseline would pass noise far more often.
    expect(above).toBeLessThanOrEqual(8);
    const { y, p } = draw(5, 300, 0);
    const r = permutationBaseline(auroc, 'binary', y, p, 5);
    expect(r.pValue).toBeGreaterThan(0.05);
    expect(r.above).toBe(false);
  });
});
