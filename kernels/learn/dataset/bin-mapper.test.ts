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

describe('binColumn on large float32 columns (prefix table)', () => {
  it('agrees with the per-value search, including negatives, zeros, infinities, NaN and tiny values', () => {
    const n = 70_000;
    const values = new Float32Array(n);
    let x = 12345;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      const u = x / 4294967296;
      values[i] = i % 97 === 0 ? NaN : i % 89 === 0 ? (i % 2 ? Infinity : -Infinity) : i % 83 === 0 ? (i % 2 ? -0 : 1e-42) : (u - 0.4) * Math.exp(8 * u);
    }
    const mapper = fitNumericalBins(values, 255);
    const fast = binColumn(mapper, values, new Uint8Array(n));
    const slow = binColumn(mapper, Float64Array.from(values), new Uint8Array(n));
    expect(Array.from(fast)).toEqual(Array.from(slow));
    expect(new Set(fast).size).toBeGreaterThan(200);
  });
});
