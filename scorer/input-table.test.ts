import { describe, expect, it } from 'vitest';
import { readCsv } from '../kernels/io/from-csv';
import { compileSchema, InputBatch, InputError, tableFromCsvTable, tableFromJsonRows } from './input-table';
import type { InputField } from './load-model';

const fields: InputField[] = [
  { name: 'age', type: 'integer', storage: 'numeric', min: 18, max: 90 },
  { name: 'member', type: 'boolean', storage: 'numeric' },
  { name: 'joined', type: 'date', storage: 'numeric' },
  { name: 'plan', type: 'categorical', storage: 'string', categories: ['basic', 'pro'] },
];
const schema = compileSchema(fields);

describe('tableFromJsonRows', () => {
  it('reads values as the pipeline wants them: numbers from text, NA as missing, loose header names', () => {
    const { table, stats } = tableFromJsonRows(schema, [
      { age: '1,234', member: 'yes', joined: '2024-02-01', plan: 'pro' },
      { ' AGE ': 30, member: false, joined: 1706745600000, plan: 7 },
      { age: 'NA', plan: null, extra: 1 },
    ]);
    expect(Array.from(table.columns[0].values as Float64Array)).toEqual([1234, 30, NaN]);
    expect(Array.from(table.columns[1].values as Float64Array)).toEqual([1, 0, NaN]);
    expect((table.columns[2].values as Float64Array)[0]).toBe(Date.parse('2024-02-01'));
    expect(table.columns[3].values).toEqual(['pro', '7', null]);
    expect(stats).toMatchObject({ rows: 3, rowsWithMissing: 1, rowsOutOfRange: 1, unknownFields: 1 });
    expect(stats.unseen).toEqual(new Map([['plan', 1]]));
  });

  it('names the row and the field of a value that cannot belong to its column', () => {
    const bad = (row: Record<string, unknown>) => () => tableFromJsonRows(schema, [{}, row]);
    expect(bad({ age: 'old' })).toThrow('row 2, field "age": expected a number, got "old"');
    expect(bad({ age: true })).toThrow('row 2, field "age": expected a number, got true');
    expect(bad({ member: 'maybe' })).toThrow(/row 2, field "member": expected a boolean/);
    expect(bad({ joined: 'someday' })).toThrow(/row 2, field "joined": expected a date/);
    expect(bad({ plan: ['a'] })).toThrow('row 2, field "plan": expected text, a number or null, got an array');
    expect(bad({ age: Number.POSITIVE_INFINITY })).toThrow(InputError);
  });
});

describe('tableFromCsvTable', () => {
  it('applies the same checks to cells the CSV reader kept as text', () => {
    const csv = readCsv(new TextEncoder().encode('age,plan,other\n40,basic,x\n,gold,y\n'), { fileName: 'body' });
    const { table, stats } = tableFromCsvTable(schema, csv);
    expect(Array.from(table.columns[0].values as Float64Array)).toEqual([40, NaN]);
    expect(table.columns[3].values).toEqual(['basic', 'gold']);
    expect(stats).toMatchObject({ rows: 2, rowsWithMissing: 2, unknownFields: 2 });
    const bad = readCsv(new TextEncoder().encode('age\n40\nforty\n'), { fileName: 'body' });
    expect(() => tableFromCsvTable(schema, bad)).toThrow('row 2, field "age": expected a number, got "forty"');
  });
});

describe('InputBatch row ranges (a big request scored in parts)', () => {
  const csv = readCsv(new TextEncoder().encode('age,plan\n30,basic\n40,pro\nold,pro\n50,basic\n'), { fileName: 'body.csv' });
  const json = [{ age: 30, plan: 'basic' }, { age: 40 }, { age: 'old' }, { age: 50, plan: 'pro' }];

  it('appends rows [from, to) of a JSON or CSV body, numbering a bad row as in the body', () => {
    for (const append of [(b: InputBatch, from: number, to: number) => b.appendJsonRows(json, from, to), (b: InputBatch, from: number, to: number) => b.appendCsvTable(csv, from, to)]) {
      const part = new InputBatch(schema, 2);
      append(part, 0, 2);
      expect(Array.from(part.finish().table.columns[0].values as Float64Array)).toEqual([30, 40]);
      const tail = new InputBatch(schema, 1);
      append(tail, 3, 4);
      expect(Array.from(tail.finish().table.columns[0].values as Float64Array)).toEqual([50]);
      expect(() => append(new InputBatch(schema, 2), 2, 4)).toThrow('row 3, field "age": expected a number, got "old"');
    }
  });

  it('prints only the appended range of a CSV column the reader typed as numbers into a text field', () => {
    const coded = readCsv(new TextEncoder().encode('age,plan\n30,1\n40,2\n50,3\n'), { fileName: 'body.csv' });
    expect(coded.columns[1].storage).toBe('numeric');
    const part = new InputBatch(schema, 2);
    part.appendCsvTable(coded, 1, 3);
    expect(part.finish().table.columns[3].values).toEqual(['2', '3']);
  });
});
