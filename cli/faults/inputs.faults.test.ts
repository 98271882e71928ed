// Fault corpus, "Inputs, targets and numbers" (issue 17): real `tourney` processes on small
// generated files. Each case asserts the exit code, the one error line (or the warning/note lines)
// naming the file, column and counts, no stack trace, and that nothing was written on refusal.
// docs/FAULTS.md counts these cases.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', 'bin', 'tourney.js');
const dir = mkdtempSync(join(tmpdir(), 'tourney-inputs-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run { code: number; stdout: string; stderr: string }
function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, timeout: 90_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
/** Exactly one `error:` line, matching `pattern`, and no stack trace. */
function expectOneError(r: Run, code: number, pattern: RegExp) {
  expect(r.code).toBe(code);
  const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}
const warnings = (r: Run) => r.stderr.split('\n').filter((l) => l.startsWith('warning:'));
const notes = (r: Run) => r.stderr.split('\n').filter((l) => l.startsWith('note:'));

/** Deterministic rows: x1, x2 numbers, plan a category, label yes/no from them. */
function rows(n: number, label: (i: number, x1: number, x2: number) => string = (_i, x1, x2) => (x1 + x2 > 1 ? 'yes' : 'no')): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = ((i * 37) % 100) / 100;
    const x2 = ((i * 61) % 100) / 100;
    out.push(`${x1},${x2},${['a', 'b', 'c'][i % 3]},${label(i, x1, x2)}`);
  }
  return out;
}

let fixedModel = '';
let tournamentModel = '';
beforeAll(async () => {
  const train = file('train.csv', ['x1,x2,plan,label', ...rows(300)].join('\n') + '\n');
  fixedModel = join(dir, 'fixed-model');
  tournamentModel = join(dir, 'tournament-model');
  const [a, b] = await Promise.all([
    run(['train', train, '--target', 'label', '--fixed', '{"trees":20}', '--out', fixedModel]),
    run(['train', train, '--target', 'label', '--time-budget', '3', '--max-candidates', '2', '--workers', '1', '--models', 'linear', '--out', tournamentModel]),
  ]);
  expect(a.code, a.stderr).toBe(0);
  expect(b.code, b.stderr).toBe(0);
}, 120_000);

