// CSV step 3: the scanned columns typed (numbers and dates from their values, strings decoded
// once per distinct value in the encoding their bytes say, then inferred) and assembled into a
// table. typeNumberColumns lets a caller start on the quick columns before the rest.
import { DataError, type Column, type DataTable } from '../table/types';
import { dateColumn, inferNumericType, numericColumn, stringColumn } from '../table/infer-type';
import { MODE_DATE, MODE_STRING, unquoteField, type ColumnBuffers } from './csv-scan';
import { chooseDecoder } from './decode-text';
import { tableName } from './table-names';

/** A table being typed from scanned columns: typeNumberColumns (optional), then finishCsvTable. */
export interface CsvTableBuild {
  names: string[];
  rows: number;
  columns: ColumnBuffers[];
  fileName: string;
  /** The file's delimiter (a char code): it hints how numbers are written (';' files use decimal commas). */
  delimiter?: number;
  /** Typed columns so far, by index. */
  out: (Column | undefined)[];
  /** See StringInferenceOptions.strictNumbers. */
  strictNumbers?: boolean;
}

export function startCsvTable(names: string[], rows: number, columns: ColumnBuffers[], fileName: string, delimiter?: number): CsvTableBuild {
  if (rows === 0) throw new DataError(`${fileName} has a header but no data rows`, { file: fileName, line: 2 });
  return { names, rows, columns, fileName, delimiter, out: new Array<Column | undefined>(names.length) };
}

/**
 * Types the columns read as numbers that stay numbers (integer, number, date, datetime), the
 * quick part, so a caller can start work on them (profiles in other threads) before the rest.
 * Columns turning into text (ids, constants, empty) and string columns are left to finishCsvTable.
 */
export function typeNumberColumns(build: CsvTableBuild, onColumn?: (column: Column, index: number) => void): void {
  const { names, rows, columns, out } = build;
  for (let j = 0; j < names.length; j++) {
    const col = columns[j];
    if (col.mode === MODE_STRING || out[j]) continue;
    const values = col.numbers.length === rows ? col.numbers : col.numbers.slice(0, rows);
    let column: Column | undefined;
    if (col.mode === MODE_DATE) column = dateColumn(names[j], values, col.hasTime);
    else {
      const type = inferNumericType(names[j], values, col.fractional);
      if (type === 'integer' || type === 'number') column = numericColumn(names[j], values, col.fractional);
    }
    if (!column) continue;
    out[j] = column;
    col.numbers = new Float64Array(0);
    onColumn?.(column, j);
  }
}

/**
 * Types the remaining columns and assembles the table: numbers are typed from their values;
 * strings are decoded (each distinct value once, in the encoding their bytes say) and inferred.
 */
export function finishCsvTable(
  build: CsvTableBuild, onProgress?: (fraction: number, phase: string) => void,
  onColumn?: (column: Column, index: number) => void,
): DataTable {
  const { names, rows, columns, fileName, out } = build;
  const delimiter = build.delimiter === undefined ? undefined : String.fromCharCode(build.delimiter);
  onProgress?.(0.8, 'inferring types');
  const nCols = names.length;
  const decoder = chooseDecoder(columns.filter((c) => c.interner).map((c) => c.interner!.distinctBytes()));
  const notes: string[] = [];
  for (let j = 0; j < nCols; j++) {
    if (out[j]) continue;
    const col = columns[j];
    const name = names[j];
    if (col.mode !== MODE_STRING) {
      const values = col.numbers.length === rows ? col.numbers : col.numbers.slice(0, rows);
      col.numbers = new Float64Array(0);
      out[j] = col.mode === MODE_DATE ? dateColumn(name, values, col.hasTime) : numericColumn(name, values, col.fractional);
    } else {
      const stats = col.interner!.finish(rows, decoder, unquoteField);
      col.interner = undefined;
      out[j] = stringColumn(name, [], { stats, notes, delimiter, strictNumbers: build.strictNumbers });
    }
    onColumn?.(out[j]!, j);
    onProgress?.(0.8 + (0.2 * (j + 1)) / nCols, 'inferring types');
  }
  if (decoder.encoding === 'windows-1252') notes.push(`${fileName} is not UTF-8; read it as Latin-1 (windows-1252)`);
  if (decoder.lossy) notes.push(`${fileName} has bytes that are not valid UTF-8; they were replaced by \uFFFD`);
  const table: DataTable = { name: tableName(fileName), rowCount: rows, columns: out as Column[] };
  if (notes.length) table.notes = notes;
  return table;
}

/** Types the scanned columns and assembles the table. */
export function buildCsvTable(
  names: string[], rows: number, columns: ColumnBuffers[], fileName: string,
  onProgress?: (fraction: number, phase: string) => void,
): DataTable {
  return finishCsvTable(startCsvTable(names, rows, columns, fileName), onProgress);
}
