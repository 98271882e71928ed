// Per-model alert rules and their evaluation against a report. Defaults are chosen so that data
// drawn from the training distribution itself raises nothing (alerts.test.ts and the
// false-alarm simulation check it): a column's drift pages only when the test says so AND its PSI
// is at least moderate AND the column matters to the model.
import { monitorReport, type MonitorReport } from './monitor-report';
import type { PerformanceReport } from './performance';
import type { ReferenceProfile } from './reference-profile';
import type { MonitorSummary } from './summary';

export interface AlertRules {
  noScores: { enabled: boolean; hours: number };
  /** `minRows`: below this many rows in the window the distribution rules stay quiet (too few to tell). */
  scoreShift: { enabled: boolean; psi: number; minRows: number };
  featureDrift: { enabled: boolean; minImportance: number; minPsi: number; minRows: number };
  datasetDrift: { enabled: boolean; share: number; minRows: number };
  invalidInputs: { enabled: boolean; outOfRangeShare: number; unseenShare: number; typeErrorShare: number; missingIncrease: number };
  performance: { enabled: boolean; maxRelativeDrop: number; minLabels: number };
}

export const DEFAULT_ALERT_RULES: AlertRules = {
  noScores: { enabled: true, hours: 2 },
  scoreShift: { enabled: true, psi: 0.25, minRows: 100 },
  featureDrift: { enabled: true, minImportance: 0.05, minPsi: 0.1, minRows: 100 },
  datasetDrift: { enabled: true, share: 0.5, minRows: 100 },
  invalidInputs: { enabled: true, outOfRangeShare: 0.05, unseenShare: 0.05, typeErrorShare: 0.01, missingIncrease: 0.1 },
  performance: { enabled: true, maxRelativeDrop: 0.05, minLabels: 200 },
};

export type AlertName = 'no-scores' | 'score-shift' | 'feature-drift' | 'dataset-drift' | 'invalid-inputs' | 'performance';

export interface Alert {
  name: AlertName;
  severity: 'critical' | 'warning';
  /** The input column, for per-column alerts. */
  feature?: string;
  value: number;
  threshold: number;
  message: string;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };

