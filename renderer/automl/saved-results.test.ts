import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LeaderboardEntry } from '../../kernels/tournament/run-tournament';
import type { FeaturesResult } from '../../workers/features/features-service';
import { describeResult, loadFeaturesResults, loadResults, saveFeaturesResult, saveResult, staleReason, type SavedResult } from './saved-results';

const entry = (id: number, cvScore: number): LeaderboardEntry => ({ id, model: 'gbdt', params: {}, cvScore, foldScores: [cvScore], fitSeconds: 1, origin: 'default', metrics: {} }) as LeaderboardEntry;

const result: SavedResult = {
  table: 'loans', target: 'default', metric: 'auroc', status: 'cancelled', finishedAt: new Date(2026, 0, 5, 14, 2).getTime(),
  budgetSeconds: 20, seconds: 7.4, leaderboard: [entry(2, 0.8), entry(0, 0.7), entry(-1, 0.81)], curve: [],
};

describe('saved AutoML results', () => {
  it('keep the last result per table across a reload (IndexedDB)', async () => {
    await saveResult(result);
    await saveResult({ ...result, table: 'leads', status: 'done' });
    await saveResult({ ...result, seconds: 9 });
    const back = await loadResults();
    expect(Object.keys(back).sort()).toEqual(['leads', 'loans']);
    expect(back.loans.seconds).toBe(9);
    expect(back.loans.leaderboard.map((e) => e.id)).toEqual([2, 0, -1]);
  });

  it("keep the Features view's last result per table beside them", async () => {
    const features = { table: 'loans', target: 'default', task: 'binary', rows: 80, heldOutRows: 20, features: 3, derived: [], dropped: [], spec: {}, seconds: 0.1 } as unknown as FeaturesResult;
    await saveFeaturesResult(features);
    await saveFeaturesResult({ ...features, target: 'income' });
    const back = await loadFeaturesResults();
    expect(Object.keys(back)).toEqual(['loans']);
    expect(back.loans.target).toBe('income');
  });

  it('say which table, target and metric they belong to, how they ended, and count candidates without the ensemble', () => {
    const text = describeResult(result, 'AUROC', new Date(2026, 0, 5, 18, 0).getTime());
    expect(text).toMatch(/^loans → default · AUROC · 2 candidates · cancelled after 7 s at 0?2:02|^loans → default · AUROC · 2 candidates · cancelled after 7 s at 14:02/);
    expect(text).toContain('(20 s budget)');
  });

  it('are marked out of date under another target or metric', () => {
    expect(staleReason(result, { target: 'default', metric: 'auroc' })).toBeNull();
    expect(staleReason(result, { target: 'income', metric: 'auroc' })).toContain('for target “default”');
    expect(staleReason(result, { target: 'default', metric: 'aupr' })).toContain('ranked by auroc');
  });
});
