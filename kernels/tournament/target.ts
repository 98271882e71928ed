// The target column checked and encoded before anything is split or fitted, so every bad target
// gets one clear sentence instead of a learner's stack trace: unknown column, nothing to learn
// (all missing, one class, constant), too few rows for cross-validation, an identifier-like
// target with thousands of classes or a class per row, a class too small to score, text where a
// regression needs numbers (features/target-checks.ts, shared with `train --fixed`). Labels that
// differ only by case are merged, and rows without a target counted, with warnings.
import { encodeTarget, type EncodedTarget } from '../features/encode-labels';
import { checkClassCounts, foldLabelSpellings, looseLabel, missingTargetWarning } from '../features/target-checks';
import type { Task } from '../learn/matrix';
import { DataError, type Column, type DataTable } from '../table/types';

/** More classes than this is almost always an ID or a number read as text, not a class label. */
export const MAX_CLASSES = 200;

export interface TargetOptions {
  task?: Task | 'auto';
  positiveClass?: string;
  /** Rows needed at the very least (one per cross-validation fold). */
  minRows: number;
}

export { looseLabel } from '../features/target-checks';

/** The encoded target, its column, the table to learn from (labels merged), and warnings to show. */
export type PreparedTarget = EncodedTarget & { column: Column; table: DataTable; warnings: string[] };

export function findTargetColumn(table: DataTable, target: string): Column {
  const exact = table.columns.find((c) => c.name === target);
  if (exact) return exact;
  const loose = table.columns.find((c) => c.name.trim().toLowerCase() === target.trim().toLowerCase());
  if (loose) return loose;
  const names = table.columns.map((c) => c.name);
  const shown = names.slice(0, 12).join(', ') + (names.length > 12 ? `, … (${names.length} columns)` : '');
  throw new DataError(`target column "${target}" not found in ${table.name || 'the table'}; columns are: ${shown}`, { column: target });
}

export function prepareTarget(tableIn: DataTable, target: string, options: TargetOptions): PreparedTarget {
  let table = tableIn;
  let column = findTargetColumn(table, target);
  const warnings: string[] = [];
  const where = { column: column.name };
  if (table.rowCount === 0) throw new DataError(`the table has no rows to learn from`, where);
  if (table.columns.length < 2) throw new DataError(`the table has only the target column "${column.name}"; there is nothing to learn from`, where);
  if (options.task === 'regression' && column.storage === 'string') {
    const bad = column.values.findIndex((v) => v != null && v.trim() !== '' && !Number.isFinite(Number(v.trim().replace(/[\s$€£,%]/g, ''))));
    if (bad >= 0) {
      throw new DataError(`target column "${column.name}" holds text ("${column.values[bad]}" at row ${bad + 1}); a regression target must be numeric — use --task binary or multiclass to classify it`, { column: column.name, line: bad + 1 });
    }
  }
  if (column.storage === 'string' && options.task !== 'regression') {
    const folded = foldLabelSpellings(column.name, column.values);
    warnings.push(...folded.warnings);
    if (folded.texts !== column.values) {
      const merged: Column = { ...column, values: folded.texts };
      table = { ...table, columns: table.columns.map((c) => (c === column ? merged : c)) };
      column = merged;
    }
  }
  // A positive class named in another spelling ("Yes" for the merged "yes") names the merged class.
  const positiveClass = options.positiveClass === undefined || column.storage !== 'string' ? options.positiveClass
    : column.values.find((v) => v !== null && looseLabel(v) === looseLabel(options.positiveClass!)) ?? options.positiveClass;
  let encoded: EncodedTarget;
  try {
    encoded = encodeTarget(column, { task: options.task, positiveClass });
  } catch (err) {
    if (err instanceof DataError && /has no values/.test(err.message)) {
      throw new DataError(`target column "${column.name}" is empty: all ${table.rowCount} values are missing`, where);
    }
    if (err instanceof DataError && /single class/.test(err.message)) {
      const value = (err.message.match(/'([^']*)'$/) ?? [])[1];
      throw new DataError(`target column "${column.name}" has a single value${value !== undefined ? ` ("${value}")` : ''}: there is nothing to predict`, where);
    }
    throw err;
  }
  const n = encoded.rows.length;
  if (encoded.task === 'regression') {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of encoded.labels.y) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (lo === hi) throw new DataError(`target column "${column.name}" is constant (every value is ${lo}): there is nothing to predict`, where);
  } else {
    const k = encoded.classes?.length ?? 0;
    if (k > MAX_CLASSES) {
      const hint = column.storage === 'numeric' || looksNumeric(encoded.classes ?? [])
        ? 'its values look numeric — train with --task regression'
        : 'it looks like an identifier or free text, not a class label — choose another target';
      throw new DataError(`target column "${column.name}" has ${k} distinct values, too many classes (at most ${MAX_CLASSES}); ${hint}`, where);
    }
  }
  if (n < options.minRows) {
    throw new DataError(`only ${n} rows have a value in target column "${column.name}"; the tournament needs at least ${options.minRows} (one per cross-validation fold)`, where);
  }
  if (encoded.task !== 'regression') {
    const counts = new Map<string, number>((encoded.classes ?? []).map((c) => [c, 0]));
    for (const v of encoded.labels.y) {
      const name = encoded.classes![v];
      counts.set(name, counts.get(name)! + 1);
    }
    warnings.push(...checkClassCounts(column.name, counts, column.storage === 'numeric' || looksNumeric(encoded.classes ?? [])));
  }
  const missing = missingTargetWarning(column.name, table.rowCount - n, table.rowCount);
  if (missing) warnings.push(missing);
  return { ...encoded, column, table, warnings };
}

function looksNumeric(classes: string[]): boolean {
  let numeric = 0;
  for (const c of classes) if (Number.isFinite(Number(c))) numeric++;
  return numeric > 0.9 * classes.length;
}
