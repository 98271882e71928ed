import { describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readTable } from './read-table';
import { sniffFormat } from './sniff-format';
import { DataError, type DataTable } from '../table/types';

const utf8 = (text: string) => new TextEncoder().encode(text);
const cells = (table: DataTable, name: string) => Array.from(table.columns.find((c) => c.name === name)!.values as ArrayLike<unknown>);
const types = (table: DataTable) => Object.fromEntries(table.columns.map((c) => [c.name, c.type]));

async function errorOf(promise: Promise<unknown>): Promise<DataError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return err as DataError;
  }
  throw new Error('expected a DataError');
}

describe('sniffFormat', () => {
  it('uses magic bytes, then the extension, then the content', () => {
    expect(sniffFormat(utf8('PAR1....'), 'x.csv')).toBe('parquet');
    expect(sniffFormat(utf8('a\tb\n'), 'x.tsv')).toBe('tsv');
    expect(sniffFormat(utf8('{"a":1}\n{"a":2}\n'), 'x.json')).toBe('ndjson');
    expect(sniffFormat(utf8('{\n "a": [1]\n}'), 'x.json')).toBe('json');
    expect(sniffFormat(utf8(' [{"a":1}]'), 'data')).toBe('json');
    expect(sniffFormat(utf8('a,b\n1,2\n'), 'data')).toBe('csv');
    expect(sniffFormat(utf8('{"a":1}\n'), 'x.jsonl')).toBe('ndjson');
  });
});

describe('readTable', () => {
  it('refuses a file over the memory budget, saying its size and the budget', async () => {
    const err = await errorOf(readTable(new Uint8Array(3 * 1024 * 1024), { fileName: 'big.csv', maxBytes: 1024 * 1024 }));
    expect(err.message).toBe('big.csv is 3.0 MB, over the memory budget of 1.0 MB; sample it or raise the budget');
  });

  it('refuses an empty file', async () => {
    expect((await errorOf(readTable(new Uint8Array(0), { fileName: 'e.csv' }))).message).toBe('e.csv is empty');
  });

  it('reads TSV and reports progress up to 1', async () => {
    const progress: number[] = [];
    const t = await readTable(utf8('a\tb\n1\tx,y\n2\tz\n'), { fileName: 'd.tsv', onProgress: (f) => progress.push(f) });
    expect(cells(t, 'b')).toEqual(['x,y', 'z']);
    expect(t.name).toBe('d');
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
  });

  it('applies type overrides after inference', async () => {
    const t = await readTable(utf8('code,flag\n1,yes\n2,no\n3,yes\n'), { fileName: 'o.csv', typeOverrides: { code: 'categorical', flag: 'boolean' } });
    expect(types(t)).toEqual({ code: 'categorical', flag: 'boolean' });
    expect(cells(t, 'code')).toEqual(['1', '2', '3']);
    expect(cells(t, 'flag')).toEqual([1, 0, 1]);
    const bad = await errorOf(readTable(utf8('a\nx\ny\n'), { fileName: 'o.csv', typeOverrides: { nope: 'integer' } }));
    expect(bad.message).toMatch(/no column named 'nope'/);
  });
});

describe('JSON', () => {
  it('reads an array of records, unioning keys and typing values', async () => {
    const json = JSON.stringify([
      { id: 'a1', n: 1, x: 1.5, ok: true, when: '2024-01-02', tags: ['a'] },
      { id: 'a2', n: 2, x: null, ok: false, when: '2024-02-03' },
      { id: 'a3', n: 3, x: 2.5, ok: true, when: '2024-03-04', extra: 'late' },
    ]);
    const t = await readTable(utf8(json), { fileName: 'r.json' });
    expect(t.rowCount).toBe(3);
    expect(types(t)).toEqual({ id: 'id', n: 'integer', x: 'number', ok: 'boolean', when: 'date', tags: 'constant', extra: 'constant' });
    expect(cells(t, 'x')).toEqual([1.5, NaN, 2.5]);
    expect(cells(t, 'when')).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 1, 3), Date.UTC(2024, 2, 4)]);
    expect(cells(t, 'tags')).toEqual(['["a"]', null, null]);
  });

  it('reads pandas split, columns and column-array shapes', async () => {
    const split = await readTable(utf8('{"columns":["a","b"],"data":[[1,"x"],[2,"y"]]}'), { fileName: 's.json' });
    expect(cells(split, 'b')).toEqual(['x', 'y']);
    const byColumn = await readTable(utf8('{"a":{"0":1,"1":2},"b":{"0":"x","1":"y"}}'), { fileName: 'c.json' });
    expect(cells(byColumn, 'a')).toEqual([1, 2]);
    const arrays = await readTable(utf8('{"a":[1,2,3],"b":["u","v","w"]}'), { fileName: 'c.json' });
    expect(arrays.rowCount).toBe(3);
  });

  it('names the line and column of invalid JSON', async () => {
    const err = await errorOf(readTable(utf8('[\n  {"a": 1},\n  {"a": 2,,}\n]'), { fileName: 'bad.json' }));
    expect(err.message).toBe("bad.json: line 3, column 11: invalid JSON: expected a property name in double quotes, found ','");
    expect(err.where.line).toBe(3);
    const trunc = await errorOf(readTable(utf8('[{"a": "x'), { fileName: 't.json' }));
    expect(trunc.message).toMatch(/^t\.json: line 1, column 10: invalid JSON: unterminated string/);
  });

  it('refuses JSON that is not a table', async () => {
    expect((await errorOf(readTable(utf8('42'), { fileName: 'n.json' }))).message).toMatch(/expected an array of records/);
    expect((await errorOf(readTable(utf8('[1, 2]'), { fileName: 'n.json' }))).message).toBe('n.json: record 1 is a number, expected an object of column values');
    expect((await errorOf(readTable(utf8('[]'), { fileName: 'n.json' }))).message).toBe('n.json has no records');
  });
});

