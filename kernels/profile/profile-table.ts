// Profiles of every column of a table.
import type { DataTable } from '../table/types';
import { profileColumn } from './profile-column';
import type { TableProfile } from './types';

export function profileTable(table: DataTable, onProgress?: (fraction: number, phase: string) => void): TableProfile {
  const columns = table.columns.map((column, i) => {
    const profile = profileColumn(column);
    onProgress?.((i + 1) / table.columns.length, 'profiling');
    return profile;
  });
  return { name: table.name, rows: table.rowCount, columns };
}
