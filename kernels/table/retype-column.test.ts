import { describe, expect, it } from 'vitest';
import { retypeColumn, cellTexts } from './retype-column';
import { DataError, type DataTable } from './types';

const table = (): DataTable => ({
  name: 't',
  rowCount: 4,
  columns: [
    { name: 'code', type: 'categorical', storage: 'string', values: ['1', '2', null, 'x7'] },
    { name: 'n', type: 'integer', storage: 'numeric', values: Float64Array.from([1, 0, NaN, 1]) },
    { name: 'when', type: 'categorical', storage: 'string', values: ['2024-01-01', '2024-01-02', null, '2024-01-03'] },
    { name: 'ok', type: 'categorical', storage: 'string', values: ['Yes', 'No', 'NA', 'yes'] },
  ],
});

const errorOf = (fn: () => unknown): DataError => {
  try { fn(); } catch (err) { expect(err).toBeInstanceOf(DataError); return err as DataError; }
  throw new Error('expected a DataError');
};

describe('retypeColumn', () => {
  it('names the column and a bad value when text cannot become numbers', () => {
    const err = errorOf(() => retypeColumn(table(), 'code', 'integer'));
    expect(err.message).toBe(`cannot make column 'code' integer: 1 of 3 values are not whole numbers, e.g. "x7" (row 4)`);
    expect(err.where.column).toBe('code');
  });

  it('converts numbers to categories and back, and yes/no words to booleans', () => {
    const t = retypeColumn(table(), 'n', 'categorical');
    expect(t.columns[1]).toMatchObject({ type: 'categorical', storage: 'string', values: ['1', '0', null, '1'] });
    const back = retypeColumn(t, 'n', 'number');
    expect(Array.from(back.columns[1].values as Float64Array)).toEqual([1, 0, NaN, 1]);
    const ok = retypeColumn(table(), 'ok', 'boolean').columns[3];
    expect(ok).toMatchObject({ type: 'boolean', storage: 'numeric', labels: ['No', 'Yes'] });
    expect(Array.from(ok.values as Float64Array)).toEqual([1, 0, NaN, 1]);
  });

  it('parses dates and formats them back to text', () => {
    const t = retypeColumn(table(), 'when', 'date');
    expect(t.columns[2].storage).toBe('numeric');
    expect(cellTexts(t.columns[2])).toEqual(['2024-01-01', '2024-01-02', null, '2024-01-03']);
    expect(errorOf(() => retypeColumn(table(), 'code', 'date')).message).toMatch(/3 of 3 values are not dates, e\.g\. "1" \(row 1\)/);
  });

  it('refuses booleans from many distinct values, constants from several and unknown columns', () => {
    expect(errorOf(() => retypeColumn(table(), 'code', 'boolean')).message).toMatch(/^cannot make column 'code' boolean: 3 of 3 values are distinct/);
    expect(errorOf(() => retypeColumn(table(), 'code', 'constant')).message).toMatch(/are distinct/);
    expect(errorOf(() => retypeColumn(table(), 'nope', 'text')).message).toBe("no column named 'nope' in t");
  });

  it('leaves the input table untouched', () => {
    const t = table();
    retypeColumn(t, 'n', 'categorical');
    expect(t.columns[1].type).toBe('integer');
  });
});
