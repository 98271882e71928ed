// Tables from the data worker, as the arquero tables a code cell works with, and the variable
// names they get in the cell's scope.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { PortColumn, PortTable } from '../data-port';

/**
 * One column as arquero values: numeric storage with NaN for missing becomes null where a value
 * is missing (so op.mean and friends skip it), booleans become true/false, dates become Date.
 */
export function toArqueroColumn(column: PortColumn, rowCount: number): ArrayLike<unknown> {
  const values = column.values;
  if (!(values instanceof Float64Array)) return values;
  if (column.type === 'boolean') return Array.from(values, (v) => (Number.isNaN(v) ? null : v !== 0));
  if (column.type === 'date' || column.type === 'datetime') {
    return Array.from(values, (v) => (Number.isNaN(v) ? null : new Date(v)));
  }
  for (let i = 0; i < rowCount; i++) {
    if (Number.isNaN(values[i])) return Array.from(values, (v) => (Number.isNaN(v) ? null : v));
  }
  return values;
}

export function toArqueroTable(table: PortTable): ColumnTable {
  const columns: Record<string, ArrayLike<unknown>> = {};
  for (const column of table.columns) columns[column.name] = toArqueroColumn(column, table.rowCount);
  return aq.table(columns, table.columns.map((column) => column.name));
}

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval undefined NaN Infinity'
  ).split(' '),
);

/** A table name as a variable name: `leads 2024.csv` -> `leads_2024_csv`, `2020` -> `_2020`. */
export function variableName(tableName: string, taken: ReadonlySet<string> = new Set()): string {
  let name = tableName.normalize('NFKD').replace(/[^\w$]+/g, '_').replace(/^_+|_+$/g, '') || 'table';
  if (/^\d/.test(name)) name = `_${name}`;
  if (RESERVED.has(name) || taken.has(name)) name = `${name}_table`;
  return name;
}
