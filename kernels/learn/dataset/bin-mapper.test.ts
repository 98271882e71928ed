import { describe, expect, it } from 'vitest';
import { binColumn, binValue, fitCategoricalBins, fitNumericalBins, radixSortFloat32 } from './bin-mapper';
import { binMatrix } from './binned-dataset';

describe('numerical bins', () => {
  it('gives each distinct value its own bin when there are few, with the missing bin last', () => {
    const m = fitNumericalBins([3, 1, 2, 2, NaN, 1], 255);
    expect(m.nBins).toBe(4);
    expect(m.missingBin).toBe(3);
    expect([1, 2, 3, NaN].map((v) => binValue(m, v))).toEqual([0, 1, 2, 3]);
    expect(binValue(m, -100)).toBe(0);
    expect(binValue(m, 100)).toBe(2);
    expect(binValue(m, Infinity)).toBe(2);
  });

  it('uses quantile cuts and stays consistent with real thresholds', () => {
    const values = Array.from({ length: 5000 }, (_, i) => Math.sin(i) * 100 + (i % 7));
    const m = fitNumericalBins(values, 16);
    expect(m.nBins).toBeLessThanOrEqual(17);
    expect(m.nBins).toBeGreaterThan(12);
    const bins = binColumn(m, values, new Uint8Array(values.length));
    const counts = new Array(m.nBins).fill(0);
    bins.forEach((b) => counts[b]++);
    // Roughly equal-frequency bins.
    for (let b = 0; b < m.nBins - 1; b++) expect(counts[b]).toBeGreaterThan(5000 / 16 / 2);
    // v <= upperBounds[b]  <=>  bin(v) <= b: trees can store real thresholds.
    for (let i = 0; i < values.length; i++) {
      for (let b = 0; b < m.upperBounds.length; b++) {
        expect(values[i] <= m.upperBounds[b]).toBe(bins[i] <= b);
      }
      if (i > 200) break;
    }
  });

  it('keeps a very frequent value in a bin of its own', () => {
    const values = [...new Array(900).fill(0), ...Array.from({ length: 100 }, (_, i) => i + 1)];
    const m = fitNumericalBins(values, 10);
    expect(binValue(m, 0)).not.toBe(binValue(m, 1));
  });
});

describe('categorical bins', () => {
  it('maps codes to bins by frequency; unseen, negative and fractional codes are missing', () => {
    const m = fitCategoricalBins([2, 2, 2, 0, 0, 5, NaN], 255);
    expect(Array.from(m.binCodes)).toEqual([2, 0, 5]);
    expect([2, 0, 5, 7, -1, 1.5, NaN].map((v) => binValue(m, v))).toEqual([0, 1, 2, 3, 3, 3, 3]);
  });

  it('pools rare categories into an "other" bin past maxBins', () => {
    const codes = [0, 0, 0, 1, 1, 2, 3];
    const m = fitCategoricalBins(codes, 3);
    expect(Array.from(m.binCodes)).toEqual([0, 1, -1]);
    expect(binValue(m, 2)).toBe(2);
    expect(binValue(m, 3)).toBe(2);
  });
});

describe('binMatrix', () => {
  it('bins every column and rejects ragged input', () => {
    const X = { nRows: 3, columns: [Float64Array.of(1, 2, 3), Float64Array.of(0, 1, 0)], featureNames: ['a', 'b'], categorical: [false, true] };
    const d = binMatrix(X);
    expect(d.bins.map((b) => Array.from(b))).toEqual([[0, 1, 2], [0, 1, 0]]);
    expect(d.mappers[1].kind).toBe('categorical');
    expect(() => binMatrix({ ...X, columns: [Float64Array.of(1), Float64Array.of(0, 1, 0)] })).toThrow(/feature "a" has 1 values/);
  });
});

describe('radixSortFloat32', () => {
  it('sorts negatives, zeros, infinities and drops NaN, like a numeric sort', () => {
    const values = Float32Array.from([3.5, -1, 0, -0.25, NaN, Infinity, -Infinity, 2, -7.75, 1e-30, -1e30]);
    const expected = Array.from(values).filter((v) => v === v).sort((a, b) => a - b);
    expect(Array.from(radixSortFloat32(values))).toEqual(expected);
    expect(fitNumericalBins(values, 255).upperBounds.length).toBe(10);
  });
});
