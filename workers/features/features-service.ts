// What the Features view asks for, as plain functions over a DataTable so they run the same in
// the worker and in tests: fit the feature pipeline, optionally fit a quick GBDT to rank the
// derived features, and return only small, cloneable results (never the matrix).
import { fitFeaturePipeline } from '../../kernels/features/fit-pipeline';
import type { DerivedColumnInfo, DroppedColumn, FeaturePipelineOptions, FeaturePipelineSpec } from '../../kernels/features/types';
import { fitGbdt } from '../../kernels/learn/gbdt/train-gbdt';
import { splitTrainTest } from '../../kernels/tournament/row-plan';
import { resolveSettings } from '../../kernels/tournament/settings';
import { takeRows } from '../../kernels/tournament/take-rows';
import { prepareTarget } from '../../kernels/tournament/target';
import type { Column, ColumnType, DataTable } from '../../kernels/table/types';
import type { PortTable } from '../data-port';

export interface FeaturesRequest {
  table: string;
  target: string;
  options?: FeaturePipelineOptions;
  /** Fit a small GBDT (50 trees) on the derived features to rank them. */
  importance?: boolean;
}

export interface FeaturesResult {
  table: string;
  target: string;
  task: FeaturePipelineSpec['task'];
  /** Training rows the features and importance were fitted on. */
  rows: number;
  /** Rows left out: the tournament holds them out for its test score (same split, seed 0). */
  heldOutRows: number;
  features: number;
  derived: DerivedColumnInfo[];
  dropped: DroppedColumn[];
  /** Gain importance per derived feature, summing to 1, when requested. */
  importance?: Record<string, number>;
  spec: FeaturePipelineSpec;
  seconds: number;
}

/**
 * The rows the tournament trains on, as table row indices: with its defaults (seed 0, a 20% test
 * split) the rows it holds out for the test score are left out, so nothing shown here has seen them.
 */
export function tournamentTrainingRows(table: DataTable, target: string): { rows: Uint32Array; heldOut: number } {
  const encoded = prepareTarget(table, target, { task: 'auto', minRows: 2 });
  const split = splitTrainTest(encoded.labels.y, encoded.task, resolveSettings({ target, seed: 0 }));
  return { rows: Uint32Array.from(split.train, (r) => encoded.rows[r]), heldOut: split.test.length };
}

export function fitFeatures(table: DataTable, request: FeaturesRequest): FeaturesResult {
  const t0 = performance.now();
  const training = tournamentTrainingRows(table, request.target);
  const fit = fitFeaturePipeline(takeRows(table, training.rows), request.target, request.options ?? {});
  let importance: Record<string, number> | undefined;
  if (request.importance && fit.matrix.columns.length > 0) {
    const rows = fit.matrix.nRows;
    const model = fitGbdt(fit.matrix, fit.labels, { trees: 50, learningRate: 0.1, maxLeaves: 15, minDataInLeaf: Math.max(5, Math.min(20, Math.floor(rows / 50))) });
    const gains = model.featureImportance();
    const total = gains.reduce((a, b) => a + b, 0) || 1;
    importance = Object.fromEntries(fit.matrix.featureNames.map((name, j) => [name, gains[j] / total]));
  }
  return {
    table: request.table,
    target: request.target,
    task: fit.spec.task,
    rows: fit.matrix.nRows,
    heldOutRows: training.heldOut,
    features: fit.matrix.columns.length,
    derived: fit.derived,
    dropped: fit.dropped,
    importance,
    spec: fit.spec,
    seconds: (performance.now() - t0) / 1000,
  };
}

const NUMERIC_TYPES = new Set(['integer', 'number', 'boolean', 'date', 'datetime']);

/** A table as the data worker sends it over its port, back to a DataTable. */
export function fromPortTable(name: string, port: PortTable): DataTable {
  const columns: Column[] = port.columns.map((c) => {
    const type = c.type as ColumnType;
    return c.values instanceof Float64Array || NUMERIC_TYPES.has(type)
      ? { name: c.name, type, storage: 'numeric', values: c.values instanceof Float64Array ? c.values : Float64Array.from(c.values as ArrayLike<number>) }
      : { name: c.name, type, storage: 'string', values: Array.from(c.values as ArrayLike<string | null>) };
  });
  return { name, rowCount: port.rowCount, columns };
}
