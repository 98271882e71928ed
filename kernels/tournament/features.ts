// The feature step as the tournament sees it: fit the feature pipeline on some rows (a fold's
// training rows, the training rows, all rows) and replay its spec on others.
import { applyFeaturePipeline } from '../features/apply-pipeline';
import { fitFeaturePipeline } from '../features/fit-pipeline';
import type { FeaturePipelineOptions, FeaturePipelineSpec } from '../features/types';
import type { Matrix, Task } from '../learn/matrix';
import type { DataTable } from '../table/types';

/** The pipeline options a tournament template may set (task and target come from the tournament). */
export type FeatureSettings = Omit<FeaturePipelineOptions, 'task' | 'positiveClass'>;

export interface FittedFeatures {
  spec: FeaturePipelineSpec;
  X: Matrix;
  /** Whole raw columns left out, and single derived features removed by the sanity checker. */
  dropped: { column: string; reason: string }[];
  droppedFeatures: { column: string; feature: string; reason: string }[];
}

export function fitFeatures(table: DataTable, target: string, task: Task, settings: FeatureSettings = {}, positiveClass?: string, deadline?: number): FittedFeatures {
  const fit = fitFeaturePipeline(table, target, { ...settings, task, ...(positiveClass !== undefined ? { positiveClass } : {}) }, { deadline });
  if (fit.matrix.nRows !== table.rowCount) throw new Error(`feature pipeline returned ${fit.matrix.nRows} rows for ${table.rowCount}`);
  return {
    spec: fit.spec,
    X: fit.matrix,
    dropped: fit.dropped.filter((d) => !d.feature).map((d) => ({ column: d.column, reason: d.reason })),
    droppedFeatures: fit.dropped.filter((d) => d.feature).map((d) => ({ column: d.column, feature: d.feature!, reason: d.reason })),
  };
}

export function applyFeatures(spec: unknown, table: DataTable): Matrix {
  return applyFeaturePipeline(spec as FeaturePipelineSpec, table);
}
