// Matrices the tournament hands to its workers live in SharedArrayBuffers when the platform has
// them (Node worker_threads always; browsers when cross-origin isolated), so every worker reads
// the same memory instead of receiving its own copy. Elsewhere they fall back to plain buffers.
import type { FeatureArray, Matrix } from '../learn/matrix';

export function canShareMemory(): boolean {
  return typeof SharedArrayBuffer !== 'undefined';
}

function sharedLike(source: FeatureArray, share: boolean): FeatureArray {
  const bytes = source.length * source.BYTES_PER_ELEMENT;
  const buffer = share ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  const out = source instanceof Float32Array ? new Float32Array(buffer) : new Float64Array(buffer);
  out.set(source);
  return out;
}

export function shareMatrix(X: Matrix, share = canShareMemory()): Matrix {
  return {
    nRows: X.nRows,
    columns: X.columns.map((c) => sharedLike(c, share)),
    featureNames: X.featureNames.slice(),
    ...(X.categorical ? { categorical: X.categorical.slice() } : {}),
    ...(X.normalized ? { normalized: X.normalized.slice() } : {}),
  };
}

export function shareArray(values: Float64Array, share = canShareMemory()): Float64Array {
  return sharedLike(values, share) as Float64Array;
}

/** Rows of a matrix, as a new (unshared) matrix. */
export function takeMatrixRows(X: Matrix, rows: ArrayLike<number>): Matrix {
  const n = rows.length;
  return {
    nRows: n,
    columns: X.columns.map((c) => {
      const out = c instanceof Float32Array ? new Float32Array(n) : new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = c[rows[i]];
      return out;
    }),
    featureNames: X.featureNames,
    ...(X.categorical ? { categorical: X.categorical } : {}),
    ...(X.normalized ? { normalized: X.normalized } : {}),
  };
}
