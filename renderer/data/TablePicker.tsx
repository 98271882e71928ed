import { formatCount } from './format-text';
import { useTables } from './use-data';

export interface TablePickerProps {
  value: string | undefined;
  onChange: (tableName: string) => void;
  /** Shown when no table is loaded / none is chosen. */
  placeholder?: string;
  id?: string;
}

/** A select of the loaded tables. */
export function TablePicker({ value, onChange, placeholder = 'Choose a table…', id }: TablePickerProps) {
  const tables = useTables();
  const known = tables.some((t) => t.name === value);
  return (
    <select id={id} className="td-select" data-testid="data-table-picker" value={known ? value : ''} onChange={(event) => onChange(event.target.value)} disabled={tables.length === 0}>
      <option value="" disabled>
        {tables.length === 0 ? 'No data loaded' : placeholder}
      </option>
      {tables.map((table) => (
        <option key={table.name} value={table.name}>
          {table.name} ({formatCount(table.rowCount)} × {table.columns.length})
        </option>
      ))}
    </select>
  );
}
