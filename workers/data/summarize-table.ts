// The summary the main thread keeps for each table: names, types and missing counts — enough
// to draw headers and pickers without holding any data.
import type { Column, DataTable } from '../../kernels/table/types';
import type { TableSummary } from '../../shared/data/protocol';

export function countMissing(column: Column): number {
  let missing = 0;
  const values = column.values;
  if (column.storage === 'numeric') {
    for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) missing++;
  } else {
    for (let i = 0; i < values.length; i++) if (values[i] === null || values[i] === undefined) missing++;
  }
  return missing;
}

export function summarizeTable(
  table: DataTable,
  meta: { source: string; version: number; sourceBytes?: number; parseMs?: number },
): TableSummary {
  return {
    name: table.name,
    source: meta.source,
    rowCount: table.rowCount,
    columns: table.columns.map((column) => ({
      name: column.name,
      type: column.type,
      storage: column.storage,
      missing: countMissing(column),
    })),
    version: meta.version,
    sourceBytes: meta.sourceBytes,
    parseMs: meta.parseMs,
    ...(table.notes?.length ? { notes: [...table.notes] } : {}),
  };
}
