// One monitored model: its alerts under the model's rules (with a drill-down from an alert to the
// drifted input's two histograms), the seed's charts, the drift table ranked by importance, data
// quality and latency, and what was wrong with the input.
import { useEffect, useMemo, useState } from 'react';
import type { AlertRules } from '../../kernels/monitor/alert-rules';
import type { FeatureReport } from '../../kernels/monitor/monitor-report';
import { VegaChart } from '../cells/VegaChart';
import { histogramsSpec, performanceSpec, scoreDistributionSpec, volumeSpec } from './monitor-charts';
import { loadRules, saveRules } from './model-rules';
import { recordMonitorStatus } from './monitor-status';
import { driftedFeatures, snapshotAlerts, type MonitorSnapshot } from './snapshot';
import { RulesForm } from './RulesForm';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const num = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3));

export function ModelPanel({ snapshot }: { snapshot: MonitorSnapshot }) {
  const [rules, setRules] = useState<AlertRules>(() => loadRules(snapshot.modelName));
  const [drill, setDrill] = useState<string | null>(null);
  useEffect(() => setRules(loadRules(snapshot.modelName)), [snapshot.modelName]);
  const alerts = useMemo(() => snapshotAlerts(snapshot, rules), [snapshot, rules]);
  const report = snapshot.report;

  useEffect(() => {
    recordMonitorStatus({
      model: snapshot.modelName, version: snapshot.version, source: snapshot.source, seenAt: Date.now(),
      alerts: alerts.map((a) => ({ name: a.name, ...(a.feature ? { feature: a.feature } : {}) })), drifted: driftedFeatures(alerts), volume: report.volume,
    });
  }, [snapshot, alerts, report.volume]);

  const changeRules = (next: AlertRules) => {
    setRules(next);
    saveRules(snapshot.modelName, next);
  };
  const drilled = report.features.find((f) => f.name === drill);
  const volume = useMemo(() => volumeSpec(report.volume), [report.volume]);
  const scores = useMemo(() => (report.scores ? scoreDistributionSpec(report.scores.bins) : null), [report.scores]);
  const performance = useMemo(() => (report.performance ? performanceSpec(report.performance) : null), [report.performance]);
  const histograms = useMemo(() => (drilled?.bins ? histogramsSpec(drilled.name, drilled.bins) : null), [drilled]);

  return (
    <div className="mo-panel" data-testid="monitor-panel" data-model={snapshot.modelName} data-rows={report.rows}>
      <h3>
        {snapshot.modelName}{snapshot.version ? ` · ${snapshot.version}` : ''}
        <span className="am-muted">
          {report.rows.toLocaleString()} rows · {report.scored.toLocaleString()} scored · {snapshot.range} · last prediction {snapshot.lastTime === null ? 'never' : new Date(snapshot.lastTime).toLocaleString()} · from {snapshot.from}
        </span>
      </h3>
      {snapshot.notes.length > 0 && (
        <ul className="mo-notes" data-testid="monitor-notes">
          {snapshot.notes.map((n) => <li key={n} data-testid="monitor-note">{n}</li>)}
        </ul>
      )}
      <RulesForm rules={rules} onChange={changeRules} />
      <div className="mo-alerts" data-testid="monitor-alerts" data-count={alerts.length}>
        {alerts.length === 0 ? <p className="mo-ok" data-testid="monitor-no-alerts">No alerts under this model's rules.</p> : (
          <ul>
            {alerts.map((a) => (
              <li key={`${a.name}:${a.feature ?? ''}:${a.message}`} className={`mo-alert mo-${a.severity}`} data-testid="monitor-alert" data-alert={a.name} data-feature={a.feature ?? ''}>
                <b>{a.name}</b> {a.message}
                {a.feature && report.features.some((f) => f.name === a.feature && f.bins) && (
                  <button type="button" className="rg-link" onClick={() => setDrill(a.feature!)} data-testid="monitor-alert-drill">histograms</button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {drilled && histograms && (
        <div className="mo-drill" data-testid="monitor-drilldown" data-feature={drilled.name}>
          <div className="mo-drill-head">
            <b>{drilled.name}</b>
            <span className="am-muted">{drilled.drift ? `${drilled.drift.method} ${num(drilled.drift.statistic)}${drilled.drift.pValue !== null ? `, p ${drilled.drift.pValue.toExponential(1)}` : ''} · PSI ${num(drilled.drift.psi)} (${drilled.drift.psiBand}) · importance ${pct(drilled.importance)}` : ''}</span>
            <button type="button" className="rg-link" onClick={() => setDrill(null)} data-testid="monitor-drill-close">close</button>
          </div>
          <VegaChart spec={histograms} />
        </div>
      )}
      <div className="mo-charts">
        <VegaChart spec={volume} />
        {scores ? <VegaChart spec={scores} /> : <p className="am-muted">No score distribution: the model's reference has no scores.</p>}
        {performance ? <VegaChart spec={performance} /> : <p className="am-muted mo-chart-note" data-testid="monitor-no-labels">Performance over time appears once labels arrive (import a labels file of request ids and outcomes).</p>}
      </div>
      <DriftTable features={report.features} onPick={setDrill} drifted={new Set(driftedFeatures(alerts))} />
      <QualityTable features={report.features} />
      <p className="am-muted">
        Dataset drift: {report.datasetDrift.drifted} of {report.datasetDrift.compared} inputs drifted ({pct(report.datasetDrift.share)}).
        {report.latency && ` Latency: mean ${report.latency.meanMs.toFixed(1)} ms, p50 ${report.latency.p50Ms.toFixed(1)} ms, p99 ${report.latency.p99Ms.toFixed(1)} ms.`}
        {report.scores && ` Score shift: PSI ${num(report.scores.drift.psi)} (${report.scores.drift.psiBand}).`}
      </p>
    </div>
  );
}

function DriftTable({ features, onPick, drifted }: { features: FeatureReport[]; onPick: (name: string) => void; drifted: Set<string> }) {
  return (
    <table className="rg-table mo-table" data-testid="monitor-drift-table">
      <caption>Drift per input, most important first (an alert needs the test, PSI ≥ the rule's and importance ≥ the rule's)</caption>
      <thead><tr><th>input</th><th>importance</th><th>test</th><th>statistic</th><th>p</th><th>PSI</th><th>band</th><th>drifted</th><th /></tr></thead>
      <tbody>
        {features.map((f) => (
          <tr key={f.name} data-testid="monitor-drift-row" data-feature={f.name} className={drifted.has(f.name) ? 'mo-row-alert' : ''}>
            <td>{f.name}</td>
            <td>{pct(f.importance)}</td>
            <td>{f.drift?.method ?? '—'}</td>
            <td>{f.drift ? num(f.drift.statistic) : '—'}</td>
            <td>{f.drift?.pValue != null ? f.drift.pValue.toExponential(1) : '—'}</td>
            <td>{f.drift ? num(f.drift.psi) : '—'}</td>
            <td>{f.drift?.psiBand ?? '—'}</td>
            <td>{f.drift ? (f.drift.drifted ? 'yes' : 'no') : '—'}</td>
            <td>{f.bins && <button type="button" className="rg-link" onClick={() => onPick(f.name)}>histograms</button>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function QualityTable({ features }: { features: FeatureReport[] }) {
  return (
    <table className="rg-table mo-table" data-testid="monitor-quality-table">
      <caption>Data quality</caption>
      <thead><tr><th>input</th><th>missing</th><th>in training</th><th>out of range</th><th>unseen categories</th><th>wrong type</th></tr></thead>
      <tbody>
        {features.map((f) => {
          const q = f.quality;
          return (
            <tr key={f.name}>
              <td>{f.name}</td>
              <td>{pct(q.missingRate)}</td>
              <td>{pct(q.referenceMissingRate)}</td>
              <td>{f.kind === 'numeric' ? pct(q.outOfRangeRate) : '—'}</td>
              <td>{f.kind === 'categorical' ? `${pct(q.unseenRate)}${q.unseenExamples.length ? ` (${q.unseenExamples.slice(0, 3).join(', ')})` : ''}` : '—'}</td>
              <td>{pct(q.typeErrorRate)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
