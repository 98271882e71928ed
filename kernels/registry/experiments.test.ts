import { describe, expect, it } from 'vitest';
import { experimentSchema } from './documents';
import { createExperiment, filterExperiments, sortExperiments } from './experiments';
import { readModelDirSummary } from './model-dir-summary';
import { modelDirFixture } from './testing/model-dir-fixture';
import { experimentFixture, fingerprintFixture } from './testing/registry-fixture';

describe('experiments', () => {
  it('records the fingerprint, settings, seed, every candidate with CV score and fit time, test metrics and timings', () => {
    const e = experimentFixture(3);
    expect(experimentSchema.parse(e)).toEqual(e);
    expect(e.id).toMatch(/^exp-20261204T100003Z-[0-9a-f]{8}$/);
    expect(e.leaderboard).toEqual([
      { rank: 1, model: 'gbdt', params: { trees: 103 }, cvScore: expect.closeTo(0.83, 9), foldScores: [expect.closeTo(0.82, 9), expect.closeTo(0.83, 9), expect.closeTo(0.84, 9)], fitSeconds: 0.5 },
      { rank: 2, model: 'linear', params: { l2: 1 }, cvScore: expect.closeTo(0.78, 9), foldScores: expect.any(Array), fitSeconds: 0.1 },
    ]);
    expect(e).toMatchObject({ seed: 3, task: 'binary', target: 'churn', metric: 'auroc', higherIsBetter: true, source: 'cli', candidates: 2 });
    expect(e.test?.metrics.accuracy).toBe(0.75);
    expect(e.timings).toEqual({ totalSeconds: 7, prepareSeconds: 0.5, searchSeconds: 2.5, finalSeconds: 0.5 });
    expect(e.template?.kind).toBe('tourney-tournament-template');
    // The id depends on the content: two runs in the same second differ.
    expect(experimentFixture(4, e.createdAt).id).not.toBe(e.id);
  });

  it('records a --fixed run (no report.json) with its one model and no CV score', () => {
    const files = modelDirFixture();
    files.delete('report.json');
    files.delete('template.json');
    const e = createExperiment({ createdAt: '2026-12-04T10:00:00.000Z', source: 'cli', notebook: null, tourneyVersion: '0.1.0', dataset: fingerprintFixture(), summary: readModelDirSummary(files), fitSeconds: 1.5 });
    expect(experimentSchema.parse(e)).toEqual(e);
    expect(e.leaderboard).toEqual([{ rank: 1, model: 'gbdt', params: { trees: 100 }, cvScore: null, foldScores: [], fitSeconds: 1.5 }]);
    expect(e.test).toBeNull();
    expect(e.template).toBeNull();
  });

  it('filters by text, task, source, data set and time; sorts best first in each metric direction', () => {
    const list = [experimentFixture(1), experimentFixture(5, undefined, 'app'), experimentFixture(3)];
    expect(filterExperiments(list, { source: 'app' }).map((e) => e.seed)).toEqual([5]);
    expect(filterExperiments(list, { text: 'DEMO.ipynb' }).map((e) => e.seed)).toEqual([5]);
    expect(filterExperiments(list, { datasetSha256: list[2].dataset.sha256 }).map((e) => e.seed)).toEqual([3]);
    expect(filterExperiments(list, { since: '2026-12-03T00:00:00Z', until: '2026-12-05T00:00:00Z' }).map((e) => e.seed)).toEqual([3]);
    expect(filterExperiments(list, { task: 'regression' })).toEqual([]);
    expect(sortExperiments(list, 'score').map((e) => e.seed)).toEqual([5, 3, 1]);
    expect(sortExperiments(list, 'createdAt', 'asc').map((e) => e.seed)).toEqual([1, 3, 5]);
    const lowerIsBetter = list.map((e) => ({ ...e, higherIsBetter: false }));
    expect(sortExperiments(lowerIsBetter, 'score').map((e) => e.seed)).toEqual([1, 3, 5]);
    const noScore = { ...list[0], test: null, winner: { ...list[0].winner, cvScore: null } };
    expect(sortExperiments([noScore, list[1]], 'score', 'asc').map((e) => e.seed)).toEqual([5, 1]);
  });
});
