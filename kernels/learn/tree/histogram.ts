// Gradient histograms: for every feature and bin, the sums of gradients, hessians and the row
// count, interleaved as [g, h, count] per bin in one Float64Array (bin b of feature f sits at
// (offset[f] + b) * 3). Building them is the hot loop of training, so these functions are plain
// loops over typed arrays with no closures and no allocation.

export const HIST_LANES = 3;

/**
 * Adds the rows idx[begin .. begin+count) to `hist` for the listed features. When `contiguous`,
 * the rows are 0..count-1 in order (the root without bagging) and no gather is needed; otherwise
 * gradients are first gathered into `og`/`oh` so the per-feature loops read them sequentially.
 */
export function buildHistogram(
  hist: Float64Array,
  bins: Uint8Array[],
  offsets: Int32Array,
  features: Int32Array,
  nFeatures: number,
  idx: Uint32Array,
  begin: number,
  count: number,
  grad: Float32Array,
  hess: Float32Array,
  og: Float32Array,
  oh: Float32Array,
  contiguous: boolean,
): void {
  if (!contiguous) {
    for (let k = 0; k < count; k++) {
      const r = idx[begin + k];
      og[k] = grad[r];
      oh[k] = hess[r];
    }
  }
  for (let j = 0; j < nFeatures; j++) {
    const f = features[j];
    const col = bins[f];
    const base = offsets[f] * 3;
    if (contiguous) buildFeatureContiguous(hist, col, base, count, grad, hess);
    else buildFeatureGathered(hist, col, base, idx, begin, count, og, oh);
  }
}

function buildFeatureContiguous(hist: Float64Array, col: Uint8Array, base: number, count: number, grad: Float32Array, hess: Float32Array): void {
  for (let k = 0; k < count; k++) {
    const o = base + col[k] * 3;
    hist[o] += grad[k];
    hist[o + 1] += hess[k];
    hist[o + 2] += 1;
  }
}

function buildFeatureGathered(
  hist: Float64Array,
  col: Uint8Array,
  base: number,
  idx: Uint32Array,
  begin: number,
  count: number,
  og: Float32Array,
  oh: Float32Array,
): void {
  for (let k = 0; k < count; k++) {
    const o = base + col[idx[begin + k]] * 3;
    hist[o] += og[k];
    hist[o + 1] += oh[k];
    hist[o + 2] += 1;
  }
}

/** Zeroes the bins of the listed features. */
export function clearHistogram(hist: Float64Array, offsets: Int32Array, nBins: Int32Array, features: Int32Array, nFeatures: number): void {
  for (let j = 0; j < nFeatures; j++) {
    const f = features[j];
    hist.fill(0, offsets[f] * 3, (offsets[f] + nBins[f]) * 3);
  }
}

/** parent -= child over the listed features: the sibling's histogram without touching its rows. */
export function subtractHistogram(parent: Float64Array, child: Float64Array, offsets: Int32Array, nBins: Int32Array, features: Int32Array, nFeatures: number): void {
  for (let j = 0; j < nFeatures; j++) {
    const f = features[j];
    const end = (offsets[f] + nBins[f]) * 3;
    for (let i = offsets[f] * 3; i < end; i++) parent[i] -= child[i];
  }
}
