import { describe, expect, it } from 'vitest';
import { chiSquaredSurvival, gammaQ, kolmogorovSurvival, logGamma } from './distributions';

describe('chi-squared survival', () => {
  it('matches the closed form for 2 degrees of freedom, e^(−x/2)', () => {
    for (const x of [0.1, 1, 3, 10, 40]) expect(chiSquaredSurvival(x, 2)).toBeCloseTo(Math.exp(-x / 2), 12);
  });

  it('gives 0.05 at the textbook 95% critical values', () => {
    // χ²(0.95; df) from any statistics table (scipy.stats.chi2.ppf(0.95, df)).
    expect(chiSquaredSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 9);
    expect(chiSquaredSurvival(11.070497693516351, 5)).toBeCloseTo(0.05, 9);
    expect(chiSquaredSurvival(18.307038053275146, 10)).toBeCloseTo(0.05, 9);
    expect(chiSquaredSurvival(124.34211340400407, 100)).toBeCloseTo(0.05, 8);
  });

  it('is 1 at 0 and Q(1, x) = e^(−x)', () => {
    expect(gammaQ(3, 0)).toBe(1);
    expect(gammaQ(1, 2.5)).toBeCloseTo(Math.exp(-2.5), 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });
});

describe('Kolmogorov distribution', () => {
  it('matches the series 2 Σ (−1)^(k−1) e^(−2k²λ²) summed to 200 terms', () => {
    expect(kolmogorovSurvival(1)).toBeCloseTo(0.26999967167735456, 10);
    expect(kolmogorovSurvival(1.36)).toBeCloseTo(0.049485876755377876, 10);
  });

  it('is 1 near 0 and falls to 0', () => {
    expect(kolmogorovSurvival(0.05)).toBe(1);
    expect(kolmogorovSurvival(3)).toBeLessThan(1e-7);
  });
});
