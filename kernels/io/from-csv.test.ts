import { describe, expect, it } from 'vitest';
import { readCsv } from './from-csv';
import { sniffDelimiter } from './csv-sniff';
import { unquoteField } from './csv-scan';
import { DataError, type Column, type DataTable } from '../table/types';

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (text: string | Uint8Array, fileName = 'test.csv') => readCsv(typeof text === 'string' ? utf8(text) : text, { fileName });
const col = (table: DataTable, name: string): Column => {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
};
const cells = (table: DataTable, name: string) => Array.from(col(table, name).values as ArrayLike<unknown>);

function errorOf(fn: () => unknown): DataError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return err as DataError;
  }
  throw new Error('expected a DataError');
}

describe('readCsv parsing', () => {
  it('reads RFC 4180 quoting: "" escapes, delimiters and newlines inside quotes', () => {
    const t = read('a,b\n"x, ""quoted""","line1\nline2"\nplain,"ends with """\n');
    expect(t.rowCount).toBe(2);
    expect(cells(t, 'a')).toEqual(['x, "quoted"', 'plain']);
    expect(cells(t, 'b')).toEqual(['line1\nline2', 'ends with "']);
  });

  it('handles CRLF, lone CR, a UTF-8 BOM, no final newline and blank lines', () => {
    for (const text of ['\uFEFFn,s\r\n1,a\r\n\r\n2,b', 'n,s\r1,a\r2,b\r', 'n,s\n\n1,a\n2,b\n\n\n']) {
      const t = read(text);
      expect(t.columns.map((c) => c.name)).toEqual(['n', 's']);
      expect(cells(t, 'n')).toEqual([1, 2]);
      expect(cells(t, 's')).toEqual(['a', 'b']);
    }
  });

  it('sniffs ; TAB and | delimiters, respecting quotes', () => {
    expect(sniffDelimiter(utf8('a;b;c\n1,5;2;"x;y"\n3;4;5\n'), 0)).toBe(';');
    expect(sniffDelimiter(utf8('a\tb\n"1,2"\t3\n'), 0)).toBe('\t');
    expect(sniffDelimiter(utf8('a|b\n1|2\n'), 0)).toBe('|');
    expect(sniffDelimiter(utf8('a,b\n"1;2",3\n4,5\n'), 0)).toBe(',');
    const t = read('price;label\n1.5;"a;b"\n2;c\n');
    expect(cells(t, 'price')).toEqual([1.5, 2]);
    expect(cells(t, 'label')).toEqual(['a;b', 'c']);
  });

  it('parses numbers from bytes exactly like Number(), with missing tokens as NaN', () => {
    const t = read('x,y\n0.1,1e3\n-2.5,NA\n"3",\n123456789012345678,-1.25E-2\n 7 ,nan\n');
    expect(cells(t, 'x')).toEqual([0.1, -2.5, 3, 123456789012345680, 7]);
    expect(cells(t, 'y')).toEqual([1000, NaN, NaN, -0.0125, NaN]);
    expect(col(t, 'x').type).toBe('number');
  });

  it('keeps codes with leading zeros as text', () => {
    const t = read('zip,n\n02134,1\n10001,2\n00501,3\n');
    expect(col(t, 'zip').storage).toBe('string');
    expect(cells(t, 'zip')).toEqual(['02134', '10001', '00501']);
  });

  it('turns a column into text when a non-number appears late, keeping earlier cells exactly', () => {
    const lines = ['code,v'];
    for (let i = 0; i < 3000; i++) lines.push(`${i % 7 === 0 ? '"1.50"' : i},${i * 2}`);
    lines.push('"x ""2""",3000');
    const t = read(lines.join('\n'));
    expect(t.rowCount).toBe(3001);
    const code = cells(t, 'code');
    expect(code[0]).toBe('1.50');
    expect(code[1]).toBe('1');
    expect(code[3000]).toBe('x "2"');
    expect(col(t, 'v').type).toBe('integer');
  });

  it('reads a few non-numeric tokens in a numeric column as missing, with a note', () => {
    const lines = ['v'];
    for (let i = 0; i < 100; i++) lines.push(i === 50 ? '?' : String(i / 2));
    const t = read(lines.join('\n'));
    expect(col(t, 'v').type).toBe('number');
    expect(cells(t, 'v')[50]).toBeNaN();
    expect(cells(t, 'v')[51]).toBe(25.5);
    expect(t.notes).toEqual([`column 'v': read "?" as missing in an otherwise numeric column`]);
  });

  it('with strictNumbers keeps such a column as text (the scorer then refuses the word by row)', () => {
    const lines = ['v'];
    for (let i = 0; i < 100; i++) lines.push(i === 50 ? 'lots' : String(i / 2));
    const t = readCsv(new TextEncoder().encode(lines.join('\n')), { fileName: 't.csv', strictNumbers: true });
    expect(col(t, 'v').storage).toBe('string');
    expect(cells(t, 'v')[50]).toBe('lots');
    expect(cells(t, 'v')[51]).toBe('25.5');
    expect(t.notes).toBeUndefined();
    // Plain numbers and empty cells are numbers as before.
    const plain = readCsv(new TextEncoder().encode('v\n1\n\n2.5\n'), { fileName: 't.csv', strictNumbers: true });
    expect(col(plain, 'v').type).toBe('number');
  });

  it('reads a trailing delimiter at the very end as an empty last field', () => {
    const t = read('a,b\n1,\n2,');
    expect(cells(t, 'a')).toEqual([1, 2]);
    expect(col(t, 'b').type).toBe('empty');
  });

  it('reads Latin-1 (windows-1252) bytes that are not UTF-8, keeping accents', () => {
    // "name,city\nRené,Zürich\nZoë,Besançon\n" in windows-1252.
    const latin1 = Uint8Array.from([...'name,city\nRen'].map((c) => c.charCodeAt(0))
      .concat([0xe9], [...',Z'].map((c) => c.charCodeAt(0)), [0xfc], [...'rich\nZo'].map((c) => c.charCodeAt(0)),
        [0xeb], [...',Besan'].map((c) => c.charCodeAt(0)), [0xe7], [...'on\n'].map((c) => c.charCodeAt(0))));
    const t = read(latin1);
    expect(cells(t, 'name')).toEqual(['René', 'Zoë']);
    expect(cells(t, 'city')).toEqual(['Zürich', 'Besançon']);
    expect(t.notes?.[0]).toMatch(/Latin-1/);
  });

  it('reads UTF-8 text with multi-byte characters', () => {
    const t = read('w,n\n東京,1\n"naïve ""café""",2\n😀,3\n');
    expect(cells(t, 'w')).toEqual(['東京', 'naïve "café"', '😀']);
    expect(t.notes).toBeUndefined();
  });

  it('reads UTF-16 files with a byte-order mark', () => {
    const text = 'a,b\n1,é\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    const t = read(bytes);
    expect(cells(t, 'b')).toEqual(['é']);
  });

  it('unquotes raw fields, keeping text after the closing quote', () => {
    expect(unquoteField('"a ""b"""')).toBe('a "b"');
    expect(unquoteField('"a"b')).toBe('ab');
    expect(unquoteField('plain')).toBe('plain');
  });
});

