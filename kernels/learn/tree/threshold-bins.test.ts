import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random/random';
import { binRows, binScratch, buildThresholdBins, MAX_CUTS, MISSING_BIN, thresholdBin } from './threshold-bins';

/** bin(v) by definition: how many of the (distinct) thresholds are below v. */
function countBelow(thresholds: number[], v: number): number {
  let below = 0;
  for (const t of thresholds) if (t < v) below++;
  return below;
}

/** Values around each threshold: equal, float64 neighbours, values that round to the same float32. */
function hardValues(thresholds: number[], random: () => number): number[] {
  const out = [0, -0, Infinity, -Infinity, NaN, 1e-50, -1e-50, 2 ** -150, -(2 ** -150), 3.4e38, -3.4e38, 1e300, -1e300];
  for (const t of thresholds) {
    if (!Number.isFinite(t)) continue;
    const f = Math.fround(t);
    const ulp32 = Math.abs(f) * 2 ** -23 || 2 ** -149;
    out.push(t, f, t * (1 + 1e-15), t * (1 - 1e-15), t + 1e-300, t - 1e-300, f + ulp32 / 4, f - ulp32 / 4, f + ulp32, f - ulp32);
  }
  for (let i = 0; i < 500; i++) out.push((random() - 0.5) * 10 ** Math.floor(random() * 8 - 4));
  return out;
}

describe('threshold bins', () => {
  it('bin each value to the number of thresholds below it, for float64, float32 and plain inputs', () => {
    const random = createRandom(7);
    const thresholdSets = [
      [0.5, -1.25, 3, 3, 1e-7, -1e-7],
      Array.from({ length: MAX_CUTS }, () => Math.fround((random() - 0.5) * 8)),
      // Thresholds crowding one float32 prefix, zeros of both signs, tiny and infinite ones.
      [1, 1 + 2 ** -40, 1 + 2 ** -30, 1 + 2 ** -20, 1.0000001, -0, 1e-45, -1e-45, -Infinity, Infinity, NaN],
      Array.from({ length: 100 }, () => (random() - 0.5) * 1e6),
      [],
    ];
    const bins = buildThresholdBins(thresholdSets.map((_, b) => b), thresholdSets)!;
    expect(bins).not.toBeNull();
    const values = thresholdSets.map((ts) => hardValues(ts, random));
    const n = Math.max(...values.map((v) => v.length));
    const column = (b: number) => Float64Array.from({ length: n }, (_, i) => values[b][i % values[b].length]);
    const inputs = [
      thresholdSets.map((_, b) => column(b)),
      thresholdSets.map((_, b) => Float32Array.from(column(b))),
      thresholdSets.map((_, b) => Array.from(column(b))),
    ];
    const finite = thresholdSets.map((ts) => [...new Set(ts.filter((t) => t < Infinity))]);
    for (const columns of inputs) {
      const stride = thresholdSets.length;
      const out = new Uint8Array(n * stride);
      const missing = binRows(bins, columns, 0, n, out, stride, binScratch(n));
      expect(missing).toBe(true);
      for (let b = 0; b < thresholdSets.length; b++) {
        for (let i = 0; i < n; i++) {
          const v = columns[b][i];
          const want = v !== v ? MISSING_BIN : countBelow(finite[b], v);
          if (out[i * stride + b] !== want) expect({ b, v, got: out[i * stride + b] }).toEqual({ b, v, got: want });
        }
      }
    }
  });

  it('compares bins exactly as values compare with thresholds', () => {
    const thresholds = [-2, 0, 0.1, 7, Infinity];
    const bins = buildThresholdBins([0], [thresholds])!;
    const values = Float64Array.from([-3, -2, -1, -0, 0, 0.1, 0.1000001, 7, 8, Infinity]);
    const out = new Uint8Array(values.length);
    expect(binRows(bins, [values], 0, values.length, out, 1, binScratch(values.length))).toBe(false);
    for (const t of thresholds) {
      const tb = thresholdBin(bins, 0, t);
      values.forEach((v, i) => expect(out[i] > tb).toBe(v > t));
    }
    // Nothing but a missing value is above a threshold of +∞.
    expect(thresholdBin(bins, 0, Infinity)).toBe(4);
    expect(MISSING_BIN > thresholdBin(bins, 0, Infinity)).toBe(true);
  });

  it('bins rows from an offset, and refuses features with more than MAX_CUTS thresholds', () => {
    const bins = buildThresholdBins([1], [[10, 20]])!;
    const col = Float32Array.from([5, 15, 25, NaN, 20]);
    const out = new Uint8Array(3);
    expect(binRows(bins, [new Float32Array(0), col], 2, 3, out, 1, binScratch(3))).toBe(true);
    expect([...out]).toEqual([2, MISSING_BIN, 1]);
    expect(buildThresholdBins([0], [Array.from({ length: MAX_CUTS + 1 }, (_, i) => i)])).toBeNull();
    expect(buildThresholdBins([0], [Array.from({ length: MAX_CUTS }, (_, i) => i)])).not.toBeNull();
  });

  it('stays exact with the shorter prefixes of models with many features', () => {
    const random = createRandom(3);
    const nBinned = 300;
    const thresholds = Array.from({ length: nBinned }, () => Array.from({ length: 40 }, () => (random() - 0.5) * 4));
    const bins = buildThresholdBins(thresholds.map((_, b) => b), thresholds)!;
    expect(bins.prefixBits).toBeLessThan(16);
    const n = 200;
    const columns = thresholds.map((ts) => Float64Array.from({ length: n }, (_, i) => (i % 2 ? ts[i % ts.length] : (random() - 0.5) * 5)));
    const out = new Uint8Array(n * nBinned);
    binRows(bins, columns, 0, n, out, nBinned, binScratch(n));
    for (let b = 0; b < nBinned; b++) for (let i = 0; i < n; i++) expect(out[i * nBinned + b]).toBe(countBelow(thresholds[b], columns[b][i]));
  });
});
