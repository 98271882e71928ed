// Property test over generated CSVs (issue 17): random headers, quoting, delimiters, numbers in
// many notations, dates, missing cells, BOMs, CRLF, stray JSON. Through readTable + profileTable
// in process, every file either loads or fails with a DataError (never another exception), the
// profile of every number column has a finite mean, and each case finishes within a time limit.
// A few cases also go through real `tourney profile` and `tourney train --fixed` processes: exit
// codes within the contract (0, 1, 2), at most one `error:` line, no stack trace, no hang.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../../kernels/io/read-table';
import { profileTable } from '../../kernels/profile/profile-table';
import { DataError } from '../../kernels/table/types';

const BIN = join(import.meta.dirname, '..', 'bin', 'tourney.js');
const dir = mkdtempSync(join(tmpdir(), 'tourney-csv-property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const numberCell = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((v) => String(v)),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((v) => v.toExponential(3)),
  fc.integer({ min: 0, max: 9_999_999 }).map((v) => v.toLocaleString('en-US') + '.5'),
  fc.integer({ min: 0, max: 99_999 }).map((v) => `${v},${v % 100}`),
  fc.integer({ min: 0, max: 9_999_999 }).map((v) => v.toLocaleString('de-DE') + ',25'),
  fc.constantFrom('inf', '-inf', 'Infinity', 'NaN', 'NA', 'n/a', '?', '-', '', ' ', '007', '1e', '.5', '+3', '1 234,5'),
);
const dateCell = fc.constantFrom('2024-01-05', '2024/01/06', '25/01/2024', '01/02/2024', 'Jan 8, 2024', '9 Jan 2024', '2024-01-10 10:30', '11.01.2024', '2024-02-30', '13/13/2024');
const textCell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('yes', 'No', 'NO', ' no ', 'a,b', 'say "hi"', 'line\nbreak', '{"target": "no"}', '[1,2]', 'é', '\u00a0'),
);
const cell = fc.oneof(numberCell, dateCell, textCell);
const header = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('id', 'target', 'Target', ' x ', 'x', 'a"b', 'a\nb', ''));

interface GeneratedCsv { text: string; delimiter: string }
const csv: fc.Arbitrary<GeneratedCsv> = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  names: fc.array(header, { minLength: 1, maxLength: 6 }),
  columnKinds: fc.array(fc.constantFrom<'number' | 'date' | 'text' | 'any'>('number', 'date', 'text', 'any'), { minLength: 6, maxLength: 6 }),
  rows: fc.array(fc.array(fc.tuple(cell, numberCell, dateCell, textCell), { minLength: 6, maxLength: 6 }), { maxLength: 25 }),
  quoteAll: fc.boolean(),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  raggedRow: fc.boolean(),
  json: fc.constantFrom(false, false, false, false, true),
}).map((g) => {
  if (g.json) return { text: JSON.stringify(g.rows.map((r) => Object.fromEntries(r.map((c, j) => [g.names[j % g.names.length] ?? 'x', c[0]])))), delimiter: g.delimiter };
  const field = (s: string) => (g.quoteAll || /["\n\r]/.test(s) || s.includes(g.delimiter) ? `"${s.replace(/"/g, '""')}"` : s);
  const width = g.names.length;
  const lines = [g.names.map(field).join(g.delimiter)];
  g.rows.forEach((r, i) => {
    const cells = Array.from({ length: width }, (_, j) => {
      const [any, num, date, text] = r[j];
      const kind = g.columnKinds[j];
      return kind === 'number' ? num : kind === 'date' ? date : kind === 'text' ? text : any;
    });
    if (g.raggedRow && i === 1) cells.push('extra');
    lines.push(cells.map(field).join(g.delimiter));
  });
  return { text: (g.bom ? '\ufeff' : '') + lines.join(g.crlf ? '\r\n' : '\n') + '\n', delimiter: g.delimiter };
});

const CASE_MS = 2000;

describe('generated CSVs through readTable and profileTable', () => {
  it('load or fail with a DataError, profile with finite means, each within the time limit', async () => {
    await fc.assert(fc.asyncProperty(csv, async ({ text }) => {
      const started = performance.now();
      let table;
      try {
        table = await readTable(new TextEncoder().encode(text), { fileName: 'generated.csv' });
      } catch (err) {
        expect(err).toBeInstanceOf(DataError);
        expect((err as Error).message).toMatch(/^generated\.csv/);
        return;
      }
      const profile = profileTable(table);
      for (const c of profile.columns) {
        if (c.mean !== undefined) expect(Number.isFinite(c.mean)).toBe(true);
        if (c.std !== undefined) expect(Number.isFinite(c.std)).toBe(true);
      }
      expect(performance.now() - started).toBeLessThan(CASE_MS);
    }), { numRuns: 400, seed: 17 });
  });
});

function run(args: string[]): Promise<{ code: number | null; stderr: string; killed: boolean }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, timeout: 45_000, maxBuffer: 16 << 20 }, (err, _stdout, stderr) => {
      const killed = !!err && (err as { killed?: boolean }).killed === true;
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stderr, killed });
    });
  });
}

describe('generated CSVs through the CLI', () => {
  it('profile and train --fixed exit within the contract, with one error line and no stack trace', async () => {
    const cases = fc.sample(csv, { numRuns: 6, seed: 42 });
    for (const [k, { text }] of cases.entries()) {
      const path = join(dir, `case-${k}.csv`);
      writeFileSync(path, text);
      const target = text.replace(/^\ufeff/, '').split(/\r?\n/)[0].split(/[,;\t|]/)[0].replace(/"/g, '') || 'x';
      for (const args of [['profile', path], ['train', path, '--target', target, '--fixed', '{"trees":3}', '--out', join(dir, `model-${k}`)]]) {
        const r = await run(args);
        expect(r.killed, `${args[0]} on case ${k} hung`).toBe(false);
        expect([0, 1, 2]).toContain(r.code);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
        expect(errors.length).toBe(r.code === 0 ? 0 : 1);
      }
    }
  }, 300_000);
});
