// "Fix your leaks": a column that alone predicts the target almost perfectly was most likely
// filled in after the outcome was known (a close reason, a refund date, a status text). Checked
// per derived feature (so a text's word, or the emptiness of a field, can give it away) and per
// group of indicators (a categorical column as a whole).
import type { Labels } from '../learn/matrix';
import { classAssociation, correlationRatio } from './association';
import { binCodes, type Binned } from './bin-codes';

export interface SanityFeature {
  name: string;
  /** The raw column it was derived from. */
  column: string;
  values: ArrayLike<number>;
  /** The feature is the "is missing" indicator of its column. */
  nullIndicator?: boolean;
}

export interface FeatureGroup { column: string; label: string; members: number[] }

export interface LeakFinding { column: string; feature: string; reason: string; score: number }

export interface LeakOptions {
  /** λ (classes) at or above which a feature is a leak. */
  threshold: number;
  /** η (numbers) at or above which a feature is a leak. */
  regressionThreshold: number;
  /** Binary: a ≥99%-pure rule covering at least this share of a minority class is a leak. */
  ruleCoverage: number;
}

export const DEFAULT_LEAK_OPTIONS: LeakOptions = { threshold: 0.9, regressionThreshold: 0.97, ruleCoverage: 0.8 };

const pct = (x: number) => `${(100 * x).toFixed(x > 0.995 && x < 1 ? 1 : 0)}%`;

export function findLeaks(
  features: readonly SanityFeature[],
  groups: readonly FeatureGroup[],
  labels: Labels,
  target: string,
  rows: ArrayLike<number>,
  opts: LeakOptions = DEFAULT_LEAK_OPTIONS,
): LeakFinding[] {
  const y = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) y[k] = labels.y[rows[k]];
  const findings: LeakFinding[] = [];
  for (const f of features) {
    const binned = binCodes(f.values, rows);
    const finding = judge(binned, y, labels, target, f.name, f.column, opts, f.nullIndicator ?? false);
    if (finding) findings.push(finding);
  }
  for (const g of groups) {
    if (g.members.length < 2) continue;
    const code = new Float64Array(labels.y.length);
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k];
      let c = g.members.length;
      for (let m = 0; m < g.members.length; m++) if (features[g.members[m]].values[i] === 1) { c = m; break; }
      code[i] = c;
    }
    const finding = judge(binCodes(code, rows, g.members.length + 1), y, labels, target, g.label, g.column, opts, false);
    if (finding) findings.push(finding);
  }
  return findings;
}

function judge(
  b: Binned, y: Float64Array, labels: Labels, target: string, feature: string, column: string,
  opts: LeakOptions, nullIndicator: boolean,
): LeakFinding | null {
  const n = y.length;
  if (labels.task === 'regression') {
    const eta = correlationRatio(b.codes, b.nCodes, y);
    if (eta < opts.regressionThreshold) return null;
    return { column, feature, score: eta, reason: `likely label leak: '${feature}' alone explains '${target}' almost entirely (correlation ratio η = ${eta.toFixed(3)})` };
  }
  const k = labels.classes?.length ?? 2;
  const a = classAssociation(b.codes, b.nCodes, y, k, Math.max(20, Math.ceil(0.01 * n)));
  const names = labels.classes ?? ['0', '1'];
  if (a.lambda >= opts.threshold) {
    if (nullIndicator && k === 2) {
      // code 1 = missing for a 0/1 indicator
      const missingShare = (c: number) => (a.classTotals[c] ? a.counts[1 * k + c] / a.classTotals[c] : 0);
      return { column, feature, score: a.lambda, reason: `likely label leak: whether '${column}' is empty mirrors '${target}' (empty in ${pct(missingShare(0))} of '${names[0]}' rows, ${pct(missingShare(1))} of '${names[1]}' rows)` };
    }
    return { column, feature, score: a.lambda, reason: `likely label leak: '${feature}' alone predicts '${target}' almost perfectly (Goodman–Kruskal λ = ${a.lambda.toFixed(3)}, Cramér's V = ${a.cramersV.toFixed(3)})` };
  }
  const r = a.rule;
  if (k === 2 && r && r.coverage >= opts.ruleCoverage && a.classTotals[r.cls] <= n / 2) {
    const when = describeCode(b, r.code, nullIndicator, column, feature);
    return { column, feature, score: r.coverage, reason: `likely label leak: ${when} ⇒ '${target}' = '${names[r.cls]}' in ${pct(r.purity)} of ${r.support} rows, and that covers ${pct(r.coverage)} of all '${names[r.cls]}' rows` };
  }
  return null;
}

function describeCode(b: Binned, code: number, nullIndicator: boolean, column: string, feature: string): string {
  if (code === b.missingCode) return `'${feature}' is missing`;
  const lo = code > 0 ? b.cuts[code - 1] : undefined;
  const hi = code < b.cuts.length ? b.cuts[code] : undefined;
  if (nullIndicator) return lo === 1 ? `'${column}' is empty` : `'${column}' is filled in`;
  if (isIndicatorCuts(b.cuts)) return `'${feature}' = ${code}`;
  if (lo === undefined) return `'${feature}' < ${fmt(hi!)}`;
  if (hi === undefined) return `'${feature}' ≥ ${fmt(lo)}`;
  return `${fmt(lo)} ≤ '${feature}' < ${fmt(hi)}`;
}

function isIndicatorCuts(cuts: number[]): boolean {
  return cuts.length === 1 && cuts[0] === 1;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}