/** Rules from a partial JSON document over the defaults; unknown keys and bad values are errors. */
export function resolveAlertRules(partial: unknown = {}): AlertRules {
  if (!partial || typeof partial !== 'object' || Array.isArray(partial)) throw new Error('alert rules must be a JSON object');
  const out = structuredClone(DEFAULT_ALERT_RULES) as unknown as Record<string, Record<string, unknown>>;
  for (const [rule, settings] of Object.entries(partial as DeepPartial<AlertRules>)) {
    if (!(rule in out)) throw new Error(`unknown alert rule "${rule}" (rules: ${Object.keys(out).join(', ')})`);
    if (!settings || typeof settings !== 'object') throw new Error(`alert rule "${rule}" must be an object`);
    for (const [key, value] of Object.entries(settings)) {
      if (!(key in out[rule])) throw new Error(`unknown setting "${rule}.${key}" (settings: ${Object.keys(out[rule]).join(', ')})`);
      const expected = typeof out[rule][key];
      if (typeof value !== expected || (expected === 'number' && !(Number.isFinite(value) && (value as number) >= 0))) {
        throw new Error(`"${rule}.${key}" must be ${expected === 'number' ? 'a number ≥ 0' : 'true or false'}, got ${JSON.stringify(value)}`);
      }
      out[rule][key] = value;
    }
  }
  return out as unknown as AlertRules;
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
/** A silence said in the unit that reads (a rule set to seconds in a test says seconds, not "0.0 hours"). */
const duration = (hours: number) => (hours >= 1 ? `${hours.toFixed(1)} hours` : hours * 60 >= 1 ? `${(hours * 60).toFixed(1)} minutes` : `${(hours * 3600).toFixed(1)} seconds`);
const HOUR_MS = 3_600_000;

export interface AlertContext {
  /** Epoch ms the "no scores" rule measures from (the job's clock). */
  now: number;
  performance?: PerformanceReport | null;
}

export function evaluateAlerts(summary: MonitorSummary, reference: ReferenceProfile, rules: AlertRules, context: AlertContext): Alert[] {
  return alertsForReport(monitorReport(summary, reference, context.performance ?? null), summary, rules, context.now);
}

/** `summary`: only its lastTime is read (a scorer's JSON gives that alone). */
export function alertsForReport(report: MonitorReport, summary: Pick<MonitorSummary, 'lastTime'>, rules: AlertRules, now: number): Alert[] {
  const alerts: Alert[] = [];
  const r = rules;
  if (r.noScores.enabled && summary.lastTime !== null) {
    const hours = (now - summary.lastTime) / HOUR_MS;
    if (hours >= r.noScores.hours) {
      alerts.push({ name: 'no-scores', severity: 'critical', value: hours, threshold: r.noScores.hours, message: `no scores for ${duration(hours)} (last at ${new Date(summary.lastTime).toISOString()})` });
    }
  }
  if (r.scoreShift.enabled && report.scores && report.scores.drift.rows >= r.scoreShift.minRows && report.scores.drift.psi >= r.scoreShift.psi) {
    const d = report.scores.drift;
    alerts.push({ name: 'score-shift', severity: 'warning', value: d.psi, threshold: r.scoreShift.psi, message: `score distribution shifted: PSI ${d.psi.toFixed(3)} (${d.psiBand})` });
  }
  for (const f of report.features) {
    const d = f.drift;
    if (r.featureDrift.enabled && d?.drifted && d.rows >= r.featureDrift.minRows && d.psi >= r.featureDrift.minPsi && f.importance >= r.featureDrift.minImportance) {
      alerts.push({
        name: 'feature-drift', severity: 'warning', feature: f.name, value: d.psi, threshold: r.featureDrift.minPsi,
        message: `input "${f.name}" drifted (${d.method} ${d.statistic.toFixed(3)}${d.pValue !== null ? `, p ${d.pValue.toExponential(1)}` : ''}; PSI ${d.psi.toFixed(3)}; importance ${pct(f.importance)})`,
      });
    }
    if (!r.invalidInputs.enabled) continue;
    const q = f.quality;
    const checks: [number, number, string][] = [
      [q.outOfRangeRate, r.invalidInputs.outOfRangeShare, `${pct(q.outOfRangeRate)} of values outside the training range`],
      [q.unseenRate, r.invalidInputs.unseenShare, `${pct(q.unseenRate)} categories never seen in training (${q.unseenExamples.slice(0, 3).map((v) => JSON.stringify(v)).join(', ')})`],
      [q.typeErrorRate, r.invalidInputs.typeErrorShare, `${pct(q.typeErrorRate)} values of the wrong type`],
      [q.missingRate - q.referenceMissingRate, r.invalidInputs.missingIncrease, `${pct(q.missingRate)} missing (${pct(q.referenceMissingRate)} in training)`],
    ];
    for (const [value, threshold, what] of checks) {
      if (value > threshold && value > 0) alerts.push({ name: 'invalid-inputs', severity: 'warning', feature: f.name, value, threshold, message: `input "${f.name}": ${what}` });
    }
  }
  if (r.datasetDrift.enabled && report.rows >= r.datasetDrift.minRows && report.datasetDrift.compared > 0 && report.datasetDrift.share >= r.datasetDrift.share) {
    const d = report.datasetDrift;
    alerts.push({ name: 'dataset-drift', severity: 'critical', value: d.share, threshold: r.datasetDrift.share, message: `dataset drift: ${d.drifted} of ${d.compared} inputs drifted` });
  }
  const p = report.performance;
  if (r.performance.enabled && p && p.ratio !== null && p.baseline && p.overall.rows >= r.performance.minLabels && p.ratio < 1 - r.performance.maxRelativeDrop) {
    const now = p.overall.metrics[p.baseline.metric];
    alerts.push({
      name: 'performance', severity: 'critical', value: p.ratio, threshold: 1 - r.performance.maxRelativeDrop,
      message: `${p.baseline.metric} ${now.toFixed(4)} on ${p.overall.rows} labelled rows, below the evaluation's ${p.baseline.value.toFixed(4)} by more than ${pct(r.performance.maxRelativeDrop)}`,
    });
  }
  return alerts;
}
