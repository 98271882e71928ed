// The app's scoring (onnxruntime-web's WASM build, here in Node) against `tourney predict` (the
// native learners) on the same model directories: tournaments (binary, multiclass), GBDT, forest,
// extra trees, naive Bayes and a regression linear model, every row of the scored file within 1e-6 and the
// same labels; a what-if row scores as its row in the batch; chunking and cancelling.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web/wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../kernels/io/read-table';
import { buildModelDirFiles, loadModelDirFiles, tournamentDocuments } from '../../kernels/modeldir';
import { createInlineExecutor } from '../../kernels/tournament/executor';
import { runTournament } from '../../kernels/tournament/run-tournament';
import { takeRows } from '../../kernels/tournament/take-rows';
import { createTemplate } from '../../kernels/tournament/template';
import { cellValue } from '../../kernels/table/slice-rows';
import { readModelDirFiles } from '../../scorer/server/read-model-dir';
import { DATA, tourney } from '../../scorer/testing/scorer-process';
import { loadOnnxScorer, ScoringCancelledError, scoreRow, scoreTable, type OnnxScorer } from './scoring-service';

const work = mkdtempSync(join(tmpdir(), 'tourney-app-scoring-'));
const MODELS: [string, string, string, string[]][] = [
  ['churn', 'telco_churn', 'churn', ['--time-budget', '6']],
  ['penguins', 'penguins', 'species', ['--models', 'gbdt', '--fixed', '{"trees":12}']],
  ['ames', 'ames_housing', 'Sale_Price', ['--models', 'linear', '--fixed', '{}']],
  ['attrition-forest', 'hr_attrition', 'Attrition', ['--models', 'forest', '--fixed', '{"trees":6}']],
  ['spam-extra-trees', 'spam', 'type', ['--models', 'forest', '--fixed', '{"trees":6,"extraTrees":true}']],
  ['credit-bayes', 'credit_status', 'Status', ['--models', 'bayes', '--fixed', '{}']],
  ['penguins-tournament', 'penguins', 'species', ['--time-budget', '4']],
];

