// Performance once labels arrive: the scores of labelled requests against their outcomes, per
// day and overall, with the metrics of kernels/learn/metric, compared with the evaluation
// baseline stored in the reference profile.
import { calibrationCurve, getMetric, metricsFor } from '../learn/metric';
import type { MonitorRecord } from './monitor-record';
import type { ReferenceProfile } from './reference-profile';

const DAY_MS = 86_400_000;

export interface LabeledOutput {
  time: number | null;
  label: string;
  output: NonNullable<MonitorRecord['output']>;
}

export interface PerformanceWindow {
  /** Start of the day (ISO), or null for the whole period. */
  from: string | null;
  rows: number;
  metrics: Record<string, number>;
  /** Binary: expected calibration error over 10 probability bins (mean |observed − predicted|, row-weighted). */
  calibrationError?: number;
}

export interface PerformanceReport {
  overall: PerformanceWindow;
  daily: PerformanceWindow[];
  baseline: ReferenceProfile['baseline'];
  /** The baseline metric now divided by at evaluation, oriented so that below 1 is worse. */
  ratio: number | null;
  /** Labels that could not be used (a class the model does not know, a non-number for regression, no score). */
  unusable: number;
}

interface Encoded {
  y: number[];
  predictions: number[];
  times: (number | null)[];
  unusable: number;
}

function encode(rows: LabeledOutput[], reference: ReferenceProfile): Encoded {
  const out: Encoded = { y: [], predictions: [], times: [], unusable: 0 };
  const classes = reference.classes ?? [];
  for (const r of rows) {
    if (reference.task === 'regression') {
      const y = Number(r.label);
      const p = Number(r.output.prediction);
      if (!Number.isFinite(y) || !Number.isFinite(p)) { out.unusable++; continue; }
      out.y.push(y);
      out.predictions.push(p);
    } else {
      const k = classIndex(classes, r.label, reference.task);
      const probabilities = r.output.probabilities;
      const ps = classes.map((c) => probabilities?.[c]);
      if (k < 0 || ps.some((p) => typeof p !== 'number')) { out.unusable++; continue; }
      out.y.push(k);
      if (reference.task === 'binary') out.predictions.push(ps[1]!);
      else out.predictions.push(...(ps as number[]));
    }
    out.times.push(r.time);
  }
  return out;
}

const TRUE_LIKE = new Set(['1', 'true', 'yes']);
const FALSE_LIKE = new Set(['0', 'false', 'no']);

/** The class code of a label; binary outcomes also read as 1/0 or true/false. */
function classIndex(classes: string[], label: string, task: ReferenceProfile['task']): number {
  const k = classes.indexOf(label);
  if (k >= 0 || task !== 'binary') return k;
  const l = label.toLowerCase();
  return TRUE_LIKE.has(l) ? 1 : FALSE_LIKE.has(l) ? 0 : -1;
}

function measure(reference: ReferenceProfile, y: number[], predictions: number[], from: string | null): PerformanceWindow {
  const task = reference.task;
  const yTrue = Float64Array.from(y);
  const p = Float64Array.from(predictions);
  const metrics: Record<string, number> = {};
  for (const name of metricsFor(task)) {
    // AUROC needs both classes; one day of labels may hold only one.
    if (name === 'auroc' && new Set(y).size < 2) continue;
    const v = getMetric(name).compute(yTrue, p, task);
    if (Number.isFinite(v)) metrics[name] = v;
  }
  const window: PerformanceWindow = { from, rows: y.length, metrics };
  if (task === 'binary' && y.length) {
    const bins = calibrationCurve(yTrue, p, 10);
    window.calibrationError = bins.reduce((s, b) => s + (b.count / y.length) * Math.abs(b.fractionPositive - b.meanPredicted), 0);
  }
  return window;
}

export function performanceOverTime(rows: LabeledOutput[], reference: ReferenceProfile): PerformanceReport | null {
  const e = encode(rows, reference);
  if (!e.y.length) return null;
  const width = reference.task === 'multiclass' ? (reference.classes?.length ?? 1) : 1;
  const overall = measure(reference, e.y, e.predictions, null);
  const byDay = new Map<number, number[]>();
  e.times.forEach((t, i) => {
    if (t === null) return;
    const day = Math.floor(t / DAY_MS) * DAY_MS;
    let list = byDay.get(day);
    if (!list) byDay.set(day, (list = []));
    list.push(i);
  });
  const daily = [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, idx]) => measure(
    reference,
    idx.map((i) => e.y[i]),
    idx.flatMap((i) => e.predictions.slice(i * width, (i + 1) * width)),
    new Date(day).toISOString(),
  ));
  const baseline = reference.baseline;
  let ratio: number | null = null;
  const now = baseline ? overall.metrics[baseline.metric] : undefined;
  if (baseline && now !== undefined && baseline.value > 0 && now > 0) ratio = baseline.higherIsBetter ? now / baseline.value : baseline.value / now;
  return { overall, daily, baseline, ratio, unusable: e.unusable };
}
