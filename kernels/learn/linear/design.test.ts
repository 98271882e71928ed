import { describe, expect, it } from 'vitest';
import { designColumns, fitDesign } from './design';

describe('fitDesign', () => {
  it('equals SimpleImputer(mean) + StandardScaler for a numeric column', () => {
    // numpy: x = [1, 8/3, 3, 4] after imputation; x.mean() = 8/3, x.std() = sqrt(7/6).
    const X = { nRows: 4, columns: [Float64Array.of(1, NaN, 3, 4)], featureNames: ['x'] };
    const spec = fitDesign(X);
    expect(spec.columns[0].mean).toBeCloseTo(8 / 3, 14);
    expect(spec.columns[0].scale).toBeCloseTo(Math.sqrt(7 / 6), 14);
    const [z] = designColumns(X, spec);
    expect(z[1]).toBe(0);
    expect(z[0]).toBeCloseTo((1 - 8 / 3) / Math.sqrt(7 / 6), 14);
  });
  it('centres features flagged normalized (row-normalised TF-IDF) but keeps their scale', () => {
    const X = { nRows: 4, columns: [Float64Array.of(0, 0, 0.5, 0.1), Float64Array.of(1, 2, 3, 4)], featureNames: ['t', 'x'], normalized: [true, false] };
    const spec = fitDesign(X);
    expect(spec.columns[0].mean).toBeCloseTo(0.15, 14);
    expect(spec.columns[0].scale).toBe(1);
    expect(spec.columns[1].scale).toBeCloseTo(Math.sqrt(1.25), 14);
    expect(designColumns(X, spec)[0][2]).toBeCloseTo(0.35, 14);
  });
  it('gives a constant column scale 1 (sklearn) and standardised value 0', () => {
    const X = { nRows: 3, columns: [Float64Array.of(5, 5, 5)], featureNames: ['k'] };
    const spec = fitDesign(X);
    expect(spec.columns[0].scale).toBe(1);
    expect(Array.from(designColumns(X, spec)[0])).toEqual([0, 0, 0]);
  });
  it('one-hot columns match the numeric standardisation of indicators', () => {
    const codes = Float64Array.of(0, 1, 1, 2, NaN, 1);
    const X = { nRows: 6, columns: [codes], featureNames: ['c'], categorical: [true] };
    const spec = fitDesign(X);
    expect(spec.columns.map((c) => c.level)).toEqual([0, 1, 2]);
    // Indicator of level 1 with the missing row imputed by its mean: same as a numeric column.
    const indicator = Float64Array.from(codes, (v) => (Number.isNaN(v) ? NaN : v === 1 ? 1 : 0));
    const numeric = fitDesign({ nRows: 6, columns: [indicator], featureNames: ['i'] });
    expect(spec.columns[1].mean).toBeCloseTo(numeric.columns[0].mean, 14);
    expect(spec.columns[1].scale).toBeCloseTo(numeric.columns[0].scale, 14);
  });
  it('pools levels beyond maxLevels into "other"', () => {
    const X = { nRows: 6, columns: [Float64Array.of(0, 0, 0, 1, 1, 2)], featureNames: ['c'], categorical: [true] };
    const spec = fitDesign(X, undefined, 1);
    expect(spec.columns.map((c) => c.level)).toEqual([0, 'other']);
    const z = designColumns(X, spec);
    expect(z[1][3]).toBeGreaterThan(0); // level 1 lands in "other"
    expect(z[1][0]).toBeLessThan(0);
  });
  it('names a bad categorical code', () => {
    const X = { nRows: 2, columns: [Float64Array.of(0, 1.5)], featureNames: ['c'], categorical: [true] };
    expect(() => fitDesign(X)).toThrow(/"c" has value 1.5 at row 1/);
  });
});
