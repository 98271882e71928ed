// A table restricted to some rows (in the order given): how a fold's training rows become a
// table the feature pipeline can be fitted on, so nothing about the validation rows leaks into it.
import type { Column, DataTable } from '../table/types';

export function takeRows(table: DataTable, rows: ArrayLike<number>): DataTable {
  const n = rows.length;
  const columns: Column[] = table.columns.map((column) => {
    if (column.storage === 'numeric') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = column.values[rows[i]];
      return { ...column, values };
    }
    const values = new Array<string | null>(n);
    for (let i = 0; i < n; i++) values[i] = column.values[rows[i]];
    return { ...column, values };
  });
  return { name: table.name, rowCount: n, columns };
}
