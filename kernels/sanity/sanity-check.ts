// The sanity checker: given the derived features and the target, say which to remove and why,
// in one sentence each. Leaks remove the whole raw column (everything derived from a column that
// gives the answer away is suspect); near-zero variance and duplicates remove single features.
import type { Labels } from '../learn/matrix';
import { DEFAULT_LEAK_OPTIONS, findLeaks, type FeatureGroup, type LeakOptions, type SanityFeature } from './check-leakage';
import { findNearDuplicates } from './near-duplicates';
import { findNearZeroVariance } from './near-zero-variance';

export type { FeatureGroup, SanityFeature } from './check-leakage';

export interface SanityFinding {
  column: string;
  /** Set when only this derived feature is concerned. */
  feature?: string;
  kind: 'leak' | 'near-zero-variance' | 'duplicate';
  reason: string;
}

export interface SanityOptions {
  leak?: Partial<LeakOptions>;
  maxLeakRows?: number;
  /** Date.now() ms after which the (optional) duplicate scan stops. */
  deadline?: number;
}

export function sanityCheck(
  features: readonly SanityFeature[],
  groups: readonly FeatureGroup[],
  labels: Labels,
  target: string,
  opts: SanityOptions = {},
): SanityFinding[] {
  const n = labels.y.length;
  const findings: SanityFinding[] = [];
  const gone = new Set<number>();

  for (const f of findNearZeroVariance(features, n)) {
    gone.add(f.index);
    const feat = features[f.index];
    findings.push({ column: feat.column, feature: feat.name, kind: 'near-zero-variance', reason: f.reason });
  }

  const rows = evenRows(n, opts.maxLeakRows ?? 50_000);
  const live = features.map((_, i) => i).filter((i) => !gone.has(i));
  const liveGroups = groups
    .map((g) => ({ ...g, members: g.members.filter((m) => !gone.has(m)).map((m) => live.indexOf(m)) }))
    .filter((g) => g.members.length >= 2);
  const leaks = findLeaks(live.map((i) => features[i]), liveGroups, labels, target, rows, { ...DEFAULT_LEAK_OPTIONS, ...opts.leak });
  const leakColumns = new Set<string>();
  for (const l of leaks) {
    if (leakColumns.has(l.column)) continue;
    leakColumns.add(l.column);
    findings.push({ column: l.column, kind: 'leak', reason: l.reason });
  }
  features.forEach((f, i) => { if (leakColumns.has(f.column)) gone.add(i); });

  const rest = features.map((_, i) => i).filter((i) => !gone.has(i));
  for (const d of findNearDuplicates(rest.map((i) => features[i]), n, undefined, undefined, opts.deadline)) {
    const f = features[rest[d.index]];
    const of = features[rest[d.of]];
    const mirror = d.correlation < 0;
    findings.push({
      column: f.column,
      feature: f.name,
      kind: 'duplicate',
      reason: `${mirror ? 'mirror image' : 'near-duplicate'} of '${of.name}' (correlation ${d.correlation.toFixed(3)})`,
    });
  }
  return findings;
}

function evenRows(n: number, max: number): Uint32Array {
  const m = Math.min(n, max);
  const rows = new Uint32Array(m);
  for (let k = 0; k < m; k++) rows[k] = Math.floor((k * n) / m);
  return rows;
}
