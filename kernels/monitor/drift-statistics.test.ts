// Expected values worked by hand (or with the formula in plain Python, bench/monitor-expected.py).
import { describe, expect, it } from 'vitest';
import { chiSquaredTest, jensenShannonDistance, kolmogorovSmirnov, populationStabilityIndex, psiBand, wassersteinBinned } from './drift-statistics';
import { quantileEdges, slotOf } from './quantile-edges';
import { createRandom, TOURNAMENT_STREAM } from '../random/random';

describe('PSI', () => {
  it('is Σ (c − r) ln(c / r) over shares', () => {
    // 0.1·ln(0.6/0.5) + (−0.1)·ln(0.4/0.5)
    expect(populationStabilityIndex([50, 50], [60, 40])).toBeCloseTo(0.040546510810816436, 12);
    expect(populationStabilityIndex([3, 7], [30, 70])).toBe(0);
  });

  it('floors empty shares at 1e-4 as Evidently does', () => {
    expect(populationStabilityIndex([100, 0], [50, 50])).toBeCloseTo((0.5 - 1) * Math.log(0.5) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4), 10);
  });

  it('reads in bands 0.1 and 0.25', () => {
    expect([0.05, 0.1, 0.2, 0.25, 1].map(psiBand)).toEqual(['stable', 'moderate', 'moderate', 'major', 'major']);
  });
});

describe('Kolmogorov–Smirnov over bins', () => {
  it('takes the largest gap of the cumulative shares', () => {
    // CDFs 0.5, 1, 1 vs 0, 0.5, 1: D = 0.5; en = √5, λ = (√5 + 0.12 + 0.11/√5)·0.5.
    const r = kolmogorovSmirnov([5, 5, 0], [0, 5, 5]);
    expect(r.statistic).toBe(0.5);
    expect(r.pValue).toBeCloseTo(0.11084033741322809, 10);
  });

  it('is within a bin of the row-level statistic on continuous data', () => {
    const random = createRandom(7, TOURNAMENT_STREAM);
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const a = Float64Array.from({ length: 4000 }, normal);
    const b = Float64Array.from({ length: 800 }, () => normal() + 0.15);
    const edges = quantileEdges(a, 100);
    const count = (xs: Float64Array) => {
      const c = new Array(edges.length + 2).fill(0);
      for (const x of xs) c[slotOf(edges, x)]++;
      return c;
    };
    const binned = kolmogorovSmirnov(count(a), count(b)).statistic;
    const exact = rowLevelKs(a, b);
    expect(binned).toBeLessThanOrEqual(exact + 1e-12);
    expect(exact - binned).toBeLessThan(0.02);
  });
});

function rowLevelKs(a: Float64Array, b: Float64Array): number {
  const all = [...a, ...b].sort((x, y) => x - y);
  const sa = Float64Array.from(a).sort();
  const sb = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  for (const x of all) {
    while (i < sa.length && sa[i] <= x) i++;
    while (j < sb.length && sb[j] <= x) j++;
    d = Math.max(d, Math.abs(i / sa.length - j / sb.length));
  }
  return d;
}

describe('chi-squared goodness of fit', () => {
  it('compares current counts with reference shares', () => {
    // expected 50, 30, 20: (40−50)²/50 + (40−30)²/30 + 0 = 5.333…; df 2 → p = e^(−2.667)
    const r = chiSquaredTest([500, 300, 200], [40, 40, 20]);
    expect(r.statistic).toBeCloseTo(5.333333333333334, 12);
    expect(r.pValue).toBeCloseTo(0.06948345122280151, 10);
  });

  it('finds a category the reference never had infinitely unlikely, and ignores bins empty on both sides', () => {
    expect(chiSquaredTest([10, 0], [5, 1]).pValue).toBe(0);
    expect(chiSquaredTest([10, 10, 0], [10, 10, 0]).statistic).toBe(0);
  });
});

describe('Jensen–Shannon distance', () => {
  it('is √ln2 for disjoint distributions and 0 for equal ones (natural log, as scipy)', () => {
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 12);
    expect(jensenShannonDistance([2, 6], [1, 3])).toBe(0);
    expect(jensenShannonDistance([1, 3], [1, 1])).toBeCloseTo(0.1839077909404743, 12);
  });
});

describe('Wasserstein distance over bins', () => {
  const edges = quantileEdges(Float64Array.from({ length: 1000 }, (_, i) => i), 100);
  const counts = (xs: number[]) => {
    const c = new Array(edges.length + 2).fill(0);
    let below = 0;
    let above = 0;
    for (const x of xs) {
      c[slotOf(edges, x)]++;
      if (x < edges[0]) below += edges[0] - x;
      if (x > edges[edges.length - 1]) above += x - edges[edges.length - 1];
    }
    return { counts: c, belowDistance: below, aboveDistance: above };
  };
  const ref = Array.from({ length: 1000 }, (_, i) => i);

  it('measures a shift of every value by 10 as about 10 (the exact value)', () => {
    const w = wassersteinBinned(edges, counts(ref), counts(ref.map((x) => x + 10)));
    expect(w).toBeGreaterThan(9.8);
    expect(w).toBeLessThan(10.2);
  });

  it('counts values beyond the range exactly: all mass 100 past the maximum', () => {
    // Current all at 1099: W = mean |x − 1099| over 0..999 = 1099 − 499.5 = 599.5.
    const w = wassersteinBinned(edges, counts(ref), counts(ref.map(() => 1099)));
    expect(w).toBeCloseTo(599.5, 0);
  });

  it('is 0 for the same distribution', () => {
    expect(wassersteinBinned(edges, counts(ref), counts(ref))).toBe(0);
  });
});
