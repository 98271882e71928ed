// The chunked reader must give exactly readCsv's table (types, values, notes) or error, wherever
// the chunk boundaries fall: reference data sets, and generated files with quoted newlines,
// CRLF, BOM, blank lines, missing tokens, columns whose kind differs between chunks, and faults.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from './from-csv';
import { chunkBytes, chunkCount, mergeCsvChunks, planCsvChunks, readCsvChunked } from './read-csv-chunked';
import { finishCsvTable } from './csv-finish';
import { MODE_STRING } from './csv-scan';
import { scanCsvChunk, summarizeChunk, takeChunkColumns } from './csv-chunk';
import { resolveChunkModes } from './csv-merge';
import { splitCsvChunks } from './csv-split';
import { mulberry32 } from '../random/random';

const DIR = '../shared/data';
const encode = (text: string) => new TextEncoder().encode(text);

function outcome(read: () => unknown): unknown {
  try {
    return { table: read() };
  } catch (error) {
    return { error: (error as Error).message, where: (error as { where?: unknown }).where };
  }
}

function expectSameAsOnePass(bytes: Uint8Array, fileName: string, counts: number[]): void {
  const expected = outcome(() => readCsv(bytes, { fileName }));
  for (const count of counts) {
    const got = outcome(() => readCsvChunked(bytes, { fileName }, count));
    expect([count, got]).toEqual([count, expected]);
  }
}


/** A cell generator per column kind; `row` lets a kind change part-way through the file. */
type Kind = (rand: () => number, row: number, rows: number) => string;
const pick = <T>(rand: () => number, xs: T[]): T => xs[Math.floor(rand() * xs.length)];
const KINDS: Record<string, Kind> = {
  integer: (r) => (r() < 0.1 ? '' : String(Math.floor(r() * 100) - 20)),
  decimal: (r) => (r() < 0.05 ? 'NA' : (r() * 10).toFixed(2)),
  exponent: (r) => (r() < 0.5 ? '1e3' : String(Math.floor(r() * 9))),
  numberThenText: (r, row, rows) => (row > rows * 0.8 ? pick(r, ['x', 'y']) : String(Math.floor(r() * 5))),
  textThenNumber: (r, row, rows) => (row < rows * 0.1 ? pick(r, ['x', 'y']) : String(Math.floor(r() * 5))),
  missingThenDate: (r, row, rows) => (row < rows * 0.6 ? pick(r, ['', 'NA']) : `2024-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`),
  dateThenMissing: (r, row, rows) => (row > rows * 0.4 ? '' : `2023-1${Math.floor(r() * 3)}-0${1 + Math.floor(r() * 9)} 12:0${Math.floor(r() * 9)}`),
  dateThenNumber: (r, row, rows) => (row > rows * 0.7 ? '7' : '2024-02-29'),
  numberThenDate: (r, row, rows) => (row > rows * 0.7 ? '2024-02-28' : '7'),
  category: (r) => pick(r, ['Yes', 'No', 'Maybe', '']),
  boolean: (r) => pick(r, ['true', 'false']),
  quoted: (r) => pick(r, ['"a, b"', '"line\nbreak"', '"say ""hi"""', '"crlf\r\ninside"', 'plain', '""', '"x"']),
  long: (r) => `value number ${Math.floor(r() * 40)} with words`,
  accents: (r) => pick(r, ['café', 'naïve', 'plain', 'Zoë']),
  id: (_r, row) => String(row + 1),
};

function generate(seed: number, kinds: string[], rows: number, options: { crlf?: boolean; bom?: boolean; blankLines?: boolean; delimiter?: string } = {}): string {
  const rand = mulberry32(seed);
  const nl = options.crlf ? '\r\n' : '\n';
  const d = options.delimiter ?? ',';
  const lines = [kinds.join(d)];
  for (let row = 0; row < rows; row++) {
    lines.push(kinds.map((k) => KINDS[k](rand, row, rows)).join(d));
    if (options.blankLines && rand() < 0.05) lines.push('');
  }
  return (options.bom ? '\uFEFF' : '') + lines.join(nl) + (rand() < 0.5 ? nl : '');
}

describe('splitCsvChunks', () => {
  it('cuts after line breaks outside quotes, never between CR and LF', () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n2,z\r\n3,w\r\n';
    const bytes = encode(text);
    const start = text.indexOf('1');
    for (let count = 2; count <= 8; count++) {
      const bounds = splitCsvChunks(bytes, start, count);
      expect(bounds[0]).toBe(start);
      expect(bounds[bounds.length - 1]).toBe(bytes.length);
      for (const b of bounds.slice(1, -1)) {
        expect(bytes[b - 1]).toBe(10);
        expect([text.indexOf('2,z'), text.indexOf('3,w')]).toContain(b);
      }
    }
  });

  it('gives fewer chunks than asked when one quoted field spans the rest', () => {
    const text = 'a\n"' + 'x\n'.repeat(50) + '"\n';
    expect(splitCsvChunks(encode(text), 2, 4)).toEqual([2, text.length]);
  });
});

