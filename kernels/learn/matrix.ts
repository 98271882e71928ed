// The numeric design matrix learners consume: column-major, one typed array per feature,
// NaN for missing. Feature pipelines produce it; learners never see strings.

export type FeatureArray = Float32Array | Float64Array;

export interface Matrix {
  nRows: number;
  /** One array of length nRows per feature. */
  columns: FeatureArray[];
  featureNames: string[];
  /** Optional per-feature flag: values are integer category codes (0..k-1), not ordered numbers. */
  categorical?: boolean[];
  /**
   * Optional per-feature flag: the values already share one scale by construction (row-normalised
   * TF-IDF weights). Linear learners centre these but do not divide by their standard deviation,
   * which would blow up rare terms to the weight of common ones.
   */
  normalized?: boolean[];
}

export type Task = 'binary' | 'multiclass' | 'regression';

/** Labels as learners want them: 0/1 for binary, 0..k-1 for multiclass, real values for regression. */
export interface Labels {
  task: Task;
  y: Float64Array;
  /** Class names in code order (classification only). */
  classes?: string[];
  weights?: Float64Array;
}

export function matrixFromRows(rows: number[][], featureNames?: string[]): Matrix {
  const nRows = rows.length;
  const nCols = nRows ? rows[0].length : featureNames?.length ?? 0;
  const columns: Float64Array[] = [];
  for (let j = 0; j < nCols; j++) {
    const col = new Float64Array(nRows);
    for (let i = 0; i < nRows; i++) col[i] = rows[i][j];
    columns.push(col);
  }
  return { nRows, columns, featureNames: featureNames ?? columns.map((_, j) => `f${j}`) };
}
