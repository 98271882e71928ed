// End to end through the real binary: `tourney train --fixed` then `tourney predict`.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', 'bin', 'tourney.js');
const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const dir = mkdtempSync(join(tmpdir(), 'tourney-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

function parseCsv(text: string): string[][] {
  return text.trim().split('\n').map((l) => l.split(','));
}

describe('tourney train --fixed / predict', () => {
  it('trains a multiclass GBDT on penguins and predicts every row', async () => {
    const modelDir = join(dir, 'penguins');
    const train = await run(['train', join(DATA, 'penguins.csv'), '--target', 'species', '--models', 'gbdt', '--fixed', '{"trees":30,"maxLeaves":8}', '--json', '--out', modelDir, '--seed', '3']);
    expect(train.stderr).not.toMatch(/error/);
    expect(train.code).toBe(0);
    const summary = JSON.parse(train.stdout);
    expect(summary).toMatchObject({ task: 'multiclass', target: 'species', metric: 'accuracy', classes: ['Adelie', 'Chinstrap', 'Gentoo'], rows: 344, modelDir });
    expect(summary.winner).toMatchObject({ model: 'gbdt', params: { trees: 30, maxLeaves: 8, seed: 3 }, cvScore: null });
    expect(summary.winner.fitSeconds).toBeGreaterThan(0);
    expect(summary.leaderboard).toEqual([summary.winner]);
    expect(Array.isArray(summary.dropped)).toBe(true);
    expect(summary.seconds).toBeGreaterThanOrEqual(summary.winner.fitSeconds);

    const out = join(dir, 'penguins-pred.csv');
    const predict = await run(['predict', modelDir, join(DATA, 'penguins.csv'), '--out', out]);
    expect(predict.code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(['prediction', 'probability_Adelie', 'probability_Chinstrap', 'probability_Gentoo']);
    expect(rows).toHaveLength(345);
    const truth = parseCsv(readFileSync(join(DATA, 'penguins.csv'), 'utf8')).slice(1).map((r) => r[0].replace(/"/g, ''));
    let correct = 0;
    rows.slice(1).forEach((r, i) => {
      const p = r.slice(1).map(Number);
      expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 9);
      if (r[0] === truth[i]) correct++;
    });
    expect(correct / 344).toBeGreaterThan(0.95);
  });

  it('trains a binary forest; predict ignores unseen columns and treats missing ones as missing', async () => {
    const lines = ['y,a,b,colour'];
    for (let i = 0; i < 300; i++) {
      const a = (i * 37) % 100;
      lines.push(`${a > 60 ? 'Yes' : 'No'},${a},${(i * 13) % 7},${['red', 'green', 'blue'][i % 3]}`);
    }
    writeFileSync(join(dir, 'binary.csv'), lines.join('\n') + '\n');
    writeFileSync(join(dir, 'new.csv'), 'extra,a\nq,90\nr,10\ns,\n');
    const modelDir = join(dir, 'binary-model');
    const train = await run(['train', 'binary.csv', '--target', 'y', '--models', 'forest', '--fixed', '{"trees":20}', '--json', '--out', modelDir]);
    expect(train.code).toBe(0);
    const summary = JSON.parse(train.stdout);
    expect(summary).toMatchObject({ task: 'binary', metric: 'auroc', classes: ['No', 'Yes'], positiveClass: 'Yes', rows: 300 });
    const meta = JSON.parse(readFileSync(join(modelDir, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ task: 'binary', target: 'y', positiveClass: 'Yes', featureNames: ['a', 'b', 'colour'] });
    const predict = await run(['predict', modelDir, 'new.csv']);
    expect(predict.code).toBe(0);
    const rows = parseCsv(predict.stdout);
    expect(rows[0]).toEqual(['prediction', 'probability']);
    expect(rows).toHaveLength(4);
    expect(rows[1][0]).toBe('Yes');
    expect(Number(rows[1][1])).toBeGreaterThan(0.5);
    expect(rows[2][0]).toBe('No');
    expect(Number(rows[3][1])).toBeGreaterThanOrEqual(0);
  });

  it('writes a single prediction column for regression', async () => {
    const lines = ['x,target'];
    // x repeats (a unique integer column would read as an identifier and be dropped).
    for (let i = 0; i < 200; i++) lines.push(`${i % 100},${(i % 100) * 2 + 1}`);
    writeFileSync(join(dir, 'reg.csv'), lines.join('\n') + '\n');
    const modelDir = join(dir, 'reg-model');
    const train = await run(['train', 'reg.csv', '--target', 'target', '--task', 'regression', '--models', 'gbdt', '--fixed', '{"trees":50,"minDataInLeaf":2}', '--json', '--out', modelDir]);
    expect(JSON.parse(train.stdout)).toMatchObject({ task: 'regression', metric: 'rmse' });
    const predict = await run(['predict', modelDir, 'reg.csv']);
    const rows = parseCsv(predict.stdout);
    expect(rows[0]).toEqual(['prediction']);
    expect(rows).toHaveLength(201);
    expect(Math.abs(Number(rows[51][0]) - 101)).toBeLessThan(10);
  });

  it('exits 2 on usage errors and 1 on data or model errors, with one error line', async () => {
    const usage = [
      ['train', 'reg.csv', '--models', 'gbdt', '--fixed', '{}'],
      ['train', 'reg.csv', '--target', 'target', '--models', 'gbdt', '--fixed', '{"maxLeafs":4}'],
      ['train', 'reg.csv', '--target', 'target', '--models', 'gbdt,forest', '--fixed', '{}'],
      ['train', 'reg.csv', '--target', 'target', '--models', 'gbdt', '--fixed', 'not json'],
      ['predict', 'only-one-arg'],
    ];
    const results = await Promise.all(usage.map(run));
    results.forEach((r, i) => {
      expect(r.code, usage[i].join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('error: '))).toHaveLength(1);
    });
    const missingTarget = await run(['train', 'reg.csv', '--target', 'nope', '--models', 'gbdt', '--fixed', '{}']);
    expect(missingTarget.code).toBe(1);
    expect(missingTarget.stderr).toMatch(/error: reg\.csv: target column "nope" not found/);
    const noModel = await run(['predict', join(dir, 'missing-model'), 'reg.csv']);
    expect(noModel.code).toBe(1);
    expect(noModel.stderr).toMatch(/error: .*meta\.json not found/);
    const noFile = await run(['predict', join(dir, 'reg-model'), 'nothing.csv']);
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toMatch(/error: cannot read nothing\.csv: no such file/);
  });

  it('a large gbdt trains on two threads with the same model as on one (--workers 1)', async () => {
    const fixed = '{"trees":4,"maxLeaves":15}';
    const base = ['train', join(DATA, 'letters.csv'), '--target', 'lettr', '--models', 'gbdt', '--fixed', fixed, '--seed', '1'];
    const [two, one] = await Promise.all([
      run([...base, '--workers', '2', '--out', join(dir, 'letters-2')]),
      run([...base, '--workers', '1', '--out', join(dir, 'letters-1')]),
    ]);
    expect(two.code).toBe(0);
    expect(one.code).toBe(0);
    expect(two.stderr).toMatch(/training gbdt on 20000 rows × 16 features \(multiclass, 2 threads\)/);
    expect(one.stderr).toMatch(/training gbdt on 20000 rows × 16 features \(multiclass\)/);
    const model = (d: string) => readFileSync(join(dir, d, 'model.json'), 'utf8');
    expect(model('letters-2')).toBe(model('letters-1'));
  });
});