describe('readCsvChunked', () => {
  const files = readdirSync(DIR).filter((f) => /\.(csv|tsv)$/.test(f)).sort();
  it.each(files)('reads %s exactly as one pass does', (file) => {
    expectSameAsOnePass(readFileSync(`${DIR}/${file}`), file, [2, 5]);
  });

  it('matches one pass on generated files with every column kind, wherever the splits fall', () => {
    const kinds = Object.keys(KINDS);
    for (let seed = 1; seed <= 12; seed++) {
      const text = generate(seed, kinds, 40 + seed * 13, { crlf: seed % 3 === 0, bom: seed % 4 === 1, blankLines: seed % 2 === 0, delimiter: seed % 5 === 0 ? ';' : ',' });
      expectSameAsOnePass(encode(text), `gen-${seed}.csv`, [2, 3, 5, 9]);
    }
  });

  it('resolves a column whose kind changes exactly at the chunk boundary as one pass does', () => {
    const switches = [
      ['2024-02-29', '7'], ['7', '2024-02-29'], ['NA', '2024-02-29 10:00'], ['2024-02-29 10:00', ''], ['', '2024-01-01'],
      ['1.5', 'x'], ['x', '3'], ['', '3'], ['-1.#IND', '3'], ['3', '1e2'], ['2', '2.0'], ['true', 'false'], ['"q""', 'q'],
    ];
    const line = (cell: string) => `${cell},${'p'.repeat(20 - cell.length)}`;
    const rows = 101;
    for (const [a, b] of switches) {
      const uniform = encode(['v,pad', ...Array.from({ length: rows }, () => line(a))].join('\n'));
      const bounds = splitCsvChunks(uniform, 6, 2);
      const switchRow = (bounds[1] - 6) / 22;
      expect(Number.isInteger(switchRow)).toBe(true);
      const text = ['v,pad', ...Array.from({ length: rows }, (_, r) => line(r < switchRow ? a : b))].join('\n');
      expect(splitCsvChunks(encode(text), 6, 2)).toEqual(bounds);
      expectSameAsOnePass(encode(text), `switch-${a}-${b}.csv`, [2]);
    }
  });

  it('reports a ragged row in a later chunk at its line in the file', () => {
    const lines = ['a,b', ...Array.from({ length: 99 }, (_, i) => `${i},"q\nq"`)];
    lines[80] = '5';
    const bytes = encode(lines.join('\n') + '\n');
    expect(() => readCsvChunked(bytes, { fileName: 'r.csv' }, 2)).toThrow('r.csv: line 160: expected 2 fields (as in the header), found 1');
    expectSameAsOnePass(bytes, 'r.csv', [2, 3, 4]);
  });

  it('matches one pass on stray and unbalanced quotes', () => {
    const stray = ['a,b', ...Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? `1,ab"c` : `${i},"x\ny"`))].join('\n');
    expectSameAsOnePass(encode(stray), 's.csv', [2, 3, 4, 6]);
    const unbalanced = ['a,b', ...Array.from({ length: 60 }, (_, i) => (i === 40 ? `1,"open` : `${i},x`))].join('\n');
    expectSameAsOnePass(encode(unbalanced), 'u.csv', [2, 3, 4, 6]);
  });

  it('matches one pass on Latin-1 bytes, tokens read as missing and a header with no rows', () => {
    const latin1 = Uint8Array.from([...encode('name,n\n'), ...Array.from({ length: 30 }, (_, i) => [...encode(`caf`), 0xe9, ...encode(`${i % 3},${i}\n`)]).flat()]);
    expectSameAsOnePass(latin1, 'l.csv', [2, 4]);
    const tokens = 'x\n' + Array.from({ length: 200 }, (_, i) => (i % 50 === 7 ? '?' : String(i % 13))).join('\n');
    expectSameAsOnePass(encode(tokens), 't.csv', [2, 3]);
    expectSameAsOnePass(encode('a,b\n\n\n'), 'h.csv', [2]);
  });

  it('gives the same table when chunks write their numbers straight into shared merged columns', () => {
    const text = generate(7, Object.keys(KINDS), 300, { crlf: true });
    const plan = planCsvChunks(encode(text), { fileName: 'p.csv' }, 3);
    const scans = Array.from({ length: chunkCount(plan) }, (_, k) => scanCsvChunk(chunkBytes(plan, k), plan.dialect));
    const summaries = scans.map(summarizeChunk);
    const modes = resolveChunkModes(summaries);
    const rows = summaries.reduce((sum, s) => sum + s.rows, 0);
    const into = modes.map((mode) => (mode === MODE_STRING ? null : new Float64Array(new SharedArrayBuffer(rows * 8))));
    let offset = 0;
    const chunks = scans.map((scan, k) => {
      const chunk = takeChunkColumns(scan, modes, { into, offset });
      offset += summaries[k].rows;
      return chunk;
    });
    expect(into.some(Boolean)).toBe(true);
    const table = finishCsvTable(mergeCsvChunks(plan, chunks, modes, into));
    expect(table).toEqual(readCsv(encode(text), { fileName: 'p.csv' }));
  });
});