describe('readCsv bad input', () => {
  it('refuses an empty or blank file', () => {
    expect(errorOf(() => read('')).message).toBe('test.csv is empty');
    expect(errorOf(() => read('\n \r\n')).message).toBe('test.csv is empty');
  });

  it('refuses a header without data rows', () => {
    expect(errorOf(() => read('a,b,c\n')).message).toBe('test.csv has a header but no data rows');
  });

  it('names the line and the field counts of a ragged row', () => {
    const err = errorOf(() => read('a,b\n1,2\n"multi\nline",3\n4,5,6\n7,8\n'));
    expect(err.message).toBe('test.csv: line 5: expected 2 fields (as in the header), found 3');
    expect(err.where.line).toBe(5);
    expect(errorOf(() => read('a,b,c\n1,2,3\n4,5\n')).message).toMatch(/line 3: expected 3 fields .* found 2/);
  });

  it('names the line where an unclosed quote opens', () => {
    const err = errorOf(() => read('a,b\n1,2\n3,"open\n4,5\n6,7\n'));
    expect(err.message).toBe('test.csv: line 3: a quoted field opens here but its closing quote is missing (unbalanced ")');
  });

  it('refuses binary and compressed files', () => {
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(errorOf(() => read(binary, 'image.csv')).message).toMatch(/^image\.csv looks like a binary file, not CSV/);
    expect(errorOf(() => read(new Uint8Array([0x1f, 0x8b, 8, 0]), 'data.csv')).message).toMatch(/gzip/);
    expect(errorOf(() => read(new Uint8Array([0x50, 0x4b, 3, 4, 20]), 'book.csv')).message).toMatch(/ZIP archive/);
  });

  it('refuses duplicate and blank column names, naming their positions', () => {
    expect(errorOf(() => read('x,a,b,c,x\n1,2,3,4,5\n')).message).toBe("test.csv: duplicate column name 'x' (columns 1 and 5)");
    expect(errorOf(() => read('a,,c\n1,2,3\n')).message).toBe('test.csv: column 2 has a blank name in the header');
  });
});

