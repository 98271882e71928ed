// A deliberately minimal table → matrix converter for `tourney train --fixed` until the feature
// engineering pipeline replaces it: numeric columns pass through, string columns become category
// codes (marked categorical), id-like/text/constant/empty columns are dropped with a reason, and
// the target becomes Labels. Its fitted state is plain JSON (pipeline.json) so prediction
// replays exactly the same conversion on new tables.
import { parseNumberCell } from '../features/coerce-column';
import { checkClassCounts, foldLabelSpellings, missingTargetWarning } from '../features/target-checks';
import { findColumn, indexColumns } from '../table/match-columns';
import { DataError, type Column, type DataTable } from '../table/types';
import type { Labels, Matrix, Task } from './matrix';

export interface ConverterFeature {
  name: string;
  kind: 'numeric' | 'categorical';
  /** Categorical: category text by code; other values become missing. */
  categories?: string[];
}

export interface TableToMatrixState {
  kind: 'table-to-matrix';
  version: 1;
  target: string;
  task: Task;
  /** Classification: class names in code order (binary: [negative, positive]). */
  classes?: string[];
  positiveClass?: string;
  features: ConverterFeature[];
  dropped: { column: string; reason: string }[];
}

/** Categories kept per column, most frequent first; rarer ones read as missing. */
const MAX_CATEGORIES = 1000;
const DROPPED_TYPES: Record<string, string> = {
  id: 'identifier column (unique per row)',
  text: 'free text (needs the text feature pipeline)',
  constant: 'constant column',
  empty: 'empty column',
};
const POSITIVE_NAMES = ['yes', 'true', '1', 'y', 't', 'positive'];

export interface FittedConversion {
  state: TableToMatrixState;
  X: Matrix;
  labels: Labels;
  /** Rows of the table used (those with a target value). */
  rows: number;
  /** What a person should know about the target (merged labels, rows left out, small classes). */
  warnings: string[];
}

export function fitTableToMatrix(table: DataTable, target: string, taskOption: Task | 'auto' = 'auto'): FittedConversion {
  const targetColumn = table.columns.find((c) => c.name === target);
  if (!targetColumn) {
    throw new DataError(`target column "${target}" not found in ${table.name} (columns: ${table.columns.map((c) => c.name).join(', ')})`, { column: target });
  }
  // The same target checks as the tournament (features/target-checks.ts): labels differing only by
  // case merged, rows without a target counted, identifier-like targets and tiny classes refused.
  const warnings: string[] = [];
  let text = cellText(targetColumn, table.rowCount);
  if (targetColumn.storage === 'string' && taskOption !== 'regression') {
    const folded = foldLabelSpellings(target, text);
    text = folded.texts;
    warnings.push(...folded.warnings);
  }
  const keep: number[] = [];
  for (let i = 0; i < table.rowCount; i++) if (text[i] !== null) keep.push(i);
  if (keep.length === 0) throw new DataError(`target column "${target}" has no values`, { column: target });
  const counts = new Map<string, number>();
  for (const i of keep) counts.set(text[i]!, (counts.get(text[i]!) ?? 0) + 1);
  const numericTarget = targetColumn.storage === 'numeric' && targetColumn.type !== 'boolean';
  const task: Task = taskOption !== 'auto' ? taskOption : counts.size <= 2 ? 'binary' : numericTarget ? 'regression' : 'multiclass';

  const y = new Float64Array(keep.length);
  let classes: string[] | undefined;
  let positiveClass: string | undefined;
  if (task === 'regression') {
    keep.forEach((row, k) => {
      const v = targetColumn.storage === 'numeric' ? targetColumn.values[row] : Number(text[row]);
      if (!Number.isFinite(v)) throw new DataError(`target column "${target}" has a non-numeric value "${text[row]}" at row ${row + 1}`, { column: target, line: row + 1 });
      y[k] = v;
    });
  } else {
    const sorted = [...counts.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    if (sorted.length < 2) throw new DataError(`target column "${target}" has a single class "${sorted[0]}"`, { column: target });
    if (task === 'binary') {
      if (sorted.length > 2) throw new DataError(`target column "${target}" has ${sorted.length} classes; --task binary needs 2`, { column: target });
      positiveClass = sorted.find((c) => POSITIVE_NAMES.includes(c.toLowerCase())) ?? (counts.get(sorted[0])! <= counts.get(sorted[1])! ? sorted[0] : sorted[1]);
      classes = [sorted.find((c) => c !== positiveClass)!, positiveClass];
    } else classes = sorted;
    const code = new Map(classes.map((c, k) => [c, k]));
    keep.forEach((row, k) => (y[k] = code.get(text[row]!)!));
    // No cross-validated score here to mislead: a tiny class is a warning, not a refusal.
    warnings.push(...checkClassCounts(target, counts, numericTarget, { refuseBelow: 0 }));
  }
  const missing = missingTargetWarning(target, table.rowCount - keep.length, table.rowCount);
  if (missing) warnings.push(missing);

  const features: ConverterFeature[] = [];
  const dropped: { column: string; reason: string }[] = [];
  for (const column of table.columns) {
    if (column.name === target) continue;
    const reason = DROPPED_TYPES[column.type];
    if (reason) {
      dropped.push({ column: column.name, reason });
      continue;
    }
    if (column.storage === 'numeric') features.push({ name: column.name, kind: 'numeric' });
    else {
      const values = cellText(column, table.rowCount);
      const freq = new Map<string, number>();
      for (const i of keep) {
        const v = values[i];
        if (v !== null) freq.set(v, (freq.get(v) ?? 0) + 1);
      }
      const categories = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_CATEGORIES).map(([c]) => c);
      features.push({ name: column.name, kind: 'categorical', categories });
    }
  }
  if (features.length === 0) throw new DataError(`no usable feature columns besides the target "${target}"`, { column: target });
  const state: TableToMatrixState = { kind: 'table-to-matrix', version: 1, target, task, classes, positiveClass, features, dropped };
  const X = applyTableToMatrix(state, table, Uint32Array.from(keep));
  const labels: Labels = { task, y, ...(classes ? { classes } : {}) };
  return { state, X, labels, rows: keep.length, warnings };
}

