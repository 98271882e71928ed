// The AutoML view: pick a table, a target (task auto-detected by the tournament's own checks), a
// metric and a time budget; run the tournament in workers and watch it live (progress, the
// leaderboard filling in, the best-so-far curve); then inspect the winner (scores, evaluation
// charts, importance, dropped columns) and score an edited what-if row with its explanation.
// Nothing here computes: the AutoML worker does, and Cancel terminates it at once, keeping the
// candidates that had finished as a cancelled result. Each table's last result is kept in
// IndexedDB (saved-results.ts) and shown only under its own table, saying what it belongs to.
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { describeFeatureChoices, hasFeatureChoices, setFeatureChoices, useFeatureChoices } from '../features/feature-choices';
import { downloadTextFile } from '../platform/notebook-files';
import { templateFileName, templateFromView, viewFromTemplateFile } from './template-file';
import type { LeaderboardEntry, TournamentProgress } from '../../kernels/tournament/run-tournament';
import type { AutoMLSummary, TargetInfo, WhatIfResult } from '../../workers/automl/automl-service';
import { SvgChart as VegaChart, warmCharts } from './SvgChart';
import { DataWarnings } from './DataWarnings';
import { RegisterModel } from '../registry/RegisterModel';
import { WinnerScoring } from '../scoring/WinnerScoring';
import { useTables } from '../data';
import { AutoMLCancelledError, automlClient } from './automl-client';
import {
  bestSoFarSpec, confusionSpec, contributionSpec, gainsSpec, importanceSpec, liftSpec, prSpec, reliabilitySpec, residualHistogramSpec, residualsSpec, rocSpec,
} from './charts';
import { entryNote, foldSpread, formatParams, formatScore, formatSeconds, higherIsBetter, rankEntries } from './format';
import { describeResult, loadResults, saveResult, staleReason, type CurvePoint, type SavedResult } from './saved-results';
import './automl.css';

const DEFAULT_BUDGET_SECONDS = 20;
/** The best-so-far chart redraws at most this often (a vega redraw is main-thread work). */
const CURVE_REDRAW_MS = 1000;

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

const METRIC_LABELS: Record<string, string> = {
  auroc: 'AUROC', aupr: 'AUPR', logloss: 'log loss', accuracy: 'accuracy', balanced_accuracy: 'balanced accuracy',
  f1: 'F1', brier: 'Brier score', rmse: 'RMSE', mae: 'MAE', r2: 'R²',
};

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function ProgressBar({ progress, running, budget }: { progress: TournamentProgress | null; running: boolean; budget: number }) {
  // Ticks once a second so the time left counts down between progress events.
  const [, setTick] = useState(0);
  const since = useRef({ at: performance.now(), elapsed: 0 });
  useEffect(() => {
    since.current = { at: performance.now(), elapsed: progress?.elapsedSeconds ?? 0 };
  }, [progress]);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const elapsed = running ? since.current.elapsed + (performance.now() - since.current.at) / 1000 : progress?.elapsedSeconds ?? 0;
  const total = progress ? Math.max(budget, progress.elapsedSeconds + progress.secondsLeft) : budget;
  const share = progress?.phase === 'done' ? 1 : Math.min(0.99, elapsed / Math.max(1, total));
  const left = Math.max(0, total - elapsed);
  return (
    <div className="am-progress" data-testid="automl-progress" data-phase={progress?.phase ?? 'starting'}>
      <div className="am-progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(100 * share)}>
        <span style={{ transform: `scaleX(${share.toFixed(3)})` }} />
      </div>
      <div className="am-progress-text">
        <b>{progress ? PHASES[progress.phase] : 'Starting workers'}</b>
        <span className="am-muted">{progress?.message ?? 'reading the table'}</span>
        <span className="am-spacer" />
        {progress && <span>{progress.candidatesFinished} candidate{progress.candidatesFinished === 1 ? '' : 's'} scored{progress.candidatesRunning ? `, ${progress.candidatesRunning} running` : ''}</span>}
        {running && <span data-testid="automl-time-left">{Math.ceil(left)} s left</span>}
        {!running && progress?.phase === 'done' && <span>{formatSeconds(progress.elapsedSeconds)}</span>}
      </div>
    </div>
  );
}

