// Bin edges at the quantiles of reference values, and the slot a value falls in.
// Slots over edges e₀ < e₁ < … < e_{m-1} (m unique quantiles, e₀ the minimum, e_{m-1} the maximum):
//   slot 0        v < e₀                 (below the reference range)
//   slot k + 1    e_{k-1} < v ≤ e_k      (slot 1 is v = e₀ exactly)
//   slot m + 1    v > e_{m-1}            (above the reference range)
// Right-closed bins keep each distinct value of a discrete column (0/1 flags, counts) in a bin of
// its own whenever it is an edge, which equal-width or left-closed bins would merge.
import { quantilesInPlace } from '../profile/quantiles';

/** Unique quantiles at 0, 1/bins, …, 1 of the finite values (NaN skipped). */
export function quantileEdges(values: ArrayLike<number>, bins: number): number[] {
  return uniqueSorted(quantilesAt(values, bins));
}

/** The quantiles at 0, 1/bins, …, 1 of the finite values, repeats kept (empty without any). */
export function quantilesAt(values: ArrayLike<number>, bins: number): number[] {
  const finite = new Float64Array(values.length);
  let m = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite[m++] = values[i];
  if (m === 0) return [];
  const probabilities = Array.from({ length: bins + 1 }, (_, i) => i / bins);
  return quantilesInPlace(finite.subarray(0, m), probabilities);
}

export function uniqueSorted(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}

/** The slot of v over `edges` (see the file comment); edges.length + 2 slots in all. */
export function slotOf(edges: ArrayLike<number>, v: number): number {
  const m = edges.length;
  if (m === 0 || v < edges[0]) return 0;
  // Lower bound (the first edge ≥ v) by halving a window without a branch on the comparison:
  // a reference profile looks up every training row of every column (~4× faster than if/else).
  let lo = 0;
  let len = m;
  while (len > 1) {
    const half = len >> 1;
    lo += half & -+(edges[lo + half - 1] < v);
    len -= half;
  }
  return lo + +(edges[lo] < v) + 1;
}

/**
 * The coarse bin (over inner `coarse` boundaries, each also one of `edges`) of every fine slot:
 * coarse bin j holds values with coarse[j-1] < v ≤ coarse[j], the last one everything above.
 */
export function coarseOfSlots(edges: ArrayLike<number>, coarse: ArrayLike<number>): Int32Array {
  const out = new Int32Array(edges.length + 2);
  for (let s = 1; s <= edges.length; s++) {
    const upper = edges[s - 1];
    let j = 0;
    while (j < coarse.length && coarse[j] < upper) j++;
    out[s] = j;
  }
  out[edges.length + 1] = coarse.length;
  return out;
}