/**
 * Converts a table with a fitted state. Columns the state does not name are ignored; missing
 * columns read as missing values; headers are found as kernels/table/match-columns.ts says and
 * numbers arriving as text are parsed as the feature pipeline parses them (coerce-column.ts).
 * `rows` selects table rows (default: all).
 */
export function applyTableToMatrix(state: TableToMatrixState, table: DataTable, rows?: Uint32Array): Matrix {
  const n = rows ? rows.length : table.rowCount;
  const index = indexColumns(table);
  const columns = state.features.map((feature) => {
    const out = new Float64Array(n).fill(NaN);
    const column = findColumn(index, feature.name);
    if (!column) return out;
    const at = (k: number) => (rows ? rows[k] : k);
    if (feature.kind === 'numeric') {
      if (column.storage === 'numeric') for (let k = 0; k < n; k++) out[k] = column.values[at(k)];
      else {
        for (let k = 0; k < n; k++) {
          const s = column.values[at(k)];
          out[k] = s === null ? NaN : parseNumberCell(s, 'number');
        }
      }
    } else {
      const code = new Map((feature.categories ?? []).map((c, i) => [c, i]));
      const text = cellText(column, table.rowCount);
      for (let k = 0; k < n; k++) {
        const s = text[at(k)];
        const c = s === null ? undefined : code.get(s);
        out[k] = c === undefined ? NaN : c;
      }
    }
    return out;
  });
  return {
    nRows: n,
    columns,
    featureNames: state.features.map((f) => f.name),
    categorical: state.features.map((f) => f.kind === 'categorical'),
  };
}

/** Cell values as text (null for missing): booleans by their labels, numbers as written. */
function cellText(column: Column, n: number): (string | null)[] {
  if (column.storage === 'string') return column.values.map((v) => (v === null || v.trim() === '' ? null : v));
  const out: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = column.values[i];
    out[i] = v !== v ? null : column.labels ? column.labels[v ? 1 : 0] : String(v);
  }
  return out;
}
