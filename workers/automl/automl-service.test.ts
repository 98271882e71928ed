import { describe, expect, it } from 'vitest';
import { createInlineExecutor } from '../../kernels/tournament/executor';
import { runTournament } from '../../kernels/tournament/run-tournament';
import { syntheticBinaryTable } from '../../test/fixtures/tournament-data';
import type { DataTable } from '../../kernels/table/types';
import { TournamentModel } from '../../kernels/tournament/tournament-model';
import { contributionScale, fittedFromResult, inspectTarget, oneRowTable, parseCell, rowAsText, scoreWhatIf, summarizeResult } from './automl-service';

describe('inspectTarget', () => {
  it('detects a binary task and offers its metrics, AUROC first choice', () => {
    const info = inspectTarget(syntheticBinaryTable(100, 1), 'target');
    expect(info.task).toBe('binary');
    expect(info.positiveClass).toBe('yes');
    expect(info.defaultMetric).toBe('auroc');
    expect(info.metrics).toEqual(expect.arrayContaining(['auroc', 'aupr', 'logloss']));
    expect(info.metrics).not.toContain('rmse');
  });

  it('defaults a multiclass target to accuracy, as the tournament and the CLI do', () => {
    const table = syntheticBinaryTable(90, 1);
    const three: DataTable = { ...table, columns: [...table.columns, { name: 'tier', type: 'categorical', storage: 'string', values: Array.from({ length: 90 }, (_, i) => ['a', 'b', 'c'][i % 3]) }] };
    const info = inspectTarget(three, 'tier');
    expect(info.task).toBe('multiclass');
    expect(info.defaultMetric).toBe('accuracy');
  });

  it('detects regression on a numeric target', () => {
    expect(inspectTarget(syntheticBinaryTable(100, 1), 'x1').task).toBe('regression');
  });

  it("names the problem with a constant target, in the tournament's words", () => {
    const table = syntheticBinaryTable(50, 1);
    const constant: DataTable = { ...table, columns: [...table.columns, { name: 'always', type: 'categorical', storage: 'string', values: new Array(50).fill('same') }] };
    expect(() => inspectTarget(constant, 'always')).toThrow(/"always" has a single value \("same"\)/);
    expect(() => inspectTarget(table, 'nope')).toThrow(/target column "nope" not found/);
  });
});

describe('what-if rows', () => {
  it('round-trips a row through text, and rejects bad numbers with the column name', () => {
    const table = syntheticBinaryTable(20, 2);
    const text = rowAsText(table, 3);
    expect(Number(text.x1)).toBe((table.columns[0].values as Float64Array)[3]);
    const back = oneRowTable(table, text);
    expect(back.rowCount).toBe(1);
    expect((back.columns[0].values as Float64Array)[0]).toBe((table.columns[0].values as Float64Array)[3]);
    expect(back.columns[3].values[0]).toBe(table.columns[3].values[3]);
    expect(() => parseCell('abc', 'number', 'x1')).toThrow('"x1" must be a number, got "abc"');
    expect(parseCell('', 'number', 'x1')).toBeNaN();
    expect(parseCell('yes', 'boolean', 'b')).toBe(1);
    expect(parseCell('2024-09-14', 'date', 'd')).toBe(Date.UTC(2024, 8, 14));
  });

  it('scores an edited row like the model scores the table, and its contributions add up', async () => {
    const table = syntheticBinaryTable(400, 4);
    const result = await runTournament(
      table,
      { target: 'target', models: ['gbdt'], maxCandidates: 1, folds: 2, timeBudgetSeconds: 60, seed: 3, ensemble: false, calibration: 'none' },
      createInlineExecutor(),
    );
    const summary = summarizeResult(result);
    expect('model' in summary).toBe(false);
    expect('pipeline' in summary).toBe(false);
    expect(summary.inputs.map((i) => i.name)).not.toContain('target');
    expect(summary.inputs.map((i) => i.name)).toContain('x1');

    const fitted = fittedFromResult(result, table);
    const row = rowAsText(table, 0);
    const low = scoreWhatIf(fitted, { ...row, x1: '-3', x2: '3' });
    const high = scoreWhatIf(fitted, { ...row, x1: '3', x2: '-3' });
    const pHigh = high.probabilities!.yes;
    expect(pHigh).toBeGreaterThan(low.probabilities!.yes);
    expect(high.prediction).toBe(pHigh >= 0.5 ? 'yes' : 'no');
    expect(high.probabilities!.no + pHigh).toBeCloseTo(1, 12);
    // Uncalibrated single GBDT: base + per-column contributions = the log-odds of the prediction.
    const logOdds = Math.log(pHigh / (1 - pHigh));
    expect(high.base + high.byColumn.reduce((a, c) => a + c.value, 0)).toBeCloseTo(logOdds, 6);
    expect(high.byColumn[0].name).toMatch(/^x[12]$/);
    expect(high.scale).toBe('log-odds of "yes"');
    expect(high.scaleNote).toBeUndefined();

    // The same model as a two-member blend, and calibrated: never labelled plain log-odds.
    const spec = result.model;
    const blend = { ...fitted, model: new TournamentModel({ ...spec, members: [{ ...spec.members[0], weight: 0.5 }, { ...spec.members[0], weight: 0.5 }] }) };
    const blended = scoreWhatIf(blend, { ...row, x1: '3', x2: '-3' });
    expect(blended.scale).not.toBe('log-odds of "yes"');
    expect(blended.scale).toMatch(/members/);
    expect(blended.scaleNote).toMatch(/ensemble of 2 models/);
    const calibrated = { ...fitted, model: new TournamentModel({ ...spec, calibration: { method: 'platt', a: 1, b: 0 } }) };
    expect(scoreWhatIf(calibrated, { ...row, x1: '3', x2: '-3' }).scale).toBe('log-odds of "yes" before calibration');
  });

  it('explains multiclass rows for the predicted class and regression rows in the target unit', async () => {
    const table = syntheticBinaryTable(300, 6);
    const quick = { models: ['gbdt' as const], maxCandidates: 1, folds: 2, timeBudgetSeconds: 60, seed: 1, ensemble: false, calibration: 'none' as const };
    const multi = await runTournament(table, { ...quick, target: 'colour' }, createInlineExecutor());
    const m = scoreWhatIf(fittedFromResult(multi, table), rowAsText(table, 0));
    expect(m.task).toBe('multiclass');
    const probabilities = Object.values(m.probabilities!);
    expect(probabilities).toHaveLength(3);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(m.probabilities![m.prediction as string]).toBe(Math.max(...probabilities));
    expect(m.scale).toBe(`raw score of "${m.prediction}"`);
    expect(contributionScale('multiclass', 'red', 3, false).scale).toBe(`members' raw score of "red", weight-averaged`);
    expect(contributionScale('regression', '', 3, false)).toEqual({ scale: 'predicted value' });

    const reg = await runTournament(table, { ...quick, target: 'x1' }, createInlineExecutor());
    const r = scoreWhatIf(fittedFromResult(reg, table), rowAsText(table, 0));
    expect(r.task).toBe('regression');
    expect(typeof r.prediction).toBe('number');
    expect(r.probabilities).toBeUndefined();
    expect(r.base + r.byColumn.reduce((a, c) => a + c.value, 0)).toBeCloseTo(r.prediction as number, 6);
  });
});