describe('inputs that do not match the model (predict, evaluate)', () => {
  for (const kind of ['fixed', 'tournament'] as const) {
    it(`${kind}: a file holding only the target is refused, and no predictions are written`, async () => {
      const data = file(`only-target-${kind}.csv`, 'label\nyes\nno\nyes\n');
      const out = join(dir, `only-target-${kind}-pred.csv`);
      const r = await run(['predict', kind === 'fixed' ? fixedModel : tournamentModel, data, '--out', out]);
      expectOneError(r, 1, new RegExp(`^error: only-target-${kind}\\.csv: none of the 3 columns the model reads is present \\(it reads .*"x1".*\\); every prediction would be the same$`));
      expect(existsSync(out)).toBe(false);
    });
  }

  it('missing columns and text in a number column are warned about with counts, predictions still made', async () => {
    const data = file('partial.csv', 'x1,plan,label\n0.5,a,yes\nabc,b,no\n0.9,c,no\nlots,a,yes\n');
    const out = join(dir, 'partial-pred.csv');
    const r = await run(['predict', fixedModel, data, '--out', out]);
    expect(r.code).toBe(0);
    expect(warnings(r)).toEqual([
      'warning: partial.csv: 1 of 3 columns the model reads are missing (read as missing on every row): "x2"',
      'warning: partial.csv: column "x1": 2 of 4 values are not numbers (e.g. "abc") and are read as missing',
    ]);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(5);
  });

  it('evaluate --json carries the same warnings', async () => {
    const data = file('partial-eval.csv', 'x1,plan,label\n0.5,a,yes\nabc,b,no\n0.9,c,No\n');
    const r = await run(['evaluate', tournamentModel, data, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.warnings).toEqual([
      'partial-eval.csv: 1 of 3 columns the model reads are missing (read as missing on every row): "x2"',
      'partial-eval.csv: column "x1": 1 of 3 values are not numbers (e.g. "abc") and are read as missing',
    ]);
    // "No" is the class "no" apart from case, as training merges it.
    expect(result.skipped).toEqual({ missingTarget: 0, unknownClass: 0 });
    expect(warnings(r)).toHaveLength(2);
  });

  it('two headers that both match a model column apart from case are an error; nothing written', async () => {
    const clash = file('clash.csv', 'Plan,PLAN,x1,x2\na,b,0.5,0.5\n');
    const out = join(dir, 'clash-pred.csv');
    const r = await run(['predict', fixedModel, clash, '--out', out]);
    expectOneError(r, 1, /^error: clash\.csv: headers "Plan", "PLAN" all match model column "plan" apart from case\/spaces; rename all but one$/);
    expect(existsSync(out)).toBe(false);
  });

  it('a header differing only in case is read, with a warning naming both', async () => {
    const data = file('renamed.csv', 'X1,x2,PLAN\n0.5,0.5,a\n0.1,0.2,b\n');
    const r = await run(['predict', fixedModel, data]);
    expect(r.code).toBe(0);
    expect(warnings(r)).toEqual([
      'warning: renamed.csv: model column "x1" read from header "X1" (differs in case or spaces)',
      'warning: renamed.csv: model column "plan" read from header "PLAN" (differs in case or spaces)',
    ]);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
  });
});

describe('targets that make no sense', () => {
  it('train --fixed: an identifier as a multiclass target is refused, suggesting regression; nothing written', async () => {
    const data = file('ids.csv', 'x,id\n' + Array.from({ length: 200 }, (_, i) => `${(i * 7) % 13},${i}`).join('\n') + '\n');
    const out = join(dir, 'ids-model');
    const r = await run(['train', data, '--target', 'id', '--task', 'multiclass', '--fixed', '{}', '--out', out]);
    expectOneError(r, 1, /^error: ids\.csv: target column "id" has 200 distinct values in 200 rows, 200 of them on a single row: .*--task regression/);
    expect(existsSync(out)).toBe(false);
  });

  it('tournament: a text identifier as a target is refused; nothing written', async () => {
    const data = file('names.csv', 'x,name\n' + Array.from({ length: 200 }, (_, i) => `${i % 7},customer-${i}`).join('\n') + '\n');
    const out = join(dir, 'names-model');
    const r = await run(['train', data, '--target', 'name', '--time-budget', '2', '--out', out]);
    expectOneError(r, 1, /^error: names\.csv: target column "name" has 200 distinct values in 200 rows, .*identifier or free text, not a class label/);
    expect(existsSync(out)).toBe(false);
  });

  it('labels differing only by case are one class, with warnings naming the spellings; dropped rows counted', async () => {
    const data = file('cases.csv', ['x1,x2,plan,label', ...rows(300, (i, x1, x2) => {
      if (i % 50 === 0) return '';
      const v = x1 + x2 > 1 ? 'yes' : 'no';
      return i % 7 === 0 ? v.toUpperCase() : i % 11 === 0 ? v[0].toUpperCase() + v.slice(1) : v;
    })].join('\n') + '\n');
    const out = join(dir, 'cases-model');
    const r = await run(['train', data, '--target', 'label', '--fixed', '{"trees":5}', '--json', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.classes).toEqual(['no', 'yes']);
    expect(summary.rows).toBe(294);
    expect(summary.warnings).toEqual([
      expect.stringMatching(/^cases\.csv: target column "label": labels that differ only by case or spaces are one class "(yes|no)": "\1" \(\d+\), "[A-Z][a-zA-Z]*" \(\d+\), "[A-Z][a-zA-Z]*" \(\d+\)$/),
      expect.stringMatching(/one class "(yes|no)"/),
      'cases.csv: target column "label": 6 of 300 rows have no value and are left out',
    ]);
    expect(warnings(r)).toEqual(summary.warnings.map((w: string) => `warning: ${w}`));
  });

  it('tournament: 3 positives in 10,000 rows are refused before any training; nothing written', async () => {
    const data = file('rare.csv', 'x1,x2,y\n' + Array.from({ length: 10_000 }, (_, i) => `${(i * 37) % 100},${(i * 61) % 97},${i === 5 || i === 500 || i === 9000 ? 1 : 0}`).join('\n') + '\n');
    const out = join(dir, 'rare-model');
    const r = await run(['train', data, '--target', 'y', '--time-budget', '5', '--out', out]);
    expectOneError(r, 1, /^error: rare\.csv: class "1" of target column "y" has only 3 of 10000 rows; every class needs at least 10/);
    expect(existsSync(out)).toBe(false);
  });

  it('tournament: a small minority above the minimum runs, with the warning in --json and on stderr', async () => {
    const data = file('small.csv', 'x1,x2,y\n' + Array.from({ length: 400 }, (_, i) => `${(i * 37) % 100},${(i * 61) % 97},${i % 20 === 0 ? 'rare' : 'common'}`).join('\n') + '\n');
    const r = await run(['train', data, '--target', 'y', '--time-budget', '3', '--max-candidates', '1', '--workers', '1', '--models', 'linear', '--json', '--out', join(dir, 'small-model')]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.warnings).toEqual(['small.csv: target column "y": class "rare" has only 20 of 400 rows; a model learns little from so few and scores on them vary widely (50 or more are advisable)']);
    expect(warnings(r)).toEqual(['warning: ' + summary.warnings[0]]);
  });
});

describe('numbers people write', () => {
  it('quoted thousands separators are numbers, with a note saying which convention', async () => {
    const data = file('thousands.csv', 'id,price\n1,"1,037.5"\n2,"2,000"\n3,12.5\n4,"1,234,567.25"\n');
    const r = await run(['profile', data, '--json']);
    expect(r.code).toBe(0);
    const price = JSON.parse(r.stdout).columns[1];
    expect(price).toMatchObject({ name: 'price', type: 'number', min: 12.5, max: 1234567.25 });
    expect(notes(r)).toEqual([`note: column 'price': read as numbers with ',' as thousands separator ("1,037.5")`]);
  });

  it("decimal commas in a ';'-delimited file are numbers, and train --fixed uses the column", async () => {
    const body = Array.from({ length: 120 }, (_, i) => `${(i % 10) + 0.5}`.replace('.', ',') + `;${i % 10 > 4 ? 'yes' : 'no'}`);
    const data = file('decimal-comma.csv', ['amount;label', ...body].join('\n') + '\n');
    const profile = await run(['profile', data, '--json']);
    expect(JSON.parse(profile.stdout).columns[0]).toMatchObject({ type: 'number', min: 0.5, max: 9.5 });
    expect(notes(profile)).toEqual([`note: column 'amount': read as numbers with ',' as the decimal mark ("0,5")`]);
    const r = await run(['train', data, '--target', 'label', '--fixed', '{"trees":5}', '--json', '--out', join(dir, 'decimal-model')]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).dropped).toEqual([]);
  });

  it('a date column mixing six forms is a datetime, with a note naming the forms and the day order', async () => {
    const data = file('dates.csv', 'when,v\n2024-01-05,1\n2024/01/06,2\n25/01/2024,3\n"Jan 8, 2024",4\n9 Jan 2024,5\n2024-01-10 10:30,6\n11.01.2024,7\n');
    const r = await run(['profile', data, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).columns[0]).toMatchObject({ type: 'datetime', minText: '2024-01-05T00:00:00Z', maxText: '2024-01-25T00:00:00Z' });
    expect(notes(r)).toEqual([`note: column 'when': read dates written in 5 forms (ISO, YYYY/MM/DD, slashed, month name, DD.MM.YYYY); read slashed dates as day/month/year ("25/01/2024")`]);
  });

  it('an ambiguous day/month order is read month first and said so; conflicting orders stay text, said so', async () => {
    const r = await run(['profile', file('ambiguous-dates.csv', 'd,v\n01/02/2024,1\n03/04/2024,2\n'), '--json']);
    expect(JSON.parse(r.stdout).columns[0].type).toBe('date');
    expect(notes(r)).toEqual([`note: column 'd': day/month order is ambiguous (no part above 12, e.g. "01/02/2024"); read as month/day/year`]);
    const c = await run(['profile', file('conflicting-dates.csv', 'd,v\n13/02/2024,1\n03/14/2024,2\n'), '--json']);
    expect(JSON.parse(c.stdout).columns[0].type).not.toMatch(/date/);
    expect(notes(c)).toEqual([`note: column 'd': looks like dates but mixes day-first ("13/02/2024") and month-first ("03/14/2024") orders; left as text`]);
  });
});

describe('smaller', () => {
  it('inf and -inf are counted apart; mean and std stay finite', async () => {
    const data = file('inf.csv', 'x\n1\ninf\n3\n-inf\n5\n');
    const r = await run(['profile', data, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).columns[0]).toMatchObject({ infinite: 2, missing: 0, mean: 3, std: 2, min: 1, max: 5 });
    const text = await run(['profile', data]);
    expect(text.stdout).toMatch(/mean 3\s+std 2\s+\(\+ 2 infinite, left out\)/);
  });

  it('JSON in a file named .csv is named as JSON, not a duplicate column', async () => {
    const data = file('records.csv', '[{"x": 1, "target": "yes"},\n {"x": 2, "target": "no"}]\n');
    const r = await run(['train', data, '--target', 'target', '--fixed', '{}', '--out', join(dir, 'records-model')]);
    expectOneError(r, 1, /^error: records\.csv looks like JSON, not CSV: rename it to \.json$/);
    expect(existsSync(join(dir, 'records-model'))).toBe(false);
  });

  it('an error quoting a value with a newline stays one whole line', async () => {
    const data = file('newline.csv', '"a\nb",x,"a\nb"\n1,2,3\n');
    const r = await run(['profile', data]);
    expectOneError(r, 1, /^error: \S*newline\.csv: duplicate column name 'a\\nb' \(columns 1 and 3\)$/);
  });
});
