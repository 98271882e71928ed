// What boosting needs from a loss: a starting score, first and second derivatives per row, the
// loss itself (for monitoring and early stopping) and the link from raw scores to predictions.
// Scores, gradients and hessians are output-major: output k of row i sits at k * nRows + i.

export interface Objective {
  readonly name: string;
  /** Raw outputs per row: the number of classes for softmax, otherwise 1. */
  readonly nOutputs: number;
  /** Constant starting score per output (boosting from the average label). */
  initScores(y: Float64Array, weights?: Float64Array): Float64Array;
  /** Fills grad and hess (weighted) for every row from the current scores. */
  gradients(y: Float64Array, scores: Float64Array, weights: Float64Array | undefined, grad: Float32Array, hess: Float32Array): void;
  /** Weighted mean loss. */
  loss(y: Float64Array, scores: Float64Array, weights?: Float64Array): number;
  /** Row-major raw scores (nRows × nOutputs) to predictions: probabilities or values, in place. */
  transform(raw: Float64Array, nRows: number): Float64Array;
}

export function weightOf(weights: Float64Array | undefined, i: number): number {
  return weights ? weights[i] : 1;
}

export function weightedMean(y: ArrayLike<number>, weights?: Float64Array): number {
  let s = 0;
  let w = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = weights ? weights[i] : 1;
    s += wi * y[i];
    w += wi;
  }
  return w > 0 ? s / w : 0;
}
