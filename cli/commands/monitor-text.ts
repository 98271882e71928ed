// The human-readable `tourney monitor` report.
import type { Alert } from '../../kernels/monitor/alert-rules';
import type { MonitorReport } from '../../kernels/monitor/monitor-report';
import type { LogModel } from '../../kernels/monitor/prediction-log';

export interface MonitorTextInput {
  model: LogModel | null;
  modelName: string;
  source: string;
  kind: 'log' | 'data';
  window: number | undefined;
  report: MonitorReport;
  alerts: Alert[];
  notes: string[];
}

const pct = (v: number) => (v ? `${(100 * v).toFixed(1)}%` : '-');
const num = (v: number) => (Math.abs(v) >= 1000 || (v !== 0 && Math.abs(v) < 0.001) ? v.toExponential(2) : v.toFixed(3));

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) => '  ' + r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ').trimEnd());
}

export function formatMonitorText(input: MonitorTextInput): string {
  const { report: r, alerts } = input;
  const who = input.model ? `${input.model.name}${input.model.version ? `@${input.model.version}` : ''}` : input.modelName;
  const lines: string[] = [];
  const span = r.firstTime ? ` from ${r.firstTime} to ${r.lastTime}` : '';
  lines.push(`${who}: ${r.rows} ${input.kind === 'log' ? 'predictions' : 'rows'}${span}${input.window ? ` (the last ${input.window} h)` : ''} in ${input.source}`);
  if (r.volume.length) {
    const counts = r.volume.map((v) => v.count);
    lines.push(`volume: ${r.volume.length} hours with scores, ${Math.min(...counts)}–${Math.max(...counts)} an hour (mean ${(r.rows / r.volume.length).toFixed(0)})`);
  }
  if (r.scores) {
    const d = r.scores.drift;
    lines.push(`scores: PSI ${num(d.psi)} (${d.psiBand}), ${d.method} ${num(d.statistic)}${d.pValue !== null ? ` p ${num(d.pValue)}` : ''} → ${d.drifted ? 'shifted' : 'stable'}`);
  }
  lines.push('inputs, most important first:');
  lines.push(...table([
    ['column', 'importance', 'test', 'statistic', 'p', 'PSI', 'drift', 'missing', 'train missing', 'out of range', 'unseen', 'type errors'],
    ...r.features.map((f) => {
      const d = f.drift;
      const q = f.quality;
      return [
        f.name, pct(f.importance), d?.method ?? '-', d ? num(d.statistic) : '-', d?.pValue != null ? num(d.pValue) : '-',
        d ? num(d.psi) : '-', d ? (d.drifted ? 'DRIFT' : 'ok') : '-', pct(q.missingRate), pct(q.referenceMissingRate),
        pct(q.outOfRangeRate), pct(q.unseenRate), pct(q.typeErrorRate),
      ];
    }),
  ]));
  const dd = r.datasetDrift;
  lines.push(`dataset drift: ${dd.drifted} of ${dd.compared} inputs drifted${dd.detected ? ' — DATASET DRIFT' : ''} (half or more would be dataset drift)`);
  if (r.latency) lines.push(`latency: mean ${r.latency.meanMs.toFixed(1)} ms, p50 ${r.latency.p50Ms.toFixed(1)} ms, p95 ${r.latency.p95Ms.toFixed(1)} ms, p99 ${r.latency.p99Ms.toFixed(1)} ms`);
  const p = r.performance;
  if (p) {
    const metrics = Object.entries(p.overall.metrics).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ');
    lines.push(`performance on ${p.overall.rows} labelled requests: ${metrics}${p.overall.calibrationError !== undefined ? `, calibration error ${p.overall.calibrationError.toFixed(4)}` : ''}`);
    if (p.baseline) lines.push(`  ${p.baseline.metric} at evaluation ${p.baseline.value.toFixed(4)}${p.ratio !== null ? `; now ${(100 * p.ratio).toFixed(1)}% of it` : ''}`);
  }
  if (input.notes.length) {
    lines.push('notes:');
    for (const n of input.notes) lines.push(`  - ${n}`);
  }
  lines.push(alerts.length ? `alerts (${alerts.length}):` : 'alerts: none');
  for (const a of alerts) lines.push(`  ${a.severity.toUpperCase()} ${a.name}: ${a.message}`);
  return lines.join('\n');
}