const PHASES: Record<TournamentProgress['phase'], string> = {
  preparing: 'Engineering features',
  searching: 'Searching',
  finalizing: 'Finalizing',
  done: 'Done',
};

function Leaderboard({ entries, metric, winnerId }: { entries: LeaderboardEntry[]; metric: string; winnerId?: number }) {
  const extra = entries[0] ? Object.keys(entries[0].metrics).filter((m) => m !== metric) : [];
  return (
    <div className="am-card am-leaderboard">
      <h3>Leaderboard <span className="am-muted">{describeCount(entries)}, cross-validated</span></h3>
      <div className="am-table-wrap">
        <table data-testid="automl-leaderboard">
          <thead>
            <tr>
              <th>#</th>
              <th>model</th>
              <th className="am-num">{METRIC_LABELS[metric] ?? metric}</th>
              <th className="am-num" title="standard deviation over the folds">± folds</th>
              {extra.map((m) => <th key={m} className="am-num">{METRIC_LABELS[m] ?? m}</th>)}
              <th className="am-num">fit</th>
              <th>parameters</th>
            </tr>
          </thead>
          <tbody>
            {entries.slice(0, 50).map((e, i) => (
              <tr key={e.id} className={e.id === winnerId ? 'am-winner-row' : ''} data-testid="automl-leaderboard-row">
                <td className="am-num">{i + 1}</td>
                <td>
                  <span className={`am-family am-family-${e.model}`}>{e.model}</span>{e.id >= 0 && <span className="am-muted"> #{e.id}</span>}
                  {entryNote(e) && <span className="am-cut" title={entryNote(e)} data-testid="automl-cut-short"> cut short</span>}
                </td>
                <td className="am-num am-strong">{formatScore(e.cvScore)}</td>
                <td className="am-num am-muted">{formatScore(foldSpread(e.foldScores))}</td>
                {extra.map((m) => <td key={m} className="am-num">{formatScore(e.metrics[m])}</td>)}
                <td className="am-num">{formatSeconds(e.fitSeconds)}</td>
                <td className="am-params" title={formatParams(e.params)}>{formatParams(e.params)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The candidates scored (the count the progress line and the winner card give), and the ensemble apart. */
function describeCount(entries: LeaderboardEntry[]): string {
  const singles = entries.filter((e) => e.id >= 0).length;
  return `${singles} candidate${singles === 1 ? '' : 's'}${entries.length > singles ? ' and their ensemble' : ''}`;
}

function BestSoFar({ curve, metric, running }: { curve: CurvePoint[]; metric: string; running: boolean }) {
  // Redraw at most once a second while running: the spec only changes when `shown` does.
  const [shown, setShown] = useState(curve);
  const last = useRef(0);
  useEffect(() => {
    const wait = running ? Math.max(0, last.current + CURVE_REDRAW_MS - performance.now()) : 0;
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(curve);
    }, wait);
    return () => clearTimeout(timer);
  }, [curve, running]);
  const spec = useMemo(() => bestSoFarSpec(shown, METRIC_LABELS[metric] ?? metric), [shown, metric]);
  return (
    <div className="am-card am-curve" data-testid="automl-best-so-far">
      {shown.length > 0 ? <VegaChart spec={spec} /> : <p className="am-muted am-placeholder">The best score so far appears here as candidates finish.</p>}
    </div>
  );
}

function Results({ result, live, table }: { result: AutoMLSummary; live: boolean; table: string }) {
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
      <Stat label="Candidates" value={String(result.candidatesEvaluated)} hint={`in ${formatSeconds(result.seconds)}${result.candidatesCancelled ? `, ${result.candidatesCancelled} stopped at the deadline` : ''}`} />
      {result.calibration && <Stat label="Calibration" value={result.calibration.method} hint="chosen on out-of-fold log loss" />}
      <Stat label="Fit" value={formatSeconds(w.fitSeconds)} hint="final refit" />
    </div>
  );
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

function WhatIf({ result }: { result: AutoMLSummary }) {
  const [row, setRow] = useState('1');
  const [values, setValues] = useState<Record<string, string> | null>(null);
  const [scored, setScored] = useState<WhatIfResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Prefill from a row of the table (1-based for people).
  useEffect(() => {
    const n = Math.max(1, Math.floor(Number(row)) || 1);
    let stale = false;
    automlClient.sampleRow(n - 1).then((v) => !stale && setValues(v), (e: unknown) => !stale && setError(message(e)));
    return () => {
      stale = true;
    };
  }, [row, result]);

  // Score whenever the values change, a moment after the last keystroke.
  useEffect(() => {
    if (!values) return;
    let stale = false;
    const timer = setTimeout(() => {
      automlClient.whatIf(values).then(
        (r) => {
          if (stale) return;
          setScored(r);
          setError(null);
        },
        (e: unknown) => !stale && setError(message(e)),
      );
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [values]);

  const contributions = useMemo(() => (scored ? contributionSpec('Why: top contributions by raw column', scored.byColumn, scored.scale) : null), [scored]);
  return (
    <div className="am-card am-whatif" data-testid="automl-whatif">
      <h3>What if? <span className="am-muted">Edit a row and see the winner's prediction and why.</span></h3>
      <div className="am-whatif-body">
        <div className="am-whatif-form">
          <label className="am-whatif-row">
            <span>Start from row</span>
            <input type="number" min={1} value={row} onChange={(e) => setRow(e.target.value)} data-testid="automl-whatif-row" />
          </label>
          {values && result.inputs.map((input) => (
            <label key={input.name} className="am-whatif-field">
              <span title={input.type}>{input.name} <em>{input.type}</em></span>
              <input
                value={values[input.name] ?? ''}
                onChange={(e) => setValues({ ...values, [input.name]: e.target.value })}
                data-testid={`automl-whatif-${input.name}`}
              />
            </label>
          ))}
        </div>
        <div className="am-whatif-out">
          {error && <div className="am-error" role="alert" data-testid="automl-whatif-error">{error}</div>}
          {scored && (
            <>
              <div className="am-prediction" data-testid="automl-prediction">
                <span className="am-muted">Prediction for {result.target}</span>
                <b>{typeof scored.prediction === 'number' ? formatScore(scored.prediction) : scored.prediction}</b>
                {scored.probabilities && (
                  <div className="am-probabilities">
                    {Object.entries(scored.probabilities).map(([cls, p]) => (
                      <div key={cls} className="am-probability">
                        <span>{cls}</span>
                        <span className="am-prob-bar"><span style={{ width: `${(100 * p).toFixed(1)}%` }} /></span>
                        <span className="am-num">{(100 * p).toFixed(1)}%</span>
                      </div>
                    ))}
                  </div>
                )}
              </div>
              {contributions && <div data-testid="automl-explanation"><VegaChart spec={contributions} /></div>}
              {scored.scaleNote && <p className="am-muted" data-testid="automl-scale-note">{scored.scaleNote}</p>}
              <table className="am-contrib-table" data-testid="automl-contributions">
                <thead><tr><th>derived feature</th><th className="am-num">contribution</th></tr></thead>
                <tbody>
                  {scored.byFeature.map((c) => (
                    <tr key={c.name}><td>{c.name}</td><td className={`am-num ${c.value >= 0 ? 'am-up' : 'am-down'}`}>{c.value >= 0 ? '+' : ''}{c.value.toFixed(3)}</td></tr>
                  ))}
                  <tr className="am-muted"><td>baseline</td><td className="am-num">{scored.base.toFixed(3)}</td></tr>
                </tbody>
              </table>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
