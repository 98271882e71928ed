import { describe, expect, it } from 'vitest';
import { compareExperiments, compareVersions, diffSettings } from './compare';
import { readModelDirSummary } from './model-dir-summary';
import { modelDirFixture } from './testing/model-dir-fixture';
import { experimentFixture } from './testing/registry-fixture';
import { registerVersion } from './versions';

describe('diffSettings', () => {
  it('lists each differing leaf by dotted path, arrays compared whole', () => {
    expect(diffSettings({ a: 1, f: { maxTerms: 500, x: [1, 2] }, m: ['gbdt'] }, { a: 1, f: { maxTerms: 200, x: [1, 2] }, m: ['gbdt', 'linear'], s: 3 })).toEqual([
      { path: 'f.maxTerms', a: 500, b: 200 },
      { path: 'm', a: ['gbdt'], b: ['gbdt', 'linear'] },
      { path: 's', a: undefined, b: 3 },
    ]);
    expect(diffSettings({ a: 1 }, { a: 1 })).toEqual([]);
  });
});

describe('compareVersions', () => {
  it('gives metrics with deltas, both leaderboards, dropped-column and importance diffs and the settings diff', () => {
    const side = (variant: number, version: number) => {
      const files = modelDirFixture(variant);
      const v = registerVersion({ model: undefined, versions: version > 1 ? [1] : [], aliases: undefined }, { name: 'churn', files, createdAt: '2026-12-04T10:00:00Z', source: 'cli' }).version;
      return { version: v, summary: readModelDirSummary(files) };
    };
    const c = compareVersions(side(2, 1), side(5, 2));
    expect(c.a).toEqual({ model: 'churn', version: 1, family: 'gbdt' });
    const cv = c.metrics.find((m) => m.on === 'cv' && m.name === 'auroc')!;
    expect(cv.a).toBeCloseTo(0.82);
    expect(cv.delta).toBeCloseTo(0.03);
    expect(c.metrics.map((m) => `${m.on}:${m.name}`)).toEqual(['cv:auroc', 'test:accuracy', 'test:auroc', 'test:logloss']);
    expect(c.leaderboards.a).toHaveLength(2);
    expect(c.dropped).toEqual({ onlyA: [], onlyB: [{ column: 'region', reason: 'constant: every row is EU' }], both: ['customer_id'] });
    expect(c.importance[0]).toMatchObject({ column: 'region', a: 0.05, b: null });
    expect(c.importance.find((i) => i.column === 'tenure')!.delta).toBeCloseTo(0.03);
    expect(c.features).toEqual({ onlyA: ['region'], onlyB: [] });
    expect(c.settings).toEqual([{ path: 'seed', a: 2, b: 5 }, { path: 'timeBudgetSeconds', a: 7, b: 7 }].filter((s) => s.a !== s.b));
  });
});

describe('compareExperiments', () => {
  it('puts two runs side by side: scores, leaderboards, dropped columns, settings diff, same data or not', () => {
    const c = compareExperiments(experimentFixture(2), experimentFixture(5));
    expect(c.sameData).toBe(false);
    expect(c.metrics.map((m) => `${m.on}:${m.name}`)).toEqual(['cv:auroc', 'test:accuracy', 'test:auroc', 'test:logloss']);
    expect(c.metrics[0].delta).toBeCloseTo(0.03);
    expect(c.leaderboards.b[0].params).toEqual({ trees: 105 });
    expect(c.dropped.onlyB.map((d) => d.column)).toEqual(['region']);
    expect(c.settings).toEqual([{ path: 'seed', a: 2, b: 5 }]);
    expect(compareExperiments(experimentFixture(2), experimentFixture(2)).sameData).toBe(true);
  });
});
