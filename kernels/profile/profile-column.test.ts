import { describe, expect, it } from 'vitest';
import { profileColumn } from './profile-column';
import { profileTable } from './profile-table';
import { quantilesInPlace } from './quantiles';
import type { Column } from '../table/types';

/** numpy's default ("linear") quantile on a sorted copy, the reference. */
function referenceQuantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const k = Math.floor(pos);
  return k + 1 < sorted.length ? sorted[k] + (sorted[k + 1] - sorted[k]) * (pos - k) : sorted[k];
}

describe('quantilesInPlace', () => {
  it('matches sorting on random data with many ties and on large arrays', () => {
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    for (const [n, distinct] of [[1, 1], [2, 2], [11, 3], [1000, 5], [5000, 100000], [30001, 40]]) {
      const values = Array.from({ length: n }, () => Math.floor(rand() * distinct) / 4);
      const ps = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];
      const got = quantilesInPlace(Float64Array.from(values), ps);
      expect(got).toEqual(ps.map((p) => referenceQuantile(values, p)));
    }
  });
});

describe('profileColumn', () => {
  it('summarises a numeric column like pandas describe()', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NaN, NaN];
    const p = profileColumn({ name: 'x', type: 'integer', storage: 'numeric', values: Float64Array.from(values) });
    expect(p).toMatchObject({ rows: 12, missing: 2, distinct: 10, min: 1, max: 10, mean: 5.5, p25: 3.25, p50: 5.5, p75: 7.75 });
    expect(p.missingShare).toBeCloseTo(2 / 12);
    expect(p.std).toBeCloseTo(3.0276503540974917, 12);
    expect(p.histogram.kind).toBe('bins');
    if (p.histogram.kind === 'bins') {
      expect(p.histogram.bins.reduce((s, b) => s + b.count, 0)).toBe(10);
      expect(p.histogram.bins[0]).toEqual({ x0: 1, x1: 2, count: 1 });
    }
    expect(p.top?.length).toBe(10);
  });

  it('bins wide numeric ranges into 20 equal bins that hold every value', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => Math.sqrt(i) * 3.3);
    const p = profileColumn({ name: 'x', type: 'number', storage: 'numeric', values });
    if (p.histogram.kind !== 'bins') throw new Error('expected bins');
    expect(p.histogram.bins).toHaveLength(20);
    expect(p.histogram.bins.reduce((s, b) => s + b.count, 0)).toBe(1000);
    expect(p.histogram.bins[19].x1).toBe(p.max);
    expect(p.top).toBeUndefined();
  });

  it('gives a skewed count column (employees) log-scale bins where the linear ones collapse into one bar', () => {
    // Company sizes: most small, a long tail of large ones (like leads.csv's employees).
    const values = Float64Array.from({ length: 2000 }, (_, i) => Math.round(5 * Math.exp(((i * 7919) % 2000) / 2000 * 9.5)));
    const p = profileColumn({ name: 'employees', type: 'integer', storage: 'numeric', values });
    if (p.histogram.kind !== 'bins') throw new Error('expected bins');
    const largest = (bins: { count: number }[]) => Math.max(...bins.map((b) => b.count)) / 2000;
    expect(largest(p.histogram.bins)).toBeGreaterThan(0.6);
    const log = p.histogram.logBins!;
    expect(log).toHaveLength(20);
    expect(log.reduce((s, b) => s + b.count, 0)).toBe(2000);
    expect(largest(log)).toBeLessThan(0.2);
    expect(log[19].x1).toBe(p.max);
    // Symmetric and negative columns keep linear bins only.
    const even = profileColumn({ name: 'x', type: 'number', storage: 'numeric', values: Float64Array.from({ length: 500 }, (_, i) => i) });
    expect(even.histogram.kind === 'bins' && even.histogram.logBins).toBeFalsy();
  });

  it('counts categories, ranks top values and measures text lengths', () => {
    const values = ['No', 'Yes', 'No', null, 'No', 'Maybe', 'Yes'];
    const p = profileColumn({ name: 'c', type: 'categorical', storage: 'string', values });
    expect(p).toMatchObject({ missing: 1, distinct: 3, top: [{ value: 'No', count: 3 }, { value: 'Yes', count: 2 }, { value: 'Maybe', count: 1 }] });
    expect(p.length).toEqual({ min: 2, max: 5, mean: 17 / 6, p50: 2 });
    expect(p.histogram).toEqual({ kind: 'bars', bars: p.top, other: 0 });
  });

  it('gives boolean labels and date ranges as text', () => {
    const b = profileColumn({ name: 'b', type: 'boolean', storage: 'numeric', values: Float64Array.from([1, 0, 1, NaN]), labels: ['no', 'yes'] });
    expect(b.top).toEqual([{ value: 'yes', count: 2 }, { value: 'no', count: 1 }]);
    const d = profileColumn({ name: 'd', type: 'date', storage: 'numeric', values: Float64Array.from([Date.UTC(2024, 0, 5), Date.UTC(2023, 11, 31)]) });
    expect([d.minText, d.maxText]).toEqual(['2023-12-31', '2024-01-05']);
  });

  it('handles empty columns', () => {
    const e: Column = { name: 'e', type: 'empty', storage: 'string', values: [null, null] };
    expect(profileColumn(e)).toMatchObject({ missing: 2, missingShare: 1, distinct: 0, histogram: { kind: 'none' } });
    const n = profileColumn({ name: 'n', type: 'empty', storage: 'numeric', values: Float64Array.from([NaN]) });
    expect(n).toMatchObject({ missing: 1, distinct: 0 });
    expect(n.mean).toBeUndefined();
  });

  it('estimates the distinct count of very high-cardinality numbers within 3%', () => {
    const values = Float64Array.from({ length: 400_000 }, (_, i) => (i % 300_000) * 0.37 + 1e9);
    const p = profileColumn({ name: 'x', type: 'number', storage: 'numeric', values });
    expect(p.distinctApproximate).toBe(true);
    expect(Math.abs(p.distinct - 300_000) / 300_000).toBeLessThan(0.03);
  });

  it('profiles a million-row table quickly', () => {
    const n = 1_000_000;
    const x = new Float64Array(n);
    const cat = new Array<string | null>(n);
    const labels = ['alpha', 'beta', 'gamma', 'delta', null];
    for (let i = 0; i < n; i++) {
      x[i] = (i * 2654435761) % 50021;
      cat[i] = labels[i % 5];
    }
    const start = performance.now();
    const profile = profileTable({ name: 't', rowCount: n, columns: [
      { name: 'x', type: 'integer', storage: 'numeric', values: x },
      { name: 'c', type: 'categorical', storage: 'string', values: cat },
    ] });
    const seconds = (performance.now() - start) / 1000;
    expect(profile.columns[0].distinct).toBe(50021);
    expect(profile.columns[0].distinctApproximate).toBeUndefined();
    expect(profile.columns[1]).toMatchObject({ missing: n / 5, distinct: 4 });
    expect(seconds).toBeLessThan(5);
  });
});