beforeAll(async () => {
  ort.env.wasm.numThreads = 1;
  await Promise.all(MODELS.map(async ([name, set, target, flags]) => {
    const run = await tourney(['train', join(DATA, `${set}.csv`), '--target', target, '--seed', '0', ...flags, '--out', join(work, name)]);
    expect(run.code, run.stderr).toBe(0);
  }));
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A predictions CSV as rows of cells (no quoted commas in these class names). */
function rowsOf(csv: string): string[][] {
  return csv.trim().split('\n').map((line) => line.split(','));
}

async function scorerFor(name: string): Promise<OnnxScorer> {
  return loadOnnxScorer(ort, readModelDirFiles(join(work, name)), name);
}

describe('app scoring on onnxruntime-web (WASM)', () => {
  for (const [name, set] of MODELS) {
    it(`${name}: the batch scores every row of ${set} as tourney predict does (within 1e-6, same labels)`, async () => {
      const bytes = readFileSync(join(DATA, `${set}.csv`));
      const predicted = await tourney(['predict', join(work, name), join(DATA, `${set}.csv`)]);
      expect(predicted.code, predicted.stderr).toBe(0);
      const scorer = await scorerFor(name);
      const progress: number[] = [];
      const batch = await scoreTable(scorer, await readTable(bytes, { fileName: `${set}.csv` }), { chunkRows: 1000, onProgress: (p) => progress.push(p.rows) });
      await scorer.release();
      const native = rowsOf(predicted.stdout);
      const app = rowsOf(batch.csv);
      expect(app[0]).toEqual(native[0]);
      expect(app.length).toBe(native.length);
      let worst = 0;
      for (let i = 1; i < native.length; i++) {
        const numeric = scorer.info.task === 'regression' ? 0 : 1;
        if (numeric) expect(app[i][0], `row ${i}`).toBe(native[i][0]);
        for (let c = numeric; c < native[i].length; c++) worst = Math.max(worst, Math.abs(Number(app[i][c]) - Number(native[i][c])));
      }
      process.stderr.write(`app scoring ${name}: ${batch.rows} rows, max |onnxruntime-web − tourney predict| = ${worst.toExponential(2)}, ${batch.seconds.toFixed(2)} s\n`);
      expect(worst).toBeLessThan(1e-6);
      expect(progress.at(-1)).toBe(batch.rows);
      expect(progress.length).toBe(Math.ceil(batch.rows / 1000));
      if (name.endsWith('tournament') || name === 'churn') {
        const shipped = JSON.parse(readFileSync(join(work, name, 'tournament.json'), 'utf8')) as { members: { model: { family: string } }[]; calibration?: { method: string } };
        process.stderr.write(`  ${name} ships ${shipped.members.map((m) => m.model.family).join(' + ')}${shipped.calibration ? `, ${shipped.calibration.method} calibration` : ''}\n`);
      }
    }, 120_000);
  }

  it('a shipped ensemble (blended members, isotonic calibration) scores as the native model does', async () => {
    const table = await readTable(readFileSync(join(DATA, 'telco_churn.csv')), { fileName: 'telco_churn.csv' });
    const train = takeRows(table, Array.from({ length: 2000 }, (_, i) => i));
    const settings = { target: 'churn', timeBudgetSeconds: 20, maxCandidates: 4, seed: 1, calibration: 'isotonic' as const, searchSpace: { gbdt: { fixed: { trees: 20 } }, forest: { fixed: { trees: 8 } } } };
    const result = await runTournament(train, settings, createInlineExecutor());
    const files = buildModelDirFiles(tournamentDocuments(result, 'telco_churn.csv', createTemplate(settings, 'telco'), '2026-01-01T00:00:00.000Z'), 'test');
    const members = result.model.members.map((m) => m.model.family);
    process.stderr.write(`app scoring telco tournament ships ${members.join(' + ')}, ${result.model.calibration?.method ?? 'uncalibrated'}\n`);
    expect(members.length).toBeGreaterThan(1);
    const loaded = loadModelDirFiles(files, 'telco');
    const native = loaded.predict(loaded.toMatrix(table));
    const scorer = await loadOnnxScorer(ort, files, 'telco');
    const app = rowsOf((await scoreTable(scorer, table)).csv);
    let worst = 0;
    for (let i = 0; i < table.rowCount; i++) {
      expect(app[i + 1][0]).toBe(native[i] >= 0.5 ? 'Yes' : 'No');
      worst = Math.max(worst, Math.abs(Number(app[i + 1][1]) - native[i]));
    }
    process.stderr.write(`  max |onnxruntime-web − native| = ${worst.toExponential(2)} over ${table.rowCount} rows\n`);
    expect(worst).toBeLessThan(1e-6);
    await scorer.release();
  }, 120_000);

  it('a what-if row (fields as text) scores as the same row of the batch, and says what was missing or unseen', async () => {
    const scorer = await scorerFor('churn');
    const table = await readTable(readFileSync(join(DATA, 'telco_churn.csv')), { fileName: 'telco_churn.csv' });
    const batch = rowsOf((await scoreTable(scorer, table)).csv);
    for (const row of [0, 17, 4000]) {
      const values: Record<string, string> = {};
      for (const c of table.columns) {
        const v = cellValue(c, row);
        values[c.name] = v === null ? '' : String(v);
      }
      const answer = await scoreRow(scorer, values);
      expect(answer.prediction).toBe(batch[row + 1][0]);
      expect(answer.probabilities!.Yes).toBeCloseTo(Number(batch[row + 1][1]), 12);
    }
    const edited = await scoreRow(scorer, { contract: 'Lifetime', tenure: '' });
    expect(edited.missing).toContain('tenure');
    expect(edited.unseen).toEqual(['contract']);
    await expect(scoreRow(scorer, { tenure: 'abc' })).rejects.toThrow('row 1, field "tenure": expected a number, got "abc"');
    await scorer.release();
  }, 60_000);

  it('stops between chunks when cancelled', async () => {
    const scorer = await scorerFor('penguins');
    const table = await readTable(readFileSync(join(DATA, 'penguins.csv')), { fileName: 'penguins.csv' });
    let chunks = 0;
    await expect(scoreTable(scorer, table, { chunkRows: 50, onProgress: () => chunks++, cancelled: () => chunks >= 2 })).rejects.toBeInstanceOf(ScoringCancelledError);
    expect(chunks).toBe(2);
    await scorer.release();
  });
});