describe('NDJSON', () => {
  it('reads one record a line, skipping blank lines', async () => {
    const t = await readTable(utf8('{"a":1,"b":"x"}\n\n{"a":2,"b":"y"}\r\n{"a":3}\n'), { fileName: 'l.ndjson' });
    expect(t.rowCount).toBe(3);
    expect(cells(t, 'a')).toEqual([1, 2, 3]);
    expect(cells(t, 'b')).toEqual(['x', 'y', null]);
  });

  it('names the line of a broken record', async () => {
    const err = await errorOf(readTable(utf8('{"a":1}\n{"a":2}\n\n{"a":}\n'), { fileName: 'l.ndjson' }));
    expect(err.message).toBe("l.ndjson: line 4, column 6: invalid JSON: unexpected '}'");
    const notObject = await errorOf(readTable(utf8('{"a":1}\n[2]\n'), { fileName: 'l.ndjson' }));
    expect(notObject.message).toBe('l.ndjson: line 2 is an array, expected an object of column values');
  });
});

describe('Parquet', () => {
  it('reads typed columns with missing values', async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'species', data: ['Adelie', 'Gentoo', null, 'Adelie'], type: 'STRING' },
        { name: 'mass', data: [3750.5, 5000, 4100, null], type: 'DOUBLE' },
        { name: 'count', data: [1, 2, 3, 4], type: 'INT32' },
        { name: 'big', data: [10n, 20n, 30n, 40n], type: 'INT64' },
        { name: 'flag', data: [true, false, true, null], type: 'BOOLEAN' },
        { name: 'at', data: [new Date(Date.UTC(2024, 0, 1, 12)), new Date(Date.UTC(2024, 0, 2)), null, new Date(Date.UTC(2024, 0, 3))], type: 'TIMESTAMP' },
      ],
    });
    const t = await readTable(new Uint8Array(buffer), { fileName: 'p.parquet' });
    expect(t.rowCount).toBe(4);
    expect(types(t)).toEqual({ species: 'categorical', mass: 'number', count: 'integer', big: 'integer', flag: 'boolean', at: 'datetime' });
    expect(cells(t, 'species')).toEqual(['Adelie', 'Gentoo', null, 'Adelie']);
    expect(cells(t, 'mass')).toEqual([3750.5, 5000, 4100, NaN]);
    expect(cells(t, 'big')).toEqual([10, 20, 30, 40]);
    expect(cells(t, 'at')[0]).toBe(Date.UTC(2024, 0, 1, 12));
  });

  it('refuses a corrupt Parquet file', async () => {
    const bytes = utf8('PAR1 this is not really parquet PAR1');
    expect((await errorOf(readTable(bytes, { fileName: 'x.parquet' }))).message).toMatch(/^x\.parquet is not a readable Parquet file/);
  });
});

describe('UTF-16 JSON', () => {
  it('reads JSON saved as UTF-16 with a byte-order mark', async () => {
    const text = '[{"name":"Zoë","n":1},{"name":"Émile","n":2}]';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const t = await readTable(bytes, { fileName: 'u.json' });
    expect(cells(t, 'name')).toEqual(['Zoë', 'Émile']);
  });
});
