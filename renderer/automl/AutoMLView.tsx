// The AutoML view: pick a table, a target (task auto-detected by the tournament's own checks), a
// metric and a time budget; run the tournament in workers and watch it live (progress, the
// leaderboard filling in, the best-so-far curve); then inspect the winner (scores, evaluation
// charts, importance, dropped columns) and score an edited what-if row with its explanation.
// Nothing here computes: the AutoML worker does, and Cancel terminates it at once, keeping the
// candidates that had finished as a cancelled result. Each table's last result is kept in
// IndexedDB (saved-results.ts) and shown only under its own table, saying what it belongs to.
import { useRef } from 'react';
import { describeFeatureChoices, hasFeatureChoices } from '../features/feature-choices';
import { formatScore } from './format';
import { describeResult } from './saved-results';
import { BestSoFar } from './BestSoFar';
import { Leaderboard } from './Leaderboard';
import { METRIC_LABELS } from './metric-labels';
import { ProgressBar } from './ProgressBar';
import { Results } from './Results';
import { useAutoML } from './use-automl';
import './automl.css';

export function AutoMLView() {
  const {
    state, dispatch, tables, table, featureChoices, columns, targetName, budgetSeconds, budgetError, canRun, running,
    run, cancel, saveTemplate, loadTemplate, shown, result, leaderboard, shownCurve, shownMetric, stale,
  } = useAutoML();
  const { info, targetError, metric, budget, status, error, progress, live, runTable, templateNotice } = state;
  const templateInput = useRef<HTMLInputElement>(null);

  return (
    <section className="am-view" data-testid="automl-view">
      <header className="am-head">
        <h2>AutoML</h2>
        <span className="am-muted">A tournament of models, cross-validated in worker threads within a time budget.</span>
      </header>
      {tables.length === 0 ? (
        <p className="am-muted">Load a table to run a tournament on it.</p>
      ) : (
        <div className="am-setup">
          <label>
            <span>Table</span>
            <select value={table?.name ?? ''} onChange={(e) => dispatch({ type: 'table-picked', name: e.target.value })} disabled={status === 'running'} data-testid="automl-table">
              {tables.map((t) => <option key={t.name}>{t.name}</option>)}
            </select>
          </label>
          <label>
            <span>Target</span>
            <select value={targetName} onChange={(e) => dispatch({ type: 'target-picked', name: e.target.value })} disabled={status === 'running'} data-testid="automl-target">
              <option value="">pick a column…</option>
              {columns.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
            </select>
          </label>
          <div className="am-field">
            <span>Task</span>
            <span className="am-task" data-testid="automl-task">
              {info ? info.task : targetName && !targetError ? 'detecting…' : '—'}
              {info?.classes && info.task === 'binary' && <em> positive “{info.positiveClass}”</em>}
              {info?.classes && info.task === 'multiclass' && <em> {info.classes.length} classes</em>}
            </span>
          </div>
          <label>
            <span>Metric</span>
            <select value={metric} onChange={(e) => dispatch({ type: 'metric-picked', metric: e.target.value })} disabled={!info || status === 'running'} data-testid="automl-metric">
              {(info?.metrics ?? []).map((m) => <option key={m} value={m}>{METRIC_LABELS[m] ?? m}</option>)}
            </select>
          </label>
          <label>
            <span>Budget (s)</span>
            <input type="number" min={2} max={3600} step={1} value={budget} onChange={(e) => dispatch({ type: 'budget-changed', budget: e.target.value })} disabled={status === 'running'} className="am-budget" data-testid="automl-budget" />
          </label>
          {status === 'running' ? (
            <button type="button" className="am-button am-cancel" onClick={cancel} data-testid="automl-cancel">Cancel</button>
          ) : (
            <button type="button" className="am-button am-primary" onClick={() => void run()} disabled={!canRun} data-testid="automl-run">
              {shown ? 'Run again' : 'Run tournament'}
            </button>
          )}
          <div className="am-template">
            <button type="button" className="am-button" onClick={saveTemplate} disabled={!info || !!budgetError || status === 'running'} data-testid="automl-save-template"
              title="Save these settings as a tournament template (JSON), to rerun on another table">
              Save template
            </button>
            <button type="button" className="am-button" onClick={() => templateInput.current?.click()} disabled={status === 'running'} data-testid="automl-load-template"
              title="Apply a tournament template (from Save template or a tourney model directory) to this table">
              Load template…
            </button>
            <input ref={templateInput} type="file" accept=".json,application/json" hidden data-testid="automl-template-file"
              onChange={(e) => {
                void loadTemplate(e.target.files?.[0]);
                e.target.value = '';
              }} />
          </div>
        </div>
      )}
      {templateNotice && (
        <div className={templateNotice.ok ? 'am-notice' : 'am-error'} role={templateNotice.ok ? 'status' : 'alert'} data-testid="automl-template-notice">{templateNotice.text}</div>
      )}
      {hasFeatureChoices(featureChoices) && (
        <p className="am-muted" data-testid="automl-feature-choices">From the Features view: {describeFeatureChoices(featureChoices)}.</p>
      )}
      {(targetError || budgetError) && status !== 'running' && (
        <div className="am-error" role="alert" data-testid="automl-input-error">{targetError ?? budgetError}</div>
      )}
      {error && runTable === table?.name && <div className="am-error" role="alert" data-testid="automl-error">The tournament stopped: {error}</div>}
      {running && <ProgressBar progress={progress} running budget={budgetSeconds} />}
      {shown && (
        <div className={`am-context${stale ? ' am-stale' : ''}`} data-testid="automl-result-context" data-table={shown.table} data-status={shown.status}>
          <b>Results: {describeResult(shown, METRIC_LABELS[shown.metric] ?? shown.metric)}</b>
          {shown.status === 'cancelled' && (
            <span data-testid="automl-cancelled">
              Cancelled: {shown.leaderboard.length === 1 ? 'the one candidate that had finished is' : `the ${shown.leaderboard.length} candidates that had finished are`} kept; the best so far
              is {shown.leaderboard[0]?.model} ({METRIC_LABELS[shown.metric] ?? shown.metric} {formatScore(shown.leaderboard[0]?.cvScore)}). It was not refit, so there are no charts or what-if: run again for them.
            </span>
          )}
          {stale && <span className="am-stale-reason" data-testid="automl-stale">Out of date: {stale}.</span>}
        </div>
      )}
      {status === 'cancelled' && runTable === table?.name && !shown && <div className="am-notice" data-testid="automl-cancelled">Tournament cancelled before any candidate finished; nothing to keep.</div>}
      {(shownCurve.length > 0 || leaderboard.length > 0) && (
        <div className="am-live">
          <Leaderboard entries={leaderboard} metric={running ? metric : shownMetric} winnerId={result?.winner.id} />
          <BestSoFar curve={shownCurve} metric={running ? metric : shownMetric} running={running} />
        </div>
      )}
      {result && <Results result={result} live={live === shown} table={shown?.table ?? table?.name ?? ''} />}
    </section>
  );
}
