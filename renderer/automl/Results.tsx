// A finished (or cancelled) tournament: winner card, evaluation charts, importance, dropped
// columns, Register this model and the what-if panel.
import { useMemo } from 'react';
import type { AutoMLSummary } from '../../workers/automl/automl-service';
import { SvgChart as VegaChart } from './SvgChart';
import { DataWarnings } from './DataWarnings';
import { RegisterModel } from '../registry/RegisterModel';
import { WinnerScoring } from '../scoring/WinnerScoring';
import { confusionSpec, gainsSpec, importanceSpec, liftSpec, prSpec, reliabilitySpec, residualHistogramSpec, residualsSpec, rocSpec } from './charts';
import { formatParams, formatScore, formatSeconds } from './format';
import { WhatIf } from './WhatIf';
import { METRIC_LABELS } from './metric-labels';

export function Results({ result, live, table }: { result: AutoMLSummary; live: boolean; table: string }) {
  const charts = useMemo(() => {
    const ins = result.insights;
    const out: { key: string; spec: Record<string, unknown> }[] = [];
    if (ins.roc) out.push({ key: 'roc', spec: rocSpec(ins.roc) });
    if (ins.pr) out.push({ key: 'pr', spec: prSpec(ins.pr) });
    if (ins.reliability) out.push({ key: 'calibration', spec: reliabilitySpec(ins.reliability) });
    if (ins.gains) out.push({ key: 'gains', spec: gainsSpec(ins.gains) });
    if (ins.lift) out.push({ key: 'lift', spec: liftSpec(ins.lift) });
    if (ins.confusion) out.push({ key: 'confusion', spec: confusionSpec(ins.confusion) });
    if (ins.residuals) {
      out.push({ key: 'residuals', spec: residualsSpec(ins.residuals) });
      out.push({ key: 'residual-histogram', spec: residualHistogramSpec(ins.residuals) });
    }
    return out;
  }, [result]);
  const byColumn = useMemo(() => importanceSpec('Importance by raw column', result.insights.importance.byColumn.map((c) => ({ name: c.column, value: c.importance }))), [result]);
  const byFeature = useMemo(() => importanceSpec('Importance by derived feature', result.insights.importance.byFeature.map((f) => ({ name: f.feature, value: f.importance }))), [result]);
  return (
    <div className="am-results" data-testid="automl-results">
      <WinnerCard result={result} />
      {/* Registering needs the fitted model in the AutoML worker: only a live result has it. */}
      {live && <RegisterModel key={result.winner.id + result.target} tableName={table} />}
      <DataWarnings warnings={result.warnings} />
      <h3 className="am-section">Evaluation <span className="am-muted">on {result.insights.rows.toLocaleString()} {result.insights.evaluatedOn === 'test' ? 'held-out test rows' : 'out-of-fold rows'}</span></h3>
      <div className="am-charts" data-testid="automl-charts">
        {charts.map((c) => (
          <div key={c.key} className={`am-card am-chart${c.key === 'confusion' && (result.classes?.length ?? 0) > 4 ? ' am-chart-wide' : ''}`} data-testid={`automl-chart-${c.key}`}><VegaChart spec={c.spec} /></div>
        ))}
      </div>
      <h3 className="am-section">Feature importance</h3>
      <div className="am-charts am-charts-2">
        <div className="am-card am-chart" data-testid="automl-importance-columns"><VegaChart spec={byColumn} /></div>
        <div className="am-card am-chart" data-testid="automl-importance-features"><VegaChart spec={byFeature} /></div>
      </div>
      <Dropped result={result} />
      {live ? <WhatIf result={result} /> : (
        <p className="am-card am-muted" data-testid="automl-whatif-unavailable">
          What if? and Register this model need the fitted model, which is not kept across page reloads: run the tournament again to score edited rows or register it.
        </p>
      )}
      {live && <WinnerScoring tableName={table} />}
    </div>
  );
}

function WinnerCard({ result }: { result: AutoMLSummary }) {
  const w = result.winner;
  const chance = result.insights.aboveChance;
  const label = METRIC_LABELS[result.metric] ?? result.metric;
  return (
    <div className="am-card am-winner" data-testid="automl-winner">
      <div className="am-winner-main">
        <span className="am-muted">Winner</span>
        <span className="am-winner-model"><span className={`am-family am-family-${w.model}`}>{w.model}</span></span>
        <span className="am-params">{formatParams(w.params)}</span>
      </div>
      <Stat label={`CV ${label}`} value={formatScore(w.cvScore)} hint={`${result.validation.kind === 'kfold' ? `${result.validation.folds}-fold` : 'holdout'} on ${result.searchRows.toLocaleString()} rows`} />
      <Stat label={`Test ${label}`} value={formatScore(result.test?.score)} hint={result.testRows ? `${result.testRows.toLocaleString()} held-out rows` : 'no test split (few rows)'} testId="automl-test-score" />
      <Stat label="Above chance" value={chance.above ? 'yes' : 'no'} hint={`p = ${chance.pValue.toFixed(3)} vs ${chance.permutations} shuffles`} />
      <Stat label="Candidates" testId="automl-candidates" value={String(result.candidatesEvaluated)} hint={`in ${formatSeconds(result.seconds)}${result.candidatesCancelled ? `, ${result.candidatesCancelled} stopped at the deadline` : ''}${kernelsHint(result.timing.kernels)}`} />
      {result.calibration && <Stat label="Calibration" value={result.calibration.method} hint="chosen on out-of-fold log loss" />}
      <Stat label="Fit" value={formatSeconds(w.fitSeconds)} hint="final refit" />
    </div>
  );
}

function kernelsHint(kernels: AutoMLSummary['timing']['kernels']): string {
  if (kernels === 'webassembly') return '; WebAssembly kernels';
  return kernels === 'javascript' ? '; JavaScript kernels (WebAssembly unavailable here: slower)' : '';
}

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className="am-stat" data-testid={testId}>
      <span className="am-stat-label">{label}</span>
      <span className="am-stat-value">{value}</span>
      {hint && <span className="am-stat-hint">{hint}</span>}
    </div>
  );
}

function Dropped({ result }: { result: AutoMLSummary }) {
  if (result.dropped.length === 0 && result.droppedFeatures.length === 0) return null;
  return (
    <div className="am-card am-dropped" data-testid="automl-dropped">
      <h3>Left out by the sanity checker</h3>
      <ul>
        {result.dropped.map((d) => <li key={d.column}><b>{d.column}</b> — {d.reason}</li>)}
        {result.dropped.length === 0 && <li className="am-muted">No raw column was left out.</li>}
      </ul>
      {result.droppedFeatures.length > 0 && (
        <details>
          <summary>{result.droppedFeatures.length} derived feature{result.droppedFeatures.length === 1 ? '' : 's'} removed from columns that stayed</summary>
          <ul>
            {result.droppedFeatures.map((d) => <li key={`${d.column}/${d.feature}`}><b>{d.feature}</b> <span className="am-muted">(from {d.column})</span> — {d.reason}</li>)}
          </ul>
        </details>
      )}
    </div>
  );
}
