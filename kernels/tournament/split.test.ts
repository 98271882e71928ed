import { describe, expect, it } from 'vitest';
import { compose, holdoutFold, planValidation, stratifiedKFold, trainTestSplit } from './split';

function imbalanced(n: number): Float64Array {
  // 10% class 1, 3% class 2, rest class 0, in a fixed but irregular order.
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = i % 10 === 3 ? 1 : i % 33 === 7 ? 2 : 0;
  return y;
}

function count(y: ArrayLike<number>, rows: ArrayLike<number>, c: number): number {
  let k = 0;
  for (let i = 0; i < rows.length; i++) if (y[rows[i]] === c) k++;
  return k;
}

describe('trainTestSplit', () => {
  it('keeps the class shares in both parts and partitions the rows', () => {
    const y = imbalanced(1000);
    const { train, test } = trainTestSplit(y, 'binary', 0.2, 1);
    expect(test.length).toBe(200);
    expect(train.length).toBe(800);
    const all = new Set([...train, ...test]);
    expect(all.size).toBe(1000);
    for (const c of [0, 1, 2]) {
      const share = count(y, test, c) / test.length;
      const whole = count(y, Array.from({ length: 1000 }, (_, i) => i), c) / 1000;
      expect(Math.abs(share - whole)).toBeLessThan(0.006);
    }
  });

  it('is deterministic per seed and differs across seeds', () => {
    const y = imbalanced(300);
    expect(trainTestSplit(y, 'multiclass', 0.25, 7).test).toEqual(trainTestSplit(y, 'multiclass', 0.25, 7).test);
    expect(trainTestSplit(y, 'multiclass', 0.25, 7).test).not.toEqual(trainTestSplit(y, 'multiclass', 0.25, 8).test);
  });

  it('keeps a singleton class in training', () => {
    const y = new Float64Array([0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    const { train } = trainTestSplit(y, 'binary', 0.5, 3);
    expect(count(y, train, 1)).toBe(1);
  });

  it('stratifies a regression target by quantile', () => {
    const y = Float64Array.from({ length: 500 }, (_, i) => (i * 7919) % 500);
    const { test } = trainTestSplit(y, 'regression', 0.2, 5);
    const mean = Array.from(test, (r) => y[r]).reduce((a, b) => a + b, 0) / test.length;
    expect(Math.abs(mean - 249.5)).toBeLessThan(10);
  });
});

describe('stratifiedKFold', () => {
  it('gives disjoint validation folds covering every row, balanced per class', () => {
    const y = imbalanced(997);
    const folds = stratifiedKFold(y, 'multiclass', 5, 11);
    const seen = new Uint8Array(997);
    for (const f of folds) {
      expect(f.train.length + f.valid.length).toBe(997);
      expect(Math.abs(f.valid.length - 997 / 5)).toBeLessThanOrEqual(1);
      for (const r of f.valid) seen[r]++;
      const trainSet = new Set(f.train);
      for (const r of f.valid) expect(trainSet.has(r)).toBe(false);
      for (const c of [1, 2]) {
        const total = count(y, Array.from({ length: 997 }, (_, i) => i), c);
        expect(Math.abs(count(y, f.valid, c) - total / 5)).toBeLessThanOrEqual(1);
      }
    }
    expect(seen.every((s) => s === 1)).toBe(true);
  });

  it('refuses fewer rows than folds with a clear message', () => {
    expect(() => stratifiedKFold(new Float64Array([0, 1, 0]), 'binary', 5, 1)).toThrow(/3 rows are fewer than the 5/);
  });

  it('holdout is one stratified fold', () => {
    const y = imbalanced(500);
    const [f] = holdoutFold(y, 'binary', 0.2, 2);
    expect(f.valid.length).toBe(100);
    expect(count(y, f.valid, 1)).toBe(10);
  });
});

describe('planValidation and compose', () => {
  it('uses 5 folds up to 10,000 rows, then 3, and a holdout when one fit is expensive', () => {
    expect(planValidation(1000)).toEqual({ kind: 'kfold', folds: 5 });
    expect(planValidation(9000)).toEqual({ kind: 'kfold', folds: 5 });
    expect(planValidation(20_000)).toEqual({ kind: 'kfold', folds: 3 });
    expect(planValidation(200_000)).toEqual({ kind: 'holdout', folds: 1 });
    expect(planValidation(16_000, { outputs: 26 })).toEqual({ kind: 'holdout', folds: 1 });
    expect(planValidation(200_000, { folds: 4 })).toEqual({ kind: 'kfold', folds: 4 });
  });
  it('maps positions back to original rows', () => {
    expect(Array.from(compose(Uint32Array.from([5, 9, 12]), Uint32Array.from([2, 0])))).toEqual([12, 5]);
  });
});
