import { describe, expect, it } from 'vitest';
import { readTable } from './read-table';

const enc = (s: string) => new TextEncoder().encode(s);

describe('JSON in a file named .csv', () => {
  it('names the problem instead of a duplicate column named after a JSON fragment', async () => {
    const records = '[{"x": 1, "target": "yes"},\n {"x": 2, "target": "no"}]\n';
    await expect(readTable(enc(records), { fileName: 'data.csv' })).rejects.toThrow('data.csv looks like JSON, not CSV: rename it to .json');
    const lines = '{"x": 1, "target": "yes"}\n{"x": 2, "target": "no"}\n';
    await expect(readTable(enc('\ufeff' + lines), { fileName: 'data.csv' })).rejects.toThrow(/data.csv looks like NDJSON .*rename it to .ndjson/);
    await expect(readTable(enc(lines), { fileName: 'data.tsv' })).rejects.toThrow(/not TSV: rename it to .ndjson/);
  });

  it('still reads CSV whose first header starts with a bracket', async () => {
    const t = await readTable(enc('[a],b\n1,2\n'), { fileName: 'ok.csv' });
    expect(t.columns.map((c) => c.name)).toEqual(['[a]', 'b']);
  });
});
