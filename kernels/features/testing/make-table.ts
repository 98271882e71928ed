// Test helper: a DataTable from plain columns, numbers as numeric storage, strings as text.
import type { Column, ColumnType, DataTable } from '../../table/types';

export function makeTable(columns: Record<string, { type: ColumnType; values: (string | number | null)[] }>): DataTable {
  const cols: Column[] = Object.entries(columns).map(([name, { type, values }]) => {
    const numeric = ['integer', 'number', 'boolean', 'date', 'datetime'].includes(type);
    return numeric
      ? { name, type, storage: 'numeric', values: Float64Array.from(values, (v) => (v == null ? NaN : Number(v))) }
      : { name, type, storage: 'string', values: values.map((v) => (v == null ? null : String(v))) };
  });
  return { name: 'test', rowCount: cols[0]?.values.length ?? 0, columns: cols };
}
