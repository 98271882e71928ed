// The AutoML view: pick a table, a target (task auto-detected by the tournament's own checks), a
// metric and a time budget; run the tournament in workers and watch it live (progress, the
// leaderboard filling in, the best-so-far curve); then inspect the winner (scores, evaluation
// charts, importance, dropped columns) and score an edited what-if row with its explanation.
// Nothing here computes: the AutoML worker does, and Cancel terminates it at once, keeping the
// candidates that had finished as a cancelled result. Each table's last result is kept in
// IndexedDB (saved-results.ts) and shown only under its own table, saying what it belongs to.
import { startTransition, useEffect, useRef, useState } from 'react';
import { describeFeatureChoices, hasFeatureChoices, setFeatureChoices, useFeatureChoices } from '../features/feature-choices';
import { downloadTextFile } from '../platform/notebook-files';
import { templateFileName, templateFromView, viewFromTemplateFile } from './template-file';
import type { LeaderboardEntry, TournamentProgress } from '../../kernels/tournament/run-tournament';
import type { TargetInfo } from '../../workers/automl/automl-service';
import { warmCharts } from './SvgChart';
import { useTables } from '../data';
import { AutoMLCancelledError, automlClient } from './automl-client';
import { formatScore, higherIsBetter, rankEntries } from './format';
import { describeResult, loadResults, saveResult, staleReason, type CurvePoint, type SavedResult } from './saved-results';
import { BestSoFar } from './BestSoFar';
import { message } from './error-message';
import { Leaderboard } from './Leaderboard';
import { METRIC_LABELS } from './metric-labels';
import { ProgressBar } from './ProgressBar';
import { Results } from './Results';
import './automl.css';

const DEFAULT_BUDGET_SECONDS = 20;

