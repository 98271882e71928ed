// The AutoML view's state as one reducer (automlReducer: every change is a named action, testable
// without React) and the hook that drives it: the target check, restoring saved results, running
// and cancelling a tournament, saving and applying templates, and what the view shows.
import { startTransition, useEffect, useReducer, useRef } from 'react';
import type { LeaderboardEntry, TournamentProgress } from '../../kernels/tournament/run-tournament';
import type { TargetInfo } from '../../workers/automl/automl-service';
import { useTables } from '../data';
import { hasFeatureChoices, setFeatureChoices, useFeatureChoices } from '../features/feature-choices';
import { downloadTextFile } from '../platform/notebook-files';
import { AutoMLCancelledError, automlClient } from './automl-client';
import { message } from './error-message';
import { higherIsBetter, rankEntries } from './format';
import { loadResults, saveResult, staleReason, type CurvePoint, type SavedResult } from './saved-results';
import { warmCharts } from './SvgChart';
import { templateFileName, templateFromView, viewFromTemplateFile } from './template-file';

export const DEFAULT_BUDGET_SECONDS = 20;

export type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'error';
export type Notice = { ok: boolean; text: string };

export interface AutoMLState {
  tableName: string;
  target: string;
  info: TargetInfo | null;
  targetError: string | null;
  metric: string;
  /** The budget field's text (checked, not parsed, while typing). */
  budget: string;
  status: Status;
  error: string | null;
  progress: TournamentProgress | null;
  entries: LeaderboardEntry[];
  curve: CurvePoint[];
  /** Each table's last result (restored from IndexedDB, replaced by each run that ends). */
  saved: Record<string, SavedResult>;
  /** The result whose fitted model the AutoML worker holds now (what-if can score it). */
  live: SavedResult | null;
  runTable: string;
  templateNotice: Notice | null;
}

export const initialAutoMLState: AutoMLState = {
  tableName: '', target: '', info: null, targetError: null, metric: '', budget: String(DEFAULT_BUDGET_SECONDS),
  status: 'idle', error: null, progress: null, entries: [], curve: [], saved: {}, live: null, runTable: '', templateNotice: null,
};

export type AutoMLAction =
  | { type: 'table-picked'; name: string }
  | { type: 'target-picked'; name: string }
  | { type: 'metric-picked'; metric: string }
  | { type: 'budget-changed'; budget: string }
  | { type: 'inspect-started' }
  | { type: 'inspected'; info: TargetInfo }
  | { type: 'inspect-failed'; message: string }
  | { type: 'results-restored'; found: Record<string, SavedResult> }
  | { type: 'run-started'; table: string }
  | { type: 'run-progress'; progress: TournamentProgress; entries?: LeaderboardEntry[]; curve?: CurvePoint[] }
  | { type: 'run-done'; result: SavedResult }
  | { type: 'run-cancelled'; kept?: SavedResult }
  | { type: 'run-failed'; message: string }
  | { type: 'template-applied'; target: string; metric?: string; budget: string; notice: Notice }
  | { type: 'template-notice'; notice: Notice };

export function automlReducer(state: AutoMLState, action: AutoMLAction): AutoMLState {
  switch (action.type) {
    case 'table-picked':
      return { ...state, tableName: action.name };
    case 'target-picked':
      return { ...state, target: action.name };
    case 'metric-picked':
      return { ...state, metric: action.metric };
    case 'budget-changed':
      return { ...state, budget: action.budget };
    case 'inspect-started':
      return { ...state, info: null, targetError: null };
    case 'inspected':
      // The metric stays when the new target offers it, else the task's default.
      return { ...state, info: action.info, metric: action.info.metrics.includes(state.metric) ? state.metric : action.info.defaultMetric };
    case 'inspect-failed':
      return { ...state, targetError: action.message };
    case 'results-restored':
      // Results of runs that ended meanwhile win over the restored ones.
      return { ...state, saved: { ...action.found, ...state.saved } };
    case 'run-started':
      return { ...state, status: 'running', error: null, runTable: action.table, progress: null, entries: [], curve: [] };
    case 'run-progress':
      return { ...state, progress: action.progress, ...(action.entries ? { entries: action.entries } : {}), ...(action.curve ? { curve: action.curve } : {}) };
    case 'run-done':
      return { ...state, saved: { ...state.saved, [action.result.table]: action.result }, live: action.result, status: 'done' };
    case 'run-cancelled':
      return { ...state, status: 'cancelled', live: null, ...(action.kept ? { saved: { ...state.saved, [action.kept.table]: action.kept } } : {}) };
    case 'run-failed':
      return { ...state, error: action.message, status: 'error' };
    case 'template-applied':
      return { ...state, target: action.target, ...(action.metric ? { metric: action.metric } : {}), budget: action.budget, templateNotice: action.notice };
    case 'template-notice':
      return { ...state, templateNotice: action.notice };
  }
}

