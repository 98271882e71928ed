// The drift statistics, over counts in the same bins for the reference and the current window.
// Summaries keep counts, not rows (so they merge), hence binned forms of each statistic:
// with ~100 quantile bins the binned KS statistic and Wasserstein distance are within a bin's
// share of the row-level values (drift-statistics.test.ts compares them).
import { chiSquaredSurvival, kolmogorovSurvival } from './distributions';

/** Evidently's floor for an empty bin's share in PSI (and here in Jensen–Shannon's logs). */
export const EMPTY_SHARE = 1e-4;

function total(counts: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < counts.length; i++) s += counts[i];
  return s;
}

function shares(counts: ArrayLike<number>): number[] {
  const n = total(counts);
  return Array.from(counts, (c) => (n > 0 ? c / n : 0));
}

/** Population stability index Σ (c − r)·ln(c / r) over bin shares, empty shares floored at 1e-4. */
export function populationStabilityIndex(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const r = shares(reference);
  const c = shares(current);
  let psi = 0;
  for (let i = 0; i < r.length; i++) {
    const ri = r[i] || EMPTY_SHARE;
    const ci = c[i] || EMPTY_SHARE;
    psi += (ci - ri) * Math.log(ci / ri);
  }
  return psi;
}

export type PsiBand = 'stable' | 'moderate' | 'major';

/** The usual reading of PSI: below 0.1 stable, 0.1–0.25 moderate shift, 0.25 and above major. */
export function psiBand(psi: number): PsiBand {
  return psi >= 0.25 ? 'major' : psi >= 0.1 ? 'moderate' : 'stable';
}

export interface TestResult {
  statistic: number;
  pValue: number;
}

/**
 * Two-sample Kolmogorov–Smirnov over ordered bins: D is the largest gap between the two
 * cumulative shares at a bin edge; the p-value is the asymptotic Kolmogorov tail with Stephens'
 * small-sample correction (Numerical Recipes kstwo), P(D ≥ d) for n·m/(n+m) effective rows.
 */
export function kolmogorovSmirnov(reference: ArrayLike<number>, current: ArrayLike<number>): TestResult {
  const n = total(reference);
  const m = total(current);
  if (!n || !m) return { statistic: 0, pValue: 1 };
  let fr = 0;
  let fc = 0;
  let d = 0;
  for (let i = 0; i < reference.length; i++) {
    fr += reference[i] / n;
    fc += current[i] / m;
    d = Math.max(d, Math.abs(fr - fc));
  }
  const en = Math.sqrt((n * m) / (n + m));
  return { statistic: d, pValue: kolmogorovSurvival((en + 0.12 + 0.11 / en) * d) };
}

/**
 * Chi-squared goodness of fit of the current counts to the reference shares (what Evidently's
 * chisquare test does): expected = reference share × current rows, df = bins used − 1. Bins
 * empty on both sides are left out; a current count where the reference has none is infinitely
 * unlikely (p = 0).
 */
export function chiSquaredTest(reference: ArrayLike<number>, current: ArrayLike<number>): TestResult {
  const n = total(reference);
  const m = total(current);
  if (!n || !m) return { statistic: 0, pValue: 1 };
  let statistic = 0;
  let bins = 0;
  for (let i = 0; i < reference.length; i++) {
    if (!reference[i] && !current[i]) continue;
    bins++;
    const expected = (reference[i] / n) * m;
    statistic += expected > 0 ? (current[i] - expected) ** 2 / expected : Infinity;
  }
  if (bins < 2) return { statistic: 0, pValue: 1 };
  return { statistic, pValue: statistic === Infinity ? 0 : chiSquaredSurvival(statistic, bins - 1) };
}

/** Jensen–Shannon distance (natural log, as scipy.spatial.distance.jensenshannon): √(½KL(p‖m) + ½KL(q‖m)). */
export function jensenShannonDistance(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const p = shares(reference);
  const q = shares(current);
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const mid = (p[i] + q[i]) / 2;
    if (p[i] > 0) js += 0.5 * p[i] * Math.log(p[i] / mid);
    if (q[i] > 0) js += 0.5 * q[i] * Math.log(q[i] / mid);
  }
  return Math.sqrt(Math.max(0, js));
}

/** Counts over quantile slots (see quantile-edges.ts) plus what lies beyond the reference range. */
export interface SlotCounts {
  /** edges.length + 2 counts. */
  counts: ArrayLike<number>;
  /** Σ (e₀ − v) over values below the first edge, Σ (v − e_last) over values above the last. */
  belowDistance: number;
  aboveDistance: number;
}

/**
 * Wasserstein-1 distance ∫|F_ref − F_cur| between two distributions known by their slot counts:
 * trapezoids of the CDF gap between edges, and the exact mass-times-distance of values beyond the
 * range (exact when only one side has any, the usual case: the reference defines the range).
 */
export function wassersteinBinned(edges: ArrayLike<number>, reference: SlotCounts, current: SlotCounts): number {
  const n = total(reference.counts);
  const m = total(current.counts);
  if (!n || !m || !edges.length) return 0;
  let distance = Math.abs(reference.belowDistance / n - current.belowDistance / m)
    + Math.abs(reference.aboveDistance / n - current.aboveDistance / m);
  // F at e_k (right-closed) counts slots 0..k+1.
  let fr = (reference.counts[0] + reference.counts[1]) / n;
  let fc = (current.counts[0] + current.counts[1]) / m;
  let gap = Math.abs(fr - fc);
  for (let k = 1; k < edges.length; k++) {
    fr += reference.counts[k + 1] / n;
    fc += current.counts[k + 1] / m;
    const next = Math.abs(fr - fc);
    distance += ((gap + next) / 2) * (edges[k] - edges[k - 1]);
    gap = next;
  }
  return distance;
}
