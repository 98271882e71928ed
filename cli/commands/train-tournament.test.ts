// End to end through the real binary: `tourney train` (the tournament) then `tourney evaluate`.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DataTable } from '../../kernels/table/types';
import { createTemplate } from '../../kernels/tournament/template';
import { syntheticBinaryTable } from '../../test/fixtures/tournament-data';

const BIN = join(import.meta.dirname, '..', 'bin', 'tourney.js');
const PENGUINS = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'penguins.csv');
const dir = mkdtempSync(join(tmpdir(), 'tourney-tournament-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A test table as CSV (numbers as written, strings quoted). */
function toCsv(table: DataTable): string {
  const cell = (v: number | string | null) => (v === null ? '' : typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);
  const rows = Array.from({ length: table.rowCount }, (_, i) => table.columns.map((c) => cell(c.values[i] as number | string | null)).join(','));
  return [table.columns.map((c) => c.name).join(','), ...rows].join('\n') + '\n';
}

/** The one `error: …` line of a failed command; never a stack trace. */
function errorLine(r: { stderr: string }): string {
  expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(r.stderr).not.toMatch(/\b(TypeError|RangeError|DataError|Error):/);
  const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
  expect(errors).toHaveLength(1);
  return errors[0];
}

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

describe('tourney train (tournament) / evaluate', () => {
  it('trains within the budget, prints the JSON contract, and evaluate scores the model', async () => {
    const model = join(dir, 'penguins-model');
    const r = await run(['train', PENGUINS, '--target', 'species', '--time-budget', '6', '--seed', '3', '--out', model, '--json']);
    expect(r.stderr).toMatch(/accuracy/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ task: 'multiclass', target: 'species', metric: 'accuracy', classes: ['Adelie', 'Chinstrap', 'Gentoo'], rows: 344, modelDir: model });
    expect(Array.isArray(out.dropped)).toBe(true);
    expect(out.leaderboard.length).toBeGreaterThan(1);
    for (const e of [...out.leaderboard, out.winner]) expect(Object.keys(e).sort()).toEqual(['cvScore', 'fitSeconds', 'id', 'model', 'params']);
    expect(out.winner.cvScore).toBeGreaterThan(0.9);
    expect(out.test.metrics.accuracy).toBeGreaterThan(0.9);
    expect(out.seconds).toBeLessThanOrEqual(6.6);
    for (const f of ['meta.json', 'pipeline.json', 'tournament.json', 'report.json', 'template.json']) expect(existsSync(join(model, f))).toBe(true);
    expect(JSON.parse(readFileSync(join(model, 'template.json'), 'utf8'))).toMatchObject({ kind: 'tourney-tournament-template', target: 'species', seed: 3, timeBudgetSeconds: 6 });
    // Monitoring's reference comes from training: the held-out test rows' scores, listed in the manifest, a few KB.
    const reference = readFileSync(join(model, 'reference-profile.json'), 'utf8');
    expect(reference.length).toBeLessThan(64 * 1024);
    expect(JSON.parse(reference)).toMatchObject({ format: 1, task: 'multiclass', rows: 344, scoresFrom: expect.stringMatching(/^the \d+ held-out test rows$/), baseline: { metric: 'accuracy' } });
    expect(JSON.parse(readFileSync(join(model, 'manifest.json'), 'utf8')).files.map((f: { name: string }) => f.name)).toContain('reference-profile.json');
    expect(JSON.parse(readFileSync(join(model, 'report.json'), 'utf8')).reference).toBeUndefined();

    const e = await run(['evaluate', model, PENGUINS, '--json']);
    expect(e.code).toBe(0);
    const ev = JSON.parse(e.stdout);
    expect(ev).toMatchObject({ task: 'multiclass', target: 'species', metric: 'accuracy', rows: 344 });
    expect(ev.metrics.accuracy).toBeGreaterThan(0.95);
    expect(ev.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(344);
    const p = await run(['predict', model, PENGUINS]);
    expect(p.code).toBe(0);
    const lines = p.stdout.trim().split('\n');
    expect(lines[0]).toBe('prediction,probability_Adelie,probability_Chinstrap,probability_Gentoo');
    expect(lines).toHaveLength(345);
    expect(lines[1]).toMatch(/^Adelie,/);
    const text = await run(['evaluate', model, PENGUINS]);
    expect(text.stdout).toMatch(/^multiclass on "species", 344 rows\naccuracy: [01]\.\d{4}\nlogloss: /);
  });

  it('runs a saved template on another table, flags overriding it, and names a table or template that does not fit', async () => {
    const template = createTemplate({ target: 'species', metric: 'logloss', models: ['linear', 'bayes'], timeBudgetSeconds: 30, seed: 5 }, 'species per island');
    const templatePath = join(dir, 'species.template.json');
    writeFileSync(templatePath, JSON.stringify(template));
    const tenant = join(dir, 'tenant-b.csv');
    const penguins = readFileSync(PENGUINS, 'utf8').trim().split('\n');
    writeFileSync(tenant, [penguins[0], ...penguins.slice(1).filter((_, i) => i % 2 === 0)].join('\n') + '\n');
    const model = join(dir, 'tenant-b-model');
    const r = await run(['train', tenant, '--template', templatePath, '--time-budget', '4', '--max-candidates', '3', '--out', model, '--json']);
    expect(r.stderr).not.toMatch(/^error:/m);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ task: 'multiclass', target: 'species', metric: 'logloss', rows: 172 });
    for (const e of out.leaderboard) expect(['linear', 'bayes', 'ensemble']).toContain(e.model);
    // The model directory's template is the one that ran: the template's settings, this run's budget.
    expect(JSON.parse(readFileSync(join(model, 'template.json'), 'utf8'))).toMatchObject({ name: 'species per island', metric: 'logloss', models: ['linear', 'bayes'], seed: 5, timeBudgetSeconds: 4 });

    const noTarget = join(dir, 'no-species.csv');
    writeFileSync(noTarget, 'island,bill\nDream,40\nBiscoe,41\n');
    const broken = join(dir, 'broken.template.json');
    writeFileSync(broken, '{"kind": "tourney-tournament-template",');
    const wrongField = join(dir, 'wrong.template.json');
    writeFileSync(wrongField, JSON.stringify({ ...template, metric: 'auc' }));
    const cases: [string[], RegExp][] = [
      [['train', noTarget, '--template', templatePath], /^error: no-species\.csv does not fit template species\.template\.json: the table has no target column "species"$/m],
      [['train', tenant, '--template', broken], /^error: template .*broken\.template\.json is not valid JSON/m],
      [['train', tenant, '--template', wrongField], /^error: .*wrong\.template\.json: tournament template: unknown metric "auc"/m],
      [['train', tenant, '--template', join(dir, 'missing.json')], /^error: cannot read template .*missing\.json: no such file$/m],
    ];
    for (const [args, message] of cases) {
      const bad = await run(args);
      expect(bad.code, args.join(' ')).toBe(1);
      expect(bad.stderr).toMatch(message);
      expect(bad.stderr.trim().split('\n').filter((l) => l.startsWith('error:'))).toHaveLength(1);
    }
  });

  it('names bad input in one error line', async () => {
    const csv = join(dir, 'one-class.csv');
    writeFileSync(csv, 'x,y\n' + Array.from({ length: 30 }, (_, i) => `${i},same`).join('\n') + '\n');
    const empty = join(dir, 'empty-target.csv');
    writeFileSync(empty, 'x,y\n' + Array.from({ length: 30 }, (_, i) => `${i},`).join('\n') + '\n');
    const tiny = join(dir, 'tiny.csv');
    writeFileSync(tiny, 'x,y\n1,a\n2,b\n3,a\n');
    const ids = join(dir, 'customers.csv');
    writeFileSync(ids, 'x,customer\n' + Array.from({ length: 3000 }, (_, i) => `${i % 17},c${i}`).join('\n') + '\n');
    const cases: [string[], number, RegExp][] = [
      [['train', PENGUINS, '--target', 'speces', '--time-budget', '5'], 1, /^error: penguins\.csv: target column "speces" not found/],
      [['train', empty, '--target', 'y', '--time-budget', '5'], 1, /^error: empty-target\.csv: target column "y" is empty: all 30 values are missing/],
      [['train', tiny, '--target', 'y', '--time-budget', '5'], 1, /^error: tiny\.csv: only 3 rows have a value in target column "y"; the tournament needs at least 5/],
      [['train', ids, '--target', 'customer', '--time-budget', '5'], 1, /^error: customers\.csv: .*3000 distinct values, too many classes/],
      [['train', csv, '--target', 'y', '--time-budget', '5'], 1, /^error: one-class\.csv: target column "y" has a single value \("same"\)/],
      [['train', PENGUINS, '--target', 'species', '--task', 'regression', '--time-budget', '5'], 1, /^error: penguins\.csv: target column "species" holds text/],
      [['train', PENGUINS, '--target', 'species', '--metric', 'auc'], 2, /^error: unknown --metric "auc"/],
      [['train', PENGUINS, '--target', 'species', '--models', 'svm'], 2, /^error: unknown model family "svm"/],
      [['evaluate', join(dir, 'nope'), PENGUINS], 1, /^error: .*meta\.json not found/],
    ];
    const results = await Promise.all(cases.map(([args]) => run(args)));
    results.forEach((r, i) => {
      expect(r.code, cases[i][0].join(' ')).toBe(cases[i][1]);
      const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(cases[i][2]);
    });
    expect(readFileSync(csv, 'utf8').length).toBeGreaterThan(0);
  });
  it('names a constant number, a text regression target and a too-rare class in one error line, without a stack trace', async () => {
    const constant = join(dir, 'constant.csv');
    writeFileSync(constant, 'x,y\n' + Array.from({ length: 40 }, (_, i) => `${i % 7},3`).join('\n') + '\n');
    const price = join(dir, 'price-text.csv');
    writeFileSync(price, 'x,price\n' + Array.from({ length: 60 }, (_, i) => `${i % 10},${i === 7 ? 'about 14' : (i % 10) * 2 + 0.5}`).join('\n') + '\n');
    const rare = join(dir, 'rare.csv');
    writeFileSync(rare, 'x,z,y\n' + Array.from({ length: 100 }, (_, i) => `${(i * 37) % 100},${i % 5},${i === 3 || i === 77 ? 'b' : 'a'}`).join('\n') + '\n');
    const cases: [string[], RegExp][] = [
      [['train', constant, '--target', 'y', '--time-budget', '5'], /^error: constant\.csv: target column "y" has a single value \("3"\): there is nothing to predict$/],
      [['train', constant, '--target', 'y', '--task', 'regression', '--time-budget', '5'], /^error: constant\.csv: target column "y" is constant \(every value is 3\): there is nothing to predict$/],
      [['train', price, '--target', 'price', '--task', 'regression', '--time-budget', '5'], /^error: price-text\.csv: target column "price" holds text \("about 14" at row 8\); a regression target must be numeric/],
      // Two rows of "b": the stratified test split gets none (this used to fail in the PR curve).
      [['train', rare, '--target', 'y', '--time-budget', '5'], /^error: rare\.csv: class "b" of target column "y" has only 2 of 100 rows; every class needs at least 10/],
    ];
    const results = await Promise.all(cases.map(([args]) => run(args)));
    results.forEach((r, i) => {
      expect(r.code, cases[i][0].join(' ')).toBe(1);
      expect(errorLine(r)).toMatch(cases[i][1]);
    });
  });

  it('rejects a free-text target with thousands of values at once', async () => {
    const notes = join(dir, 'notes.csv');
    const words = ['late', 'early', 'refund', 'broken', 'fine', 'call back'];
    writeFileSync(notes, 'x,note\n' + Array.from({ length: 3000 }, (_, i) => `${i % 13},"${words[i % 6]} order ${i}, ${words[(i * 5) % 6]}"`).join('\n') + '\n');
    const r = await run(['train', notes, '--target', 'note', '--time-budget', '30']);
    expect(r.code).toBe(1);
    expect(errorLine(r)).toMatch(/^error: notes\.csv: target column "note" has 3000 distinct values, too many classes \(at most 200\); it looks like an identifier or free text/);
    // Rejected while checking the target, long before the 30 s budget (about 1 s, mostly start-up).
    expect(r.seconds).toBeLessThan(15);
    expect(r.stderr).not.toMatch(/fitting the feature pipeline/);
  });

  it('trains on a table whose only feature is free text, and the model predicts new text', async () => {
    const sentiment = ['good', 'bad', 'great', 'awful', 'fine', 'poor', 'superb', 'nasty'];
    const positive = new Set(['good', 'great', 'superb', 'fine']);
    const speed = ['fast', 'slow', 'late', 'early', 'quick'];
    const pack = ['box', 'bag', 'wrap'];
    const lines = ['review,sentiment'];
    for (let i = 0; i < 200; i++) {
      const word = sentiment[i % 8];
      // One label in ten flipped, so the text predicts well but not perfectly.
      const label = positive.has(word) !== (i % 10 === 0) ? 'pos' : 'neg';
      lines.push(`"${word} product, ${speed[(i * 3 + (i >> 3)) % 5]} delivery in a ${pack[i % 3]}, order ${1000 + i}",${label}`);
    }
    writeFileSync(join(dir, 'reviews.csv'), lines.join('\n') + '\n');
    writeFileSync(join(dir, 'new-reviews.csv'), 'review\n"great product, late delivery in a box, order 5001"\n"awful product, fast delivery in a bag, order 5002"\n');
    const model = join(dir, 'reviews-model');
    const r = await run(['train', 'reviews.csv', '--target', 'sentiment', '--models', 'linear,bayes', '--max-candidates', '3', '--time-budget', '20', '--out', model, '--json']);
    expect(r.stderr).not.toMatch(/^error:/m);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ task: 'binary', target: 'sentiment', classes: ['neg', 'pos'], positiveClass: 'pos', rows: 200, dropped: [] });
    expect(out.test.metrics.auroc).toBeGreaterThan(0.8);
    for (const f of ['meta.json', 'pipeline.json', 'tournament.json']) expect(existsSync(join(model, f))).toBe(true);
    const p = await run(['predict', model, 'new-reviews.csv']);
    expect(p.code).toBe(0);
    const rows = p.stdout.trim().split('\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['prediction', 'probability']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['pos', 'neg']);
    expect(Number(rows[1][1])).toBeGreaterThan(0.5);
    expect(Number(rows[2][1])).toBeLessThan(0.5);
  });

  it('--metric aupr selects a binary tournament by average precision, and evaluate reports it', async () => {
    writeFileSync(join(dir, 'synthetic.csv'), toCsv(syntheticBinaryTable(300, 4)));
    const model = join(dir, 'aupr-model');
    const r = await run(['train', 'synthetic.csv', '--target', 'target', '--metric', 'aupr', '--models', 'linear,bayes', '--max-candidates', '3', '--time-budget', '20', '--out', model, '--json']);
    expect(r.stderr).not.toMatch(/^error:/m);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ task: 'binary', metric: 'aupr', positiveClass: 'yes', rows: 300 });
    // Ranked by AUPR, best first; the test score is the AUPR of the test rows.
    const scores = out.leaderboard.map((e: { cvScore: number }) => e.cvScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(out.test.score).toBe(out.test.metrics.aupr);
    expect(out.test.score).not.toBe(out.test.metrics.auroc);
    // Average precision of a useless ranking is the positive rate; the signal is well above it.
    const labels = readFileSync(join(dir, 'synthetic.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').at(-1));
    const positiveRate = labels.filter((v) => v === '"yes"').length / labels.length;
    expect(out.winner.cvScore).toBeGreaterThan(positiveRate + 0.15);
    expect(JSON.parse(readFileSync(join(model, 'template.json'), 'utf8'))).toMatchObject({ metric: 'aupr' });
    const e = await run(['evaluate', model, 'synthetic.csv', '--json']);
    expect(e.code).toBe(0);
    const ev = JSON.parse(e.stdout);
    expect(ev).toMatchObject({ task: 'binary', metric: 'aupr', rows: 300 });
    expect(ev.score).toBe(ev.metrics.aupr);
  });

  it('evaluate usage errors exit 2 with one error line', async () => {
    const cases: [string[], RegExp][] = [
      [['evaluate'], /^error: evaluate needs a model directory and a labeled data file/],
      [['evaluate', join(dir, 'some-model')], /^error: evaluate needs a model directory and a labeled data file/],
      [['evaluate', join(dir, 'some-model'), PENGUINS, 'extra.csv'], /^error: evaluate needs a model directory and a labeled data file/],
      [['evaluate', join(dir, 'some-model'), PENGUINS, '--metric', 'auroc'], /^error: unknown option --metric$/],
    ];
    const results = await Promise.all(cases.map(([args]) => run(args)));
    results.forEach((r, i) => {
      expect(r.code, cases[i][0].join(' ')).toBe(2);
      expect(errorLine(r)).toMatch(cases[i][1]);
      expect(r.stdout).toBe('');
    });
  });
});
