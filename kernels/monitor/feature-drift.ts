// Drift of one distribution (an input column or the scores) against its reference, with the test
// Evidently picks by default: on a current window of up to 1,000 rows a significance test
// (Kolmogorov–Smirnov for numbers, chi-squared for categories and for numbers with at most 5
// distinct values), p < 0.05 meaning drift; above that, where every test finds the tiniest
// shift significant, a distance with a fixed threshold (normed Wasserstein for numbers,
// Jensen–Shannon for categories) of 0.1. PSI over deciles (or categories) is reported always.
// One difference on purpose: Evidently switches on the REFERENCE's size, which for any model
// trained on more than 1,000 rows means distances always; here the current window's size decides
// (small windows get a test, large ones the distances that do not flag trivial shifts). And two
// values (0/1 flags) get chi-squared where Evidently runs a two-proportion z-test.
import {
  chiSquaredTest, jensenShannonDistance, kolmogorovSmirnov, populationStabilityIndex, psiBand,
  wassersteinBinned, type PsiBand,
} from './drift-statistics';
import { coarseOfSlots } from './quantile-edges';
import type { CategoricalProfile, NumericProfile } from './reference-profile';
import type { CategoryCounts, NumericCounts } from './summary';

export const SMALL_WINDOW_ROWS = 1000;
export const P_VALUE_THRESHOLD = 0.05;
export const DISTANCE_THRESHOLD = 0.1;
/** Numbers with at most this many distinct reference values are compared as categories. */
export const FEW_VALUES = 5;

export type DriftMethod = 'ks' | 'chi-squared' | 'wasserstein' | 'jensen-shannon';

export interface DriftResult {
  method: DriftMethod;
  /** KS D, chi-squared statistic, normed Wasserstein distance or Jensen–Shannon distance. */
  statistic: number;
  /** For the two tests; null for the distances. */
  pValue: number | null;
  /** p-value below it (tests) or statistic at or above it (distances) means drift. */
  threshold: number;
  drifted: boolean;
  psi: number;
  psiBand: PsiBand;
  /** Current rows compared (non-missing, well-typed). */
  rows: number;
}

/** Bins a person reads: labels, and reference and current shares. */
export interface BinShares {
  labels: string[];
  reference: number[];
  current: number[];
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

function byTest(method: 'ks' | 'chi-squared', result: { statistic: number; pValue: number }) {
  return { method, statistic: result.statistic, pValue: result.pValue, threshold: P_VALUE_THRESHOLD, drifted: result.pValue < P_VALUE_THRESHOLD };
}

function byDistance(method: 'wasserstein' | 'jensen-shannon', statistic: number) {
  return { method, statistic, pValue: null, threshold: DISTANCE_THRESHOLD, drifted: statistic >= DISTANCE_THRESHOLD };
}

function coarse(counts: ArrayLike<number>, map: Int32Array, bins: number): number[] {
  const out = new Array<number>(bins).fill(0);
  for (let s = 0; s < counts.length; s++) out[map[s]] += counts[s];
  return out;
}

export function numericDrift(profile: NumericProfile, current: NumericCounts): DriftResult | null {
  const rows = sum(current.counts);
  if (!rows || !profile.edges.length) return null;
  const map = coarseOfSlots(profile.edges, profile.psiEdges);
  const psi = populationStabilityIndex(coarse(profile.counts, map, profile.psiEdges.length + 1), coarse(current.counts, map, profile.psiEdges.length + 1));
  const few = profile.edges.length <= FEW_VALUES;
  let test;
  if (rows <= SMALL_WINDOW_ROWS) {
    test = few ? byTest('chi-squared', chiSquaredTest(profile.counts, current.counts)) : byTest('ks', kolmogorovSmirnov(profile.counts, current.counts));
  } else if (few) {
    test = byDistance('jensen-shannon', jensenShannonDistance(profile.counts, current.counts));
  } else {
    const w = wassersteinBinned(profile.edges, { counts: profile.counts, belowDistance: 0, aboveDistance: 0 }, current);
    test = byDistance('wasserstein', profile.std > 0 ? w / profile.std : w > 0 ? Infinity : 0);
  }
  return { ...test, psi, psiBand: psiBand(psi), rows };
}

export function categoricalDrift(profile: CategoricalProfile, current: CategoryCounts): DriftResult | null {
  const rows = sum(current.counts);
  if (!rows) return null;
  const psi = populationStabilityIndex(profile.counts, current.counts);
  const test = rows <= SMALL_WINDOW_ROWS
    ? byTest('chi-squared', chiSquaredTest(profile.counts, current.counts))
    : byDistance('jensen-shannon', jensenShannonDistance(profile.counts, current.counts));
  return { ...test, psi, psiBand: psiBand(psi), rows };
}

function shareOf(counts: number[]): number[] {
  const n = sum(counts);
  return counts.map((c) => (n ? c / n : 0));
}

function formatEdge(v: number): string {
  return Number.isInteger(v) ? String(v) : Number(v.toPrecision(4)).toString();
}

/** The PSI bins of a numeric column, as shares for a reference-vs-current histogram. */
export function numericBins(profile: NumericProfile, current: NumericCounts): BinShares {
  const bins = profile.psiEdges.length + 1;
  const map = coarseOfSlots(profile.edges, profile.psiEdges);
  const e = profile.psiEdges;
  const labels = Array.from({ length: bins }, (_, j) =>
    j === 0 ? `≤ ${formatEdge(e[0] ?? profile.max)}` : j === bins - 1 ? `> ${formatEdge(e[j - 1])}` : `${formatEdge(e[j - 1])} – ${formatEdge(e[j])}`);
  return { labels, reference: shareOf(coarse(profile.counts, map, bins)), current: shareOf(coarse(current.counts, map, bins)) };
}

export function categoricalBins(profile: CategoricalProfile, current: CategoryCounts): BinShares {
  return { labels: [...profile.categories, '(other)'], reference: shareOf(profile.counts), current: shareOf(current.counts) };
}
