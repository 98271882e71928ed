// Labels arriving after the fact: a table of request ids (or keys) and observed outcomes.
// Duplicate ids keep the first outcome and are counted; rows without an id or outcome are counted.
import type { Column, DataTable } from '../table/types';
import { DataError } from '../table/types';

export const ID_COLUMNS = ['id', 'request_id', 'requestid', 'key'];
export const LABEL_COLUMNS = ['label', 'outcome', 'actual', 'y'];

export interface Labels {
  labels: Map<string, string>;
  idColumn: string;
  labelColumn: string;
  duplicates: { count: number; examples: string[] };
  incomplete: number;
}

function find(table: DataTable, names: string[]): Column | undefined {
  for (const n of names) {
    const c = table.columns.find((col) => col.name.trim().toLowerCase() === n.toLowerCase());
    if (c) return c;
  }
  return undefined;
}

function text(column: Column, i: number): string | null {
  if (column.storage === 'string') {
    const v = column.values[i];
    return v === null || v.trim() === '' ? null : v.trim();
  }
  const v = column.values[i];
  if (Number.isNaN(v)) return null;
  return column.labels ? column.labels[v ? 1 : 0] : String(v);
}

/** Reads labels; `target` (the model's target column name) is also accepted as the outcome column. */
export function labelsFromTable(table: DataTable, target: string | null, file: string): Labels {
  const id = find(table, ID_COLUMNS);
  const label = find(table, target ? [target, ...LABEL_COLUMNS] : LABEL_COLUMNS);
  const columns = table.columns.map((c) => c.name).join(', ');
  if (!id) throw new DataError(`${file}: no id column (one of ${ID_COLUMNS.join(', ')}); columns are ${columns}`, { file });
  if (!label) throw new DataError(`${file}: no outcome column (${[target, ...LABEL_COLUMNS].filter(Boolean).join(', ')}); columns are ${columns}`, { file });
  const labels = new Map<string, string>();
  const duplicates = { count: 0, examples: [] as string[] };
  let incomplete = 0;
  for (let i = 0; i < table.rowCount; i++) {
    const k = text(id, i);
    const v = text(label, i);
    if (k === null || v === null) {
      incomplete++;
      continue;
    }
    if (labels.has(k)) {
      duplicates.count++;
      if (duplicates.examples.length < 10) duplicates.examples.push(k);
      continue;
    }
    labels.set(k, v);
  }
  return { labels, idColumn: id.name, labelColumn: label.name, duplicates, incomplete };
}
