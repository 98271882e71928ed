import { describe, expect, it } from 'vitest';
import { aboveChanceVerdict } from './above-chance';

describe('aboveChanceVerdict', () => {
  const base = { metric: 'auroc', higherIsBetter: true };
  it('is above when both the CV bound and the held-out permutation test beat chance', () => {
    const v = aboveChanceVerdict({ ...base, cvScore: 0.8, foldScores: [0.78, 0.82, 0.8, 0.79, 0.81], permutation: { pValue: 0.005, baselineMean: 0.5 } });
    expect(v.above).toBe(true);
    expect(v.cvBound!).toBeGreaterThan(0.75);
    expect(v.reason).toMatch(/^above chance: cv auroc 0.800/);
  });
  it('is not above when the folds disagree too much, even with a lucky test set', () => {
    const v = aboveChanceVerdict({ ...base, cvScore: 0.56, foldScores: [0.4, 0.7, 0.5, 0.65, 0.55], permutation: { pValue: 0.005, baselineMean: 0.5 } });
    expect(v.above).toBe(false);
    expect(v.reason).toMatch(/on cross-validation/);
  });
  it('is not above when the held-out test is not significant', () => {
    const v = aboveChanceVerdict({ ...base, cvScore: 0.7, foldScores: [0.7, 0.71, 0.69], permutation: { pValue: 0.2, baselineMean: 0.5 } });
    expect(v.above).toBe(false);
    expect(v.reason).toMatch(/held-out/);
  });
  it('reads lower-is-better metrics the other way round', () => {
    const v = aboveChanceVerdict({ metric: 'rmse', higherIsBetter: false, cvScore: 1.0, foldScores: [0.98, 1.02, 1.0], permutation: { pValue: 0.005, baselineMean: 2 } });
    expect(v.above).toBe(true);
    expect(v.cvBound!).toBeGreaterThan(1);
  });
  it('says so when there were no held-out rows', () => {
    expect(aboveChanceVerdict({ ...base, cvScore: 0.9, foldScores: [], permutation: null })).toMatchObject({ above: false, reason: /no held-out rows/ });
  });
});