function keepResult(result: SavedResult): void {
  saveResult(result).catch((e: unknown) => console.warn('could not keep the AutoML result', e));
}

export function useAutoML() {
  const tables = useTables();
  const [state, dispatch] = useReducer(automlReducer, initialAutoMLState);
  const runId = useRef(0);
  const { tableName, target, info, metric, budget, status, entries, curve, saved } = state;

  const table = tables.find((t) => t.name === tableName) ?? tables[0];
  const featureChoices = useFeatureChoices(table?.name);
  const columns = table?.columns ?? [];
  const targetName = columns.some((c) => c.name === target) ? target : '';

  // Auto-detect the task (and catch a bad target) as soon as a target is picked.
  useEffect(() => {
    dispatch({ type: 'inspect-started' });
    if (!table || !targetName) return;
    let stale = false;
    automlClient.inspect(table.name, targetName).then(
      (found) => {
        if (!stale) dispatch({ type: 'inspected', info: found });
      },
      (e: unknown) => {
        if (!stale && !(e instanceof AutoMLCancelledError)) dispatch({ type: 'inspect-failed', message: message(e) });
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
      (found) => !stale && dispatch({ type: 'results-restored', found }),
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
    dispatch({ type: 'run-started', table: table.name });
    const higher = higherIsBetter(metric);
    let best: number | undefined;
    const finished: LeaderboardEntry[] = [];
    const points: CurvePoint[] = [];
    const started = performance.now();
    const base = { table: table.name, target: info.target, metric, budgetSeconds };
    try {
      const summary = await automlClient.run(
        table.name,
        {
          target: info.target, metric, timeBudgetSeconds: budgetSeconds, seed: 0,
          ...(hasFeatureChoices(featureChoices) ? { features: { disabled: featureChoices.disabled, types: featureChoices.types } } : {}),
        },
        (p) => {
          if (runId.current !== id) return;
          const done = p.finished;
          if (!done) {
            dispatch({ type: 'run-progress', progress: p });
            return;
          }
          finished.push(done);
          best = best === undefined || (higher ? done.cvScore > best : done.cvScore < best) ? done.cvScore : best;
          points.push({ seconds: p.elapsedSeconds, score: done.cvScore, best, model: done.model });
          dispatch({ type: 'run-progress', progress: p, entries: [...finished], curve: [...points] });
        },
      );
      if (runId.current !== id) return;
      const result: SavedResult = {
        ...base, status: 'done', finishedAt: Date.now(), seconds: summary.seconds, leaderboard: summary.leaderboard, curve: points, summary,
      };
      // A transition: React renders the results in time slices, so the main thread stays free.
      startTransition(() => {
        keepResult(result);
        dispatch({ type: 'run-done', result });
      });
    } catch (e) {
      if (runId.current !== id) return;
      if (e instanceof AutoMLCancelledError) {
        // The candidates that finished are kept as a cancelled result (nothing is refit).
        const kept: SavedResult | undefined = finished.length > 0
          ? { ...base, status: 'cancelled', finishedAt: Date.now(), seconds: (performance.now() - started) / 1000, leaderboard: rankEntries(finished, higher), curve: points }
          : undefined;
        if (kept) keepResult(kept);
        dispatch({ type: 'run-cancelled', kept });
      } else {
        dispatch({ type: 'run-failed', message: message(e) });
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
    dispatch({ type: 'template-notice', notice: { ok: true, text: `Template saved as ${name}: run it on another table here with Load template…, or with tourney train <data> --template ${name}.` } });
  };
  const loadTemplate = async (file: File | undefined) => {
    if (!file || !table) return;
    try {
      const { template, view } = viewFromTemplateFile(file.name, await file.text(), table);
      setFeatureChoices(table.name, view.choices);
      dispatch({
        type: 'template-applied', target: view.target, metric: view.metric || undefined, budget: String(view.timeBudgetSeconds),
        notice: { ok: true, text: `Template “${template.name}” applied to ${table.name}.` },
      });
    } catch (e) {
      dispatch({ type: 'template-notice', notice: { ok: false, text: message(e) } });
    }
  };

  const running = status === 'running';
  // What is on screen: the live run, else the selected table's own last result (never another table's).
  const shown = running ? null : table ? saved[table.name] : undefined;
  const shownStale = shown ? staleReason(shown, { target: targetName, metric: info ? metric : '' }) : null;

  return {
    state, dispatch, tables, table, featureChoices, columns, targetName, budgetSeconds, budgetError, canRun, running,
    run, cancel, saveTemplate, loadTemplate,
    shown,
    result: shown?.summary ?? null,
    leaderboard: running ? rankEntries(entries, higherIsBetter(metric)) : shown?.leaderboard ?? [],
    shownCurve: running ? curve : shown?.curve ?? [],
    shownMetric: shown?.metric ?? metric,
    stale: shownStale,
  };
}
