// The feature step as the tournament sees it: fit on some rows (a fold's training rows, the
// training rows, all rows), replay on others. One file so the tournament does not care which
// pipeline implementation is behind it.
import type { Matrix, Task } from '../learn/matrix';
import { applyTableToMatrix, fitTableToMatrix, type TableToMatrixState } from '../learn/table-to-matrix';
import type { DataTable } from '../table/types';

export interface FeatureSettings {
  [option: string]: unknown;
}

export interface FittedFeatures {
  /** Plain JSON that `applyFeatures` replays. */
  spec: unknown;
  X: Matrix;
  dropped: { column: string; reason: string }[];
}

export function fitFeatures(table: DataTable, target: string, task: Task, _settings: FeatureSettings = {}): FittedFeatures {
  const { state, X } = fitTableToMatrix(table, target, task);
  if (X.nRows !== table.rowCount) throw new Error(`feature pipeline returned ${X.nRows} rows for ${table.rowCount}`);
  return { spec: state, X, dropped: state.dropped };
}

export function applyFeatures(spec: unknown, table: DataTable): Matrix {
  return applyTableToMatrix(spec as TableToMatrixState, table);
}
