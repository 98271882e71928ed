import { describe, expect, it } from 'vitest';
import { auroc } from './auroc';
import { averagePrecision } from './average-precision';
import { oneVsRestMacro } from './one-vs-rest';

describe('oneVsRestMacro', () => {
  // 3 classes, row-major probabilities; class 2 never occurs in y.
  const y = [0, 0, 1, 1];
  const p = [0.7, 0.2, 0.1, 0.4, 0.5, 0.1, 0.3, 0.6, 0.1, 0.6, 0.3, 0.1];

  it('averages the metric over the classes present in y, leaving absent classes out', () => {
    const class0 = auroc([1, 1, 0, 0], [0.7, 0.4, 0.3, 0.6]);
    const class1 = auroc([0, 0, 1, 1], [0.2, 0.5, 0.6, 0.3]);
    expect(oneVsRestMacro(y, p, auroc)).toBeCloseTo((class0 + class1) / 2, 12);
    expect(oneVsRestMacro(y, p, averagePrecision)).toBeCloseTo(
      (averagePrecision([1, 1, 0, 0], [0.7, 0.4, 0.3, 0.6]) + averagePrecision([0, 0, 1, 1], [0.2, 0.5, 0.6, 0.3])) / 2,
      12,
    );
  });

  it('is NaN when no class can be scored', () => {
    expect(oneVsRestMacro([], [], auroc)).toBeNaN();
  });
});
