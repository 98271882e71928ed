// End to end through the real binary: `tourney train` (the tournament) then `tourney evaluate`.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTemplate } from '../../kernels/tournament/template';

const BIN = join(import.meta.dirname, '..', 'bin', 'tourney.js');
const PENGUINS = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'penguins.csv');
const dir = mkdtempSync(join(tmpdir(), 'tourney-tournament-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    for (const e of [...out.leaderboard, out.winner]) expect(Object.keys(e).sort()).toEqual(['cvScore', 'fitSeconds', 'model', 'params']);
    expect(out.winner.cvScore).toBeGreaterThan(0.9);
    expect(out.test.metrics.accuracy).toBeGreaterThan(0.9);
    expect(out.seconds).toBeLessThanOrEqual(6.6);
    for (const f of ['meta.json', 'pipeline.json', 'tournament.json', 'report.json', 'template.json']) expect(existsSync(join(model, f))).toBe(true);
    expect(JSON.parse(readFileSync(join(model, 'template.json'), 'utf8'))).toMatchObject({ kind: 'tourney-tournament-template', target: 'species', seed: 3, timeBudgetSeconds: 6 });

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
      [['train', tenant, '--template', join(dir, 'missing.json')], /^error: template .*missing\.json not found$/m],
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
});
