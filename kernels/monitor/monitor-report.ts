// The drift and data-quality report of a summary against its reference: per input column (most
// important first) its drift test and PSI, missing rate against the reference, out-of-range
// numbers, unseen categories and type errors; dataset drift; score shift; volume per hour;
// latency; and performance once labels exist (performance.ts).
import { categoricalBins, categoricalDrift, numericBins, numericDrift, type BinShares, type DriftResult } from './feature-drift';
import type { PerformanceReport } from './performance';
import type { ReferenceProfile } from './reference-profile';
import { LATENCY_BUCKETS_MS, type MonitorSummary } from './summary';

/** Share of compared columns that must drift for the dataset to count as drifted (Evidently's default). */
export const DATASET_DRIFT_SHARE = 0.5;

export interface FeatureQuality {
  /** Current rows seen for this column. */
  rows: number;
  missingRate: number;
  referenceMissingRate: number;
  outOfRange: number;
  outOfRangeRate: number;
  unseen: number;
  unseenRate: number;
  unseenExamples: string[];
  typeErrors: number;
  typeErrorRate: number;
}

export interface FeatureReport {
  name: string;
  kind: 'numeric' | 'categorical' | 'datetime';
  /** Share of the model's importance (all columns sum to 1). */
  importance: number;
  drift: DriftResult | null;
  quality: FeatureQuality;
  bins: BinShares | null;
}

export interface MonitorReport {
  rows: number;
  scored: number;
  firstTime: string | null;
  lastTime: string | null;
  volume: { hour: string; count: number }[];
  features: FeatureReport[];
  datasetDrift: { drifted: number; compared: number; share: number; detected: boolean };
  scores: { drift: DriftResult; bins: BinShares } | null;
  latency: { n: number; meanMs: number; p50Ms: number; p95Ms: number; p99Ms: number } | null;
  performance: PerformanceReport | null;
}

const rate = (k: number, n: number) => (n > 0 ? k / n : 0);
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export function monitorReport(summary: MonitorSummary, reference: ReferenceProfile, performance: PerformanceReport | null = null): MonitorReport {
  const features: FeatureReport[] = reference.features.map(({ name, importance, profile }) => {
    const c = summary.features[name];
    if (!c || c.kind !== profile.kind) throw new Error(`summary does not match the reference profile (column "${name}")`);
    const referenceMissingRate = rate(profile.missing, profile.rows);
    const quality: FeatureQuality = {
      rows: summary.rows, missingRate: rate(c.missing, summary.rows), referenceMissingRate,
      outOfRange: 0, outOfRangeRate: 0, unseen: 0, unseenRate: 0, unseenExamples: [], typeErrors: 0, typeErrorRate: 0,
    };
    if (c.kind === 'datetime' || profile.kind === 'datetime') return { name, kind: 'datetime', importance, drift: null, quality, bins: null };
    quality.typeErrors = c.typeErrors;
    quality.typeErrorRate = rate(c.typeErrors, summary.rows);
    if (c.kind === 'numeric' && profile.kind === 'numeric') {
      quality.outOfRange = c.counts[0] + c.counts[c.counts.length - 1];
      quality.outOfRangeRate = rate(quality.outOfRange, summary.rows);
      return { name, kind: 'numeric', importance, drift: numericDrift(profile, c), quality, bins: numericBins(profile, c) };
    }
    if (c.kind === 'categorical' && profile.kind === 'categorical') {
      quality.unseen = c.unseen;
      quality.unseenRate = rate(c.unseen, summary.rows);
      quality.unseenExamples = c.unseenExamples;
      return { name, kind: 'categorical', importance, drift: categoricalDrift(profile, c), quality, bins: categoricalBins(profile, c) };
    }
    throw new Error(`summary does not match the reference profile (column "${name}")`);
  });
  features.sort((a, b) => b.importance - a.importance);
  const compared = features.filter((f) => f.drift);
  const drifted = compared.filter((f) => f.drift!.drifted).length;
  const share = rate(drifted, compared.length);
  return {
    rows: summary.rows,
    scored: summary.scored,
    firstTime: iso(summary.firstTime),
    lastTime: iso(summary.lastTime),
    volume: Object.entries(summary.perHour).map(([h, count]) => [Number(h), count] as const).sort((a, b) => a[0] - b[0])
      .map(([h, count]) => ({ hour: new Date(h).toISOString(), count })),
    features,
    datasetDrift: { drifted, compared: compared.length, share, detected: compared.length > 0 && share >= DATASET_DRIFT_SHARE },
    scores: scoreShift(summary, reference),
    latency: latencyReport(summary.latency),
    performance,
  };
}

function scoreShift(summary: MonitorSummary, reference: ReferenceProfile): MonitorReport['scores'] {
  const profile = reference.scores;
  const c = summary.scores;
  if (!profile || !c) return null;
  if (profile.kind === 'numeric' && c.kind === 'numeric') {
    const drift = numericDrift(profile, c);
    return drift && { drift, bins: numericBins(profile, c) };
  }
  if (profile.kind === 'categorical' && c.kind === 'categorical') {
    const drift = categoricalDrift(profile, c);
    return drift && { drift, bins: categoricalBins(profile, c) };
  }
  return null;
}

/** Quantiles from the latency histogram, linear within a bucket (as Prometheus' histogram_quantile). */
function latencyReport(latency: MonitorSummary['latency']): MonitorReport['latency'] {
  if (!latency.n) return null;
  const quantile = (q: number) => {
    const target = q * latency.n;
    let seen = 0;
    for (let b = 0; b < latency.counts.length; b++) {
      const next = seen + latency.counts[b];
      if (next >= target && latency.counts[b] > 0) {
        const lower = b === 0 ? 0 : LATENCY_BUCKETS_MS[b - 1];
        if (b === LATENCY_BUCKETS_MS.length) return lower; // the open top bucket: its lower bound
        return lower + ((target - seen) / latency.counts[b]) * (LATENCY_BUCKETS_MS[b] - lower);
      }
      seen = next;
    }
    return LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1];
  };
  return { n: latency.n, meanMs: latency.sum / latency.n, p50Ms: quantile(0.5), p95Ms: quantile(0.95), p99Ms: quantile(0.99) };
}
