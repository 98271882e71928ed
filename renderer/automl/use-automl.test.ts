import { describe, expect, it } from 'vitest';
import type { TargetInfo } from '../../workers/automl/automl-service';
import type { SavedResult } from './saved-results';
import { automlReducer, initialAutoMLState, type AutoMLState } from './use-automl';

const info = (metrics: string[], defaultMetric: string) => ({ target: 'churn', metrics, defaultMetric }) as unknown as TargetInfo;
const result = (table: string, status: SavedResult['status'] = 'done') =>
  ({ table, target: 'churn', metric: 'auroc', budgetSeconds: 20, status, finishedAt: 1, seconds: 3, leaderboard: [], curve: [] }) as SavedResult;

describe('automlReducer', () => {
  it('keeps the picked metric when the new target offers it, else takes the task default', () => {
    const picked: AutoMLState = { ...initialAutoMLState, metric: 'aupr' };
    expect(automlReducer(picked, { type: 'inspected', info: info(['auroc', 'aupr'], 'auroc') }).metric).toBe('aupr');
    expect(automlReducer(picked, { type: 'inspected', info: info(['rmse', 'mae'], 'rmse') }).metric).toBe('rmse');
    expect(automlReducer({ ...picked, info: info(['auroc'], 'auroc'), targetError: 'x' }, { type: 'inspect-started' })).toMatchObject({ info: null, targetError: null });
  });

  it('starts a run clean, and a finished run becomes the live, saved result of its table', () => {
    const before: AutoMLState = { ...initialAutoMLState, error: 'old', entries: [{} as never], curve: [{} as never] };
    const running = automlReducer(before, { type: 'run-started', table: 'leads' });
    expect(running).toMatchObject({ status: 'running', error: null, runTable: 'leads', progress: null, entries: [], curve: [] });
    const done = automlReducer(running, { type: 'run-done', result: result('leads') });
    expect(done.status).toBe('done');
    expect(done.live).toBe(done.saved.leads);
  });

  it('a cancelled run keeps what finished, and restored results never replace newer ones', () => {
    const cancelled = automlReducer({ ...initialAutoMLState, status: 'running', live: result('old') }, { type: 'run-cancelled', kept: result('leads', 'cancelled') });
    expect(cancelled).toMatchObject({ status: 'cancelled', live: null });
    expect(cancelled.saved.leads.status).toBe('cancelled');
    const restored = automlReducer(cancelled, { type: 'results-restored', found: { leads: result('leads'), other: result('other') } });
    expect(restored.saved.leads.status).toBe('cancelled');
    expect(Object.keys(restored.saved).sort()).toEqual(['leads', 'other']);
  });

  it('a template sets target, budget and (when it names one) the metric', () => {
    const notice = { ok: true, text: 'applied' };
    const state = { ...initialAutoMLState, metric: 'auroc' };
    expect(automlReducer(state, { type: 'template-applied', target: 'y', budget: '30', notice })).toMatchObject({ target: 'y', budget: '30', metric: 'auroc', templateNotice: notice });
    expect(automlReducer(state, { type: 'template-applied', target: 'y', metric: 'aupr', budget: '30', notice }).metric).toBe('aupr');
  });
});
