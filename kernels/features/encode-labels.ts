// The target column as learner labels. Binary targets put the positive class at code 1: the
// yes/true-like value when there is one ("Yes", "true", "1", "converted"), otherwise the rarer class.
import type { Labels, Task } from '../learn/matrix';
import type { Column } from '../table/types';
import { DataError } from '../table/types';
import { stringValues } from './coerce-column';

// Same choice as kernels/learn/table-to-matrix.ts, so `train --json` names the same positive class.
const POSITIVE_WORDS = ['yes', 'true', '1', 'y', 't', 'positive'];

export interface EncodedTarget {
  labels: Labels;
  task: Task;
  classes?: string[];
  positiveClass?: string;
  /** Rows with a target value, in order (rows without one can't be learned from). */
  rows: Uint32Array;
}

export function detectTask(column: Column, distinct: number): Task {
  if (column.storage === 'numeric' && column.type !== 'boolean') {
    if (distinct <= 2) return 'binary';
    return 'regression';
  }
  return distinct <= 2 ? 'binary' : 'multiclass';
}

export function encodeTarget(column: Column, opts: { task?: Task | 'auto'; positiveClass?: string; classes?: string[] } = {}): EncodedTarget {
  const n = column.values.length;
  const text = stringValues(column, n);
  const rows: number[] = [];
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const s = text[i];
    if (s == null || s.trim() === '') continue;
    rows.push(i);
    const k = s.trim();
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  if (rows.length === 0) throw new DataError(`target column '${column.name}' has no values`, { column: column.name });
  const task = !opts.task || opts.task === 'auto' ? detectTask(column, counts.size) : opts.task;
  const kept = Uint32Array.from(rows);
  if (task === 'regression') {
    const values = column.storage === 'numeric' ? column.values : null;
    const y = new Float64Array(kept.length);
    for (let k = 0; k < kept.length; k++) {
      const v = values ? values[kept[k]] : Number(text[kept[k]]);
      if (!Number.isFinite(v)) throw new DataError(`target column '${column.name}' has a non-numeric value '${text[kept[k]]}' at row ${kept[k] + 1}`, { column: column.name, line: kept[k] + 1 });
      y[k] = v;
    }
    return { labels: { task, y }, task, rows: kept };
  }
  let classes = opts.classes ?? [...counts.keys()].sort(compareClassNames);
  if (counts.size < 2 && !opts.classes) throw new DataError(`target column '${column.name}' has a single class '${classes[0]}'`, { column: column.name });
  let positiveClass: string | undefined;
  if (task === 'binary') {
    if (classes.length > 2) throw new DataError(`target column '${column.name}' has ${classes.length} classes; binary needs 2`, { column: column.name });
    positiveClass = opts.positiveClass ?? pickPositive(classes, counts);
    if (!classes.includes(positiveClass)) throw new DataError(`positive class '${positiveClass}' is not a value of '${column.name}'`, { column: column.name });
    classes = [classes.find((c) => c !== positiveClass)!, positiveClass];
  }
  const code = new Map(classes.map((c, j) => [c, j]));
  const y = new Float64Array(kept.length);
  for (let k = 0; k < kept.length; k++) {
    const c = code.get(text[kept[k]]!.trim());
    y[k] = c === undefined ? NaN : c;
  }
  return { labels: { task, y, classes }, task, classes, positiveClass, rows: kept };
}

function pickPositive(classes: string[], counts: Map<string, number>): string {
  for (const word of POSITIVE_WORDS) {
    const hit = classes.find((c) => c.toLowerCase() === word);
    if (hit) return hit;
  }
  const [a, b] = classes;
  return (counts.get(a) ?? 0) <= (counts.get(b) ?? 0) ? a : b;
}

function compareClassNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
