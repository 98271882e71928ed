import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../io/read-table';
import type { DataTable } from '../table/types';
import { createInlineExecutor } from './executor';
import { runTournament, type TournamentProgress } from './run-tournament';
import { syntheticBinaryTable } from './test-data';
import { TournamentModel } from './tournament-model';
import { applyFeatures } from './features';

/** Small boosted models keep these tests fast; the search logic is the same. */
const quick = { searchSpace: { gbdt: { fixed: { trees: 60, earlyStoppingRounds: 10 } } } };

async function penguins(): Promise<DataTable> {
  return readTable(readFileSync('../shared/data/penguins.csv'), { fileName: 'penguins.csv' });
}

describe('runTournament (inline)', () => {
  it('same seed, same data → same leaderboard and same model', async () => {
    const table = syntheticBinaryTable(300, 3);
    const settings = { ...quick, target: 'target', models: ['gbdt', 'linear', 'bayes'] as const, timeBudgetSeconds: 120, maxCandidates: 7, seed: 11 };
    const a = await runTournament(table, { ...settings, models: [...settings.models] }, createInlineExecutor());
    const b = await runTournament(table, { ...settings, models: [...settings.models] }, createInlineExecutor());
    const board = (r: typeof a) => r.leaderboard.map((e) => ({ id: e.id, model: e.model, params: e.params, cvScore: e.cvScore }));
    expect(a.candidatesEvaluated).toBe(7);
    expect(board(a)).toEqual(board(b));
    expect(JSON.stringify(a.model)).toBe(JSON.stringify(b.model));
    expect(a.test?.score).toBe(b.test?.score);
    // A different seed splits and searches differently.
    const c = await runTournament(table, { ...settings, models: [...settings.models], seed: 12, maxCandidates: 3 }, createInlineExecutor());
    expect(board(c)).not.toEqual(board(a));
  });

  it('learns the synthetic signal, reports progress and explains the winner', async () => {
    const table = syntheticBinaryTable(600, 5);
    const events: TournamentProgress[] = [];
    const r = await runTournament(table, { ...quick, target: 'target', timeBudgetSeconds: 60, maxCandidates: 6, seed: 1, models: ['gbdt', 'linear', 'bayes'] }, createInlineExecutor(), {
      onProgress: (p) => events.push(p),
    });
    expect(r.task).toBe('binary');
    expect(r.metric).toBe('auroc');
    expect(r.positiveClass).toBe('yes');
    expect(r.winner.cvScore).toBeGreaterThan(0.75);
    expect(r.test!.score).toBeGreaterThan(0.7);
    expect(r.testRows).toBe(120);
    expect(r.insights.aboveChance.above).toBe(true);
    expect(r.insights.roc!.x.length).toBeGreaterThan(2);
    const topColumns = r.insights.importance.byColumn.slice(0, 2).map((c) => c.column);
    expect(topColumns).toContain('x1');
    expect(r.insights.importance.byColumn.at(-1)!.importance).toBeLessThan(r.insights.importance.byColumn[0].importance);
    expect(events.some((e) => e.phase === 'searching' && e.finished)).toBe(true);
    expect(events.at(-1)!.phase).toBe('done');
    const finishedCounts = events.filter((e) => e.finished).map((e) => e.candidatesFinished);
    expect(finishedCounts).toEqual([...finishedCounts].sort((x, y) => x - y));
    // The shipped model replays the pipeline and predicts probabilities for every row.
    const model = new TournamentModel(r.model);
    const p = model.predict(applyFeatures(r.pipeline, table));
    expect(p.length).toBe(600);
    expect(p.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('multiclass on penguins picks a strong model', async () => {
    const r = await runTournament(await penguins(), { ...quick, target: 'species', timeBudgetSeconds: 60, maxCandidates: 4, seed: 2, models: ['linear', 'bayes', 'gbdt'] }, createInlineExecutor());
    expect(r.task).toBe('multiclass');
    expect(r.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(r.test!.metrics.accuracy).toBeGreaterThan(0.93);
    expect(r.insights.confusion!.matrix.length).toBe(3);
  });

  it('can be cancelled in any phase', async () => {
    const table = syntheticBinaryTable(300, 4);
    for (const phase of ['preparing', 'searching', 'finalizing']) {
      const controller = new AbortController();
      const run = runTournament(table, { ...quick, target: 'target', models: ['linear', 'bayes'], maxCandidates: 3 }, createInlineExecutor(), {
        signal: controller.signal,
        onProgress: (p) => { if (p.phase === phase) controller.abort(); },
      });
      await expect(run, phase).rejects.toThrow('the tournament was cancelled');
    }
  });

  it('stays within a tiny time budget', async () => {
    const table = syntheticBinaryTable(400, 7);
    const started = performance.now();
    const r = await runTournament(table, { target: 'target', timeBudgetSeconds: 2, seed: 3, models: ['gbdt', 'linear', 'bayes'] }, createInlineExecutor());
    const seconds = (performance.now() - started) / 1000;
    expect(r.candidatesEvaluated).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(2.2);
  });
});

describe('runTournament rejects bad input with a clear message', () => {
  const base = syntheticBinaryTable(60, 9);
  const run = (table: DataTable, target: string, extra: object = {}) =>
    runTournament(table, { target, timeBudgetSeconds: 5, models: ['linear'], ...extra }, createInlineExecutor());
  const withColumn = (values: (string | null)[] | Float64Array, type: 'categorical' | 'number' | 'text' = 'categorical'): DataTable => ({
    ...base,
    columns: [
      ...base.columns.filter((c) => c.name !== 'target'),
      values instanceof Float64Array
        ? { name: 'target', type, storage: 'numeric', values }
        : { name: 'target', type, storage: 'string', values },
    ],
  });

  it('unknown target', async () => {
    await expect(run(base, 'churn')).rejects.toThrow(/target column "churn" not found.*columns are: x1, x2, noise, colour, target/);
  });
  it('all-missing target', async () => {
    await expect(run(withColumn(new Array(60).fill(null)), 'target')).rejects.toThrow(/target column "target" is empty: all 60 values are missing/);
  });
  it('constant or single-class target', async () => {
    await expect(run(withColumn(new Array(60).fill('yes')), 'target')).rejects.toThrow(/single value \("yes"\): there is nothing to predict/);
    await expect(run(withColumn(new Float64Array(60).fill(3), 'number'), 'target', { task: 'regression' })).rejects.toThrow(/constant \(every value is 3\)/);
  });
  it('fewer rows than folds', async () => {
    const tiny: DataTable = { ...base, rowCount: 3, columns: base.columns.map((c) => ({ ...c, values: c.values.slice(0, 3) }) as typeof c) };
    await expect(run(tiny, 'target')).rejects.toThrow(/only 3 rows have a value in target column "target"; the tournament needs at least 5/);
  });
  it('a target with thousands of classes', async () => {
    const big = syntheticBinaryTable(3000, 1);
    const ids = Array.from({ length: 3000 }, (_, i) => `customer-${i}`);
    const table: DataTable = { ...big, columns: [...big.columns.filter((c) => c.name !== 'target'), { name: 'target', type: 'id', storage: 'string', values: ids }] };
    await expect(run(table, 'target')).rejects.toThrow(/3000 distinct values, too many classes.*identifier/);
  });
  it('a regression target given as text', async () => {
    await expect(run(base, 'target', { task: 'regression' })).rejects.toThrow(/target column "target" holds text \("(yes|no)" at row 1\); a regression target must be numeric/);
  });
  it('a text-only table trains on its text features', async () => {
    const words = ['good', 'bad', 'great', 'awful', 'fine'];
    const n = 300;
    const text = Array.from({ length: n }, (_, i) => `${words[i % 5]} product, order ${1000 + i} ${i % 7 ? 'delivered' : 'late'} and ${words[(i * 3 + (i >> 3)) % 5]} packaging`);
    const table: DataTable = {
      name: 'reviews', rowCount: n,
      columns: [
        { name: 'review', type: 'text', storage: 'string', values: text },
        { name: 'target', type: 'categorical', storage: 'string', values: text.map((t) => (t.startsWith('good') || t.startsWith('great') ? 'pos' : 'neg')) },
      ],
    };
    const r = await run(table, 'target');
    expect(r.winner.model).toMatch(/^(linear|ensemble)$/);
    expect(r.pipeline.features.some((f: string) => f.startsWith('review:'))).toBe(true);
    expect(r.test!.score).toBeGreaterThan(0.95);
  });
  it('an unknown metric or one for another task', async () => {
    await expect(run(base, 'target', { metric: 'rmse' })).rejects.toThrow(/metric "rmse" does not apply to a binary task/);
    await expect(run(base, 'target', { metric: 'nope' })).rejects.toThrow(/unknown metric "nope"/);
  });
});

describe('explanations', () => {
  it('explains any scored row: contributions add up to the raw score and name the driving columns', async () => {
    const { explainRows } = await import('./explain');
    const table = syntheticBinaryTable(400, 8);
    const r = await runTournament(table, { ...quick, target: 'target', timeBudgetSeconds: 60, maxCandidates: 2, seed: 1, models: ['linear'], ensemble: false, calibration: 'none' }, createInlineExecutor());
    const model = new TournamentModel(r.model);
    const X = applyFeatures(r.pipeline, table);
    const [e] = explainRows(model, X, [17], r.pipeline, 100);
    const logit = Math.log((e.prediction as number) / (1 - (e.prediction as number)));
    const total = e.base + e.byFeature.reduce((a, f) => a + f.contribution, 0);
    expect(total).toBeCloseTo(logit, 6);
    expect(e.byColumn.map((c) => c.column)).toContain('x1');
    expect(() => explainRows(model, X, [400], r.pipeline)).toThrow(/row 400 is out of range/);
  });
});

describe('validation plans, sampling and other tasks', () => {
  it('cross-validates a stratified sample of large data, or one holdout, and refits on every training row', async () => {
    const table = syntheticBinaryTable(500, 31);
    const sampled = await runTournament(table, { ...quick, target: 'target', models: ['linear'], maxCandidates: 2, maxSearchRows: 200, metric: 'aupr' }, createInlineExecutor());
    expect(sampled.trainRows).toBe(400);
    expect(sampled.searchRows).toBe(200);
    expect(sampled.metric).toBe('aupr');
    expect(sampled.validation).toEqual({ kind: 'kfold', folds: 5 });
    const holdout = await runTournament(table, { ...quick, target: 'target', models: ['linear'], maxCandidates: 2, holdoutAbove: 100 }, createInlineExecutor());
    expect(holdout.validation).toEqual({ kind: 'holdout', folds: 1 });
    expect(holdout.winner.foldScores).toHaveLength(1);
  });

  it('regression: RMSE well below the spread of the target, residual insights', async () => {
    const base = syntheticBinaryTable(400, 32);
    const x1 = base.columns[0].values as Float64Array;
    const x2 = base.columns[1].values as Float64Array;
    const y = Float64Array.from(x1, (v, i) => 10 * v + 5 * Math.sin(3 * x2[i]) + 100);
    const table: DataTable = { ...base, columns: [...base.columns.filter((c) => c.name !== 'target'), { name: 'price', type: 'number', storage: 'numeric', values: y }] };
    const r = await runTournament(table, { ...quick, target: 'price', models: ['gbdt', 'linear'], maxCandidates: 4 }, createInlineExecutor());
    expect(r.task).toBe('regression');
    expect(r.metric).toBe('rmse');
    expect(r.test!.score).toBeLessThan(5);
    expect(r.insights.residuals!.histogram.reduce((a, b) => a + b.count, 0)).toBe(r.testRows);
    expect(r.calibration).toBeUndefined();
  });
});
