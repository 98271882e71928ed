// A report as the Prometheus gauges of metric-names.ts: what the scorer sets from its sliding
// window, and what `tourney monitor --metrics <file>` writes for node_exporter's textfile
// collector. One sample per model, per input column, or per metric — never per value or request.
import type { MonitorReport } from './monitor-report';
import { METRICS } from './metric-names';

export interface GaugeSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export function gaugesFromReport(modelName: string, report: MonitorReport): GaugeSample[] {
  const model = { model: modelName };
  const out: GaugeSample[] = [{ name: METRICS.windowRows, labels: model, value: report.rows }];
  if (report.lastTime) out.push({ name: METRICS.lastPredictionTimestamp, labels: model, value: Date.parse(report.lastTime) / 1000 });
  for (const f of report.features) {
    const labels = { model: modelName, feature: f.name };
    const q = f.quality;
    out.push({ name: METRICS.featureImportance, labels, value: f.importance });
    if (f.drift) {
      out.push(
        { name: METRICS.featurePsi, labels, value: f.drift.psi },
        { name: METRICS.featureDriftScore, labels, value: f.drift.statistic },
        { name: METRICS.featureDriftDetected, labels, value: f.drift.drifted ? 1 : 0 },
      );
    }
    out.push(
      { name: METRICS.featureOutOfRangeRatio, labels, value: q.outOfRangeRate },
      { name: METRICS.featureUnseenRatio, labels, value: q.unseenRate },
      { name: METRICS.featureTypeErrorRatio, labels, value: q.typeErrorRate },
      { name: METRICS.featureMissingIncrease, labels, value: q.missingRate - q.referenceMissingRate },
    );
  }
  if (report.scores) out.push({ name: METRICS.scorePsi, labels: model, value: report.scores.drift.psi });
  out.push({ name: METRICS.datasetDriftShare, labels: model, value: report.datasetDrift.share });
  const p = report.performance;
  if (p?.baseline && p.ratio !== null) out.push({ name: METRICS.performanceRatio, labels: { model: modelName, metric: p.baseline.metric }, value: p.ratio });
  return out;
}

function labelText(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

/** Prometheus text exposition format (gauges), grouped by name. */
export function exposition(samples: GaugeSample[]): string {
  const byName = new Map<string, GaugeSample[]>();
  for (const s of samples) {
    let list = byName.get(s.name);
    if (!list) byName.set(s.name, (list = []));
    list.push(s);
  }
  const lines: string[] = [];
  for (const [name, list] of byName) {
    lines.push(`# HELP ${name} Tourney model monitoring (see kernels/monitor/metric-names.ts).`, `# TYPE ${name} gauge`);
    for (const s of list) lines.push(`${name}${labelText(s.labels)} ${Number.isFinite(s.value) ? s.value : s.value > 0 ? '+Inf' : s.value < 0 ? '-Inf' : 'NaN'}`);
  }
  return lines.join('\n') + '\n';
}
