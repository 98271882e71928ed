// The rows of a table a model can be scored on: those with a target value that is a class the
// model knows (regression: a number), coded as the model codes them. Shared by `evaluate` and
// `retrain` (champion and challenger scored on the same fresh rows).
import { basename } from 'node:path';
import { findTargetColumn, looseLabel } from '../../kernels/tournament/target';
import { DataError, type DataTable } from '../../kernels/table/types';
import type { ModelMeta } from './model-dir';

export interface LabelledRows {
  /** Row indices in the table, in order. */
  keep: number[];
  /** The coded target of each kept row (class index, or the value for regression). */
  y: Float64Array;
  unknownClass: number;
  firstUnknown: string | undefined;
  column: string;
}

export function labelledRows(meta: Pick<ModelMeta, 'task' | 'target' | 'classes'>, table: DataTable, dataPath: string): LabelledRows {
  const file = basename(dataPath);
  let column;
  try {
    column = findTargetColumn(table, meta.target);
  } catch (err) {
    throw new DataError(`${file}: ${(err as Error).message} — scoring needs the labels the model was trained on`);
  }
  const text = (i: number): string | null => {
    if (column.storage === 'numeric') {
      const v = column.values[i];
      return Number.isNaN(v) ? null : column.labels ? column.labels[v ? 1 : 0] : String(v);
    }
    const s = column.values[i];
    return s == null || s.trim() === '' ? null : s.trim();
  };
  const task = meta.task;
  const classIndex = new Map((meta.classes ?? []).map((c, i) => [c, i]));
  // Training folds labels that differ only by case/spaces ("No", "no ") into one class; so does this.
  const looseClass = new Map<string, number>();
  (meta.classes ?? []).forEach((c, i) => looseClass.set(looseLabel(c), looseClass.has(looseLabel(c)) ? -1 : i));
  const keep: number[] = [];
  const y: number[] = [];
  let unknownClass = 0;
  let firstUnknown: string | undefined;
  for (let i = 0; i < table.rowCount; i++) {
    const t = text(i);
    if (t === null) continue;
    if (task === 'regression') {
      const v = column.storage === 'numeric' ? column.values[i] : Number(t);
      if (!Number.isFinite(v)) throw new DataError(`${file}: target "${column.name}" has a non-numeric value "${t}" at row ${i + 1}`, { file, line: i + 1, column: column.name });
      keep.push(i);
      y.push(v);
      continue;
    }
    // Booleans read as 0/1 may have been trained as "0"/"1" or "true"/"false": accept either.
    const loose = looseClass.get(looseLabel(t));
    const code = classIndex.get(t) ?? classIndex.get(String(Number(t))) ?? (column.storage === 'numeric' ? classIndex.get(String(column.values[i] === 1)) : undefined) ?? (loose !== undefined && loose >= 0 ? loose : undefined);
    if (code === undefined) {
      unknownClass++;
      firstUnknown ??= t;
      continue;
    }
    keep.push(i);
    y.push(code);
  }
  if (!keep.length) {
    throw new DataError(`${file}: no row has a usable value in target column "${column.name}"${firstUnknown !== undefined ? ` (values such as "${firstUnknown}" are not classes the model knows: ${(meta.classes ?? []).join(', ')})` : ''}`, { file, column: column.name });
  }
  return { keep, y: Float64Array.from(y), unknownClass, firstUnknown, column: column.name };
}

/** The model's predictions for the kept rows only (width = classes for multiclass, else 1). */
export function predictionsFor(all: Float64Array, keep: readonly number[], width: number): Float64Array {
  const out = new Float64Array(keep.length * width);
  keep.forEach((row, k) => { for (let c = 0; c < width; c++) out[k * width + c] = all[row * width + c]; });
  return out;
}