describe('readCsv number and date fast paths', () => {
  it('parses random decimals exactly like Number()', () => {
    let seed = 99;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const texts: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const v = (rand() - 0.5) * 10 ** Math.floor(rand() * 10);
      texts.push(i % 4 === 0 ? v.toPrecision(1 + Math.floor(rand() * 17)) : i % 4 === 1 ? v.toFixed(Math.floor(rand() * 8)) : i % 4 === 2 ? v.toExponential(3) : String(Math.round(v)));
    }
    const t = read('x\n' + texts.join('\n'));
    const values = cells(t, 'x') as number[];
    const wrong = texts.filter((text, i) => !Object.is(values[i], Number(text)) && !(Object.is(Number(text), -0) && values[i] === 0));
    expect(wrong).toEqual([]);
  });

  it('reads ISO dates and datetimes from bytes, falling back to text on other shapes', () => {
    const t = read('d,t,mixed,late\n2024-01-31,2024-01-31 10:20,2024-01-01,2024-01-01\n,2024-02-01T00:00:05Z,x,2024-01-02\n2023-12-31,2024-02-02 00:00,2024-01-03,31/12/2024\n');
    expect(col(t, 'd').type).toBe('date');
    expect(cells(t, 'd')).toEqual([Date.UTC(2024, 0, 31), NaN, Date.UTC(2023, 11, 31)]);
    expect(col(t, 't').type).toBe('datetime');
    expect(cells(t, 't')).toEqual([Date.UTC(2024, 0, 31, 10, 20), Date.UTC(2024, 1, 1, 0, 0, 5), Date.UTC(2024, 1, 2)]);
    expect(col(t, 'mixed').type).toBe('categorical');
    expect(cells(t, 'mixed')).toEqual(['2024-01-01', 'x', '2024-01-03']);
    // A non-ISO date late in the column: re-read as text, where string inference still finds dates.
    expect(col(t, 'late').type).toBe('date');
    expect(cells(t, 'late')).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2), Date.UTC(2024, 11, 31)]);
  });

  it('does not take numbers followed by dates for a date column', () => {
    const t = read('v\n20240101\n2024-01-02\n20240103\n');
    expect(col(t, 'v').storage).toBe('string');
  });
});

describe('readCsv encodings chosen from the distinct values', () => {
  it('keeps a mostly-UTF-8 file UTF-8, replacing a stray byte, and says so', () => {
    const good = new TextEncoder().encode('w\n' + Array.from({ length: 30 }, (_, i) => `café ${i}`).join('\n') + '\n');
    const bytes = new Uint8Array(good.length + 4);
    bytes.set(good);
    bytes.set([0x62, 0xe9, 0x21, 0x0a], good.length); // "b\xE9!" — Latin-1 é inside UTF-8 text
    const t = read(bytes);
    const values = cells(t, 'w');
    expect(values[0]).toBe('café 0');
    expect(values[30]).toBe('b\uFFFD!');
    expect(t.notes).toEqual(['test.csv has bytes that are not valid UTF-8; they were replaced by \uFFFD']);
  });
});

describe('readCsv dates outside the month table', () => {
  it('reads dates before 1900 and after 2099 exactly', () => {
    const t = read('d\n1850-03-01\n2150-12-31\n1899-12-31 23:59:59\n2024-03-01\n');
    expect(cells(t, 'd')).toEqual([Date.UTC(1850, 2, 1), Date.UTC(2150, 11, 31), Date.UTC(1899, 11, 31, 23, 59, 59), Date.UTC(2024, 2, 1)]);
  });
});
