// Rows of JavaScript values (JSON records, NDJSON lines) to a typed table: the union of keys in
// first-seen order becomes the columns, absent keys are missing values.
import { DataError, type DataTable } from '../table/types';
import { columnFromValues } from '../table/infer-type';
import { checkNames, tableName } from './table-names';

/** Array of records (objects) → table. `lineOf(i)` names the source line of record i for errors. */
export function tableFromRecords(records: unknown[], fileName: string, lineOf?: (index: number) => number): DataTable {
  if (records.length === 0) throw new DataError(`${fileName} has no records`, { file: fileName });
  if (Array.isArray(records[0])) return tableFromArrayRows(records, fileName);
  const keyIndex = new Map<string, number>();
  const names: string[] = [];
  for (let r = 0; r < records.length; r++) {
    const record = records[r];
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      const line = lineOf?.(r);
      const where = line !== undefined ? `line ${line}` : `record ${r + 1}`;
      throw new DataError(`${fileName}: ${where} is ${describe(record)}, expected an object of column values`, { file: fileName, line });
    }
    for (const key in record) {
      if (!keyIndex.has(key)) {
        keyIndex.set(key, names.length);
        names.push(key);
      }
    }
  }
  checkNames(names.map((n) => n.trim()), fileName);
  const columns = names.map((name) => {
    const values = new Array<unknown>(records.length);
    for (let r = 0; r < records.length; r++) values[r] = (records[r] as Record<string, unknown>)[name];
    return columnFromValues(name, values);
  });
  return { name: tableName(fileName), rowCount: records.length, columns };
}

/** [[header…], [row…], …] → table (the first array names the columns). */
function tableFromArrayRows(rows: unknown[], fileName: string): DataTable {
  const header = rows[0] as unknown[];
  const names = header.map((h) => String(h ?? '').trim());
  checkNames(names, fileName);
  if (rows.length < 2) throw new DataError(`${fileName} has a header but no data rows`, { file: fileName });
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || row.length !== names.length) {
      throw new DataError(`${fileName}: row ${r + 1} has ${Array.isArray(row) ? row.length : 'no'} values, expected ${names.length} (as in the header)`, { file: fileName });
    }
  }
  const columns = names.map((name, j) => columnFromValues(name, rows.slice(1).map((row) => (row as unknown[])[j])));
  return { name: tableName(fileName), rowCount: rows.length - 1, columns };
}

/** Columnar JSON: {col: [values…], …} with equal lengths. */
export function tableFromColumns(data: Record<string, unknown[]>, fileName: string): DataTable {
  const names = Object.keys(data);
  checkNames(names.map((n) => n.trim()), fileName);
  const lengths = new Set(names.map((n) => data[n].length));
  if (lengths.size > 1) throw new DataError(`${fileName}: columns have different lengths (${[...lengths].join(', ')})`, { file: fileName });
  const rowCount = names.length ? data[names[0]].length : 0;
  if (rowCount === 0) throw new DataError(`${fileName} has no records`, { file: fileName });
  return { name: tableName(fileName), rowCount, columns: names.map((n) => columnFromValues(n, data[n])) };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}