type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export function AutoMLView() {
  const tables = useTables();
  const [tableName, setTableName] = useState('');
  const [target, setTarget] = useState('');
  const [info, setInfo] = useState<TargetInfo | null>(null);
  const [targetError, setTargetError] = useState<string | null>(null);
  const [metric, setMetric] = useState('');
  const [budget, setBudget] = useState(String(DEFAULT_BUDGET_SECONDS));
  const [status, setStatus] = useState<Status>('idle');
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<TournamentProgress | null>(null);
  const [entries, setEntries] = useState<LeaderboardEntry[]>([]);
  const [curve, setCurve] = useState<CurvePoint[]>([]);
  /** Each table's last result (restored from IndexedDB, replaced by each run that ends). */
  const [saved, setSaved] = useState<Record<string, SavedResult>>({});
  /** The result whose fitted model the AutoML worker holds now (what-if can score it). */
  const [live, setLive] = useState<SavedResult | null>(null);
  const [runTable, setRunTable] = useState('');
  const [templateNotice, setTemplateNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const templateInput = useRef<HTMLInputElement>(null);
  const runId = useRef(0);

  const table = tables.find((t) => t.name === tableName) ?? tables[0];
  const featureChoices = useFeatureChoices(table?.name);
  const columns = table?.columns ?? [];
  const targetName = columns.some((c) => c.name === target) ? target : '';

  // Auto-detect the task (and catch a bad target) as soon as a target is picked.
  useEffect(() => {
    setInfo(null);
    setTargetError(null);
    if (!table || !targetName) return;
    let stale = false;
    automlClient.inspect(table.name, targetName).then(
      (found) => {
        if (stale) return;
        setInfo(found);
        setMetric((m) => (found.metrics.includes(m) ? m : found.defaultMetric));
      },
      (e: unknown) => {
        if (!stale && !(e instanceof AutoMLCancelledError)) setTargetError(message(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [table?.name, table?.version, targetName]);

  useEffect(warmCharts, []);
  useEffect(() => {
    let stale = false;
    loadResults().then(
      (found) => !stale && setSaved((current) => ({ ...found, ...current })),
      (e: unknown) => console.warn('could not restore AutoML results', e),
    );
    return () => {
      stale = true;
    };
  }, []);

  const budgetSeconds = Number(budget);
  const budgetError = Number.isFinite(budgetSeconds) && budgetSeconds >= 2 && budgetSeconds <= 3600 ? null : 'the time budget must be between 2 and 3600 seconds';
  const canRun = status !== 'running' && !!table && !!info && !budgetError;

  const run = async () => {
    if (!table || !info) return;
    const id = ++runId.current;
    setStatus('running');
    setError(null);
    setRunTable(table.name);
    setProgress(null);
    setEntries([]);
    setCurve([]);
    const higher = higherIsBetter(metric);
    let best: number | undefined;
    const finished: typeof entries = [];
    const points: CurvePoint[] = [];
    const started = performance.now();
    const base = { table: table.name, target: info.target, metric, budgetSeconds };
    const keep = (result: SavedResult) => {
      setSaved((current) => ({ ...current, [result.table]: result }));
      saveResult(result).catch((e: unknown) => console.warn('could not keep the AutoML result', e));
    };
    try {
      const summary = await automlClient.run(
        table.name,
        {
          target: info.target, metric, timeBudgetSeconds: budgetSeconds, seed: 0,
          ...(hasFeatureChoices(featureChoices) ? { features: { disabled: featureChoices.disabled, types: featureChoices.types } } : {}),
        },
        (p) => {
          if (runId.current !== id) return;
          setProgress(p);
          const done = p.finished;
          if (done) {
            finished.push(done);
            setEntries([...finished]);
            best = best === undefined || (higher ? done.cvScore > best : done.cvScore < best) ? done.cvScore : best;
            points.push({ seconds: p.elapsedSeconds, score: done.cvScore, best, model: done.model });
            setCurve([...points]);
          }
        },
      );
      if (runId.current !== id) return;
      const result: SavedResult = {
        ...base, status: 'done', finishedAt: Date.now(), seconds: summary.seconds, leaderboard: summary.leaderboard, curve: points, summary,
      };
      // A transition: React renders the results in time slices, so the main thread stays free.
      startTransition(() => {
        keep(result);
        setLive(result);
        setStatus('done');
      });
    } catch (e) {
      if (runId.current !== id) return;
      if (e instanceof AutoMLCancelledError) {
        // The candidates that finished are kept as a cancelled result (nothing is refit).
        setStatus('cancelled');
        setLive(null);
        if (finished.length > 0) {
          keep({
            ...base, status: 'cancelled', finishedAt: Date.now(), seconds: (performance.now() - started) / 1000,
            leaderboard: rankEntries(finished, higher), curve: points,
          });
        }
      } else {
        setError(message(e));
        setStatus('error');
      }
    }
  };

  const cancel = () => {
    automlClient.cancel();
  };

  // Templates: these settings as the JSON `tourney train --template` reads, and back.
  const saveTemplate = () => {
    if (!table || !info) return;
    const template = templateFromView({ target: info.target, metric, timeBudgetSeconds: budgetSeconds, choices: featureChoices }, table.name);
    const name = templateFileName(template);
    downloadTextFile(name, JSON.stringify(template, null, 2) + '\n', 'application/json');
    setTemplateNotice({ ok: true, text: `Template saved as ${name}: run it on another table here with Load template…, or with tourney train <data> --template ${name}.` });
  };
  const loadTemplate = async (file: File | undefined) => {
    if (!file || !table) return;
    try {
      const { template, view } = viewFromTemplateFile(file.name, await file.text(), table);
      setTarget(view.target);
      if (view.metric) setMetric(view.metric);
      setBudget(String(view.timeBudgetSeconds));
      setFeatureChoices(table.name, view.choices);
      setTemplateNotice({ ok: true, text: `Template “${template.name}” applied to ${table.name}.` });
    } catch (e) {
      setTemplateNotice({ ok: false, text: message(e) });
    }
  };

  const running = status === 'running';
  // What is on screen: the live run, else the selected table's own last result (never another table's).
  const shown = running ? null : table ? saved[table.name] : undefined;
  const result = shown?.summary ?? null;
  const leaderboard = running ? rankEntries(entries, higherIsBetter(metric)) : shown?.leaderboard ?? [];
  const shownCurve = running ? curve : shown?.curve ?? [];
  const shownMetric = shown?.metric ?? metric;
  const stale = shown ? staleReason(shown, { target: targetName, metric: info ? metric : '' }) : null;

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
            <select value={table?.name ?? ''} onChange={(e) => setTableName(e.target.value)} disabled={status === 'running'} data-testid="automl-table">
              {tables.map((t) => <option key={t.name}>{t.name}</option>)}
            </select>
          </label>
          <label>
            <span>Target</span>
            <select value={targetName} onChange={(e) => setTarget(e.target.value)} disabled={status === 'running'} data-testid="automl-target">
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
            <select value={metric} onChange={(e) => setMetric(e.target.value)} disabled={!info || status === 'running'} data-testid="automl-metric">
              {(info?.metrics ?? []).map((m) => <option key={m} value={m}>{METRIC_LABELS[m] ?? m}</option>)}
            </select>
          </label>
          <label>
            <span>Budget (s)</span>
            <input type="number" min={2} max={3600} step={1} value={budget} onChange={(e) => setBudget(e.target.value)} disabled={status === 'running'} className="am-budget" data-testid="automl-budget" />
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
