// Row access for viewers: a window of rows as records of display values.
import type { Column, DataTable } from './types';
import { formatDate } from './parse-date';

export type CellValue = string | number | boolean | null;

/** The display value of one cell: numbers stay numbers, booleans use their labels, dates are ISO text. */
export function cellValue(column: Column, row: number): CellValue {
  if (column.storage === 'string') return column.values[row];
  const v = column.values[row];
  if (v !== v) return null;
  switch (column.type) {
    case 'boolean': return column.labels ? column.labels[v ? 1 : 0] : v === 1;
    case 'date': return formatDate(v, false);
    case 'datetime': return formatDate(v, true);
    default: return v;
  }
}

/** Rows [start, end) as arrays of cell values in column order (clamped to the table). */
export function sliceRows(table: DataTable, start: number, end: number): CellValue[][] {
  const from = Math.max(0, Math.min(start, table.rowCount));
  const to = Math.max(from, Math.min(end, table.rowCount));
  const rows: CellValue[][] = [];
  for (let r = from; r < to; r++) rows.push(table.columns.map((c) => cellValue(c, r)));
  return rows;
}

/** Rows [start, end) as records keyed by column name. */
export function tableToRows(table: DataTable, start = 0, end = table.rowCount): Record<string, CellValue>[] {
  const names = table.columns.map((c) => c.name);
  return sliceRows(table, start, end).map((cells) => Object.fromEntries(names.map((n, j) => [n, cells[j]])));
}
