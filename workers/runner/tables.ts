// Tables from the data worker, as the arquero tables a code cell works with, and the variable
// names they get in the cell's scope.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { PortColumn, PortTable } from '../data-port';

export { variableName } from '../../shared/runner/variable-name';

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
