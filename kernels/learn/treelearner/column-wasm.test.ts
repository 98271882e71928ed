import { describe, expect, it } from 'vitest';
import { binMatrix } from '../dataset/binned-dataset';
import { createRandom } from '../../random/random';
import { buildHistogramColumnWise, clearHistogram, HIST_LANES } from './histogram';
import { ColumnHistograms } from './column-wasm';

const N = 3001;

describe('column-wise histograms in WebAssembly', () => {
  it.each([true, false])('are bit-identical to the JavaScript builder (contiguous rows: %s), feature subsets, packed layout', (contiguous) => {
    const random = createRandom(contiguous ? 1 : 2);
    const nFeatures = 9;
    const columns = Array.from({ length: nFeatures }, (_, f) => Float64Array.from({ length: N }, () => (random() < 0.04 * (f % 3) ? NaN : random() * 50)));
    const data = binMatrix({ nRows: N, columns, featureNames: columns.map((_, f) => `f${f}`) }, { bins: 10 + 30 * (nFeatures % 4) });
    // Features packed back to back (the layout past 512 features), each its own bin count.
    const nBins = Int32Array.from(data.mappers, (m) => m.nBins);
    const offsets = new Int32Array(nFeatures);
    for (let f = 1; f < nFeatures; f++) offsets[f] = offsets[f - 1] + nBins[f - 1];
    const histSize = (offsets[nFeatures - 1] + nBins[nFeatures - 1]) * HIST_LANES;
    const grad = Float32Array.from({ length: N }, () => random() * 2 - 1);
    const hess = Float32Array.from({ length: N }, () => random() * 0.25);
    const wasm = ColumnHistograms.create(data.bins, N, offsets, nBins, histSize)!;
    expect(wasm).not.toBeNull();
    // A leaf: rows 500..2499 of a shuffled index (or the first 2,000 rows in order).
    const ids = Uint32Array.from({ length: N }, (_, i) => i);
    for (let i = N - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ids[i], ids[j]] = [ids[j], ids[i]];
    }
    wasm.indices.set(ids);
    wasm.setGradients(grad, hess);
    const [begin, count] = contiguous ? [0, 2000] : [500, 2000];
    const features = Int32Array.from([7, 0, 3, 8, 5]);
    const js = new Float64Array(histSize).fill(7); // stale values outside the subset stay as they are
    clearHistogram(js, offsets, nBins, features, features.length);
    buildHistogramColumnWise(js, data.bins, offsets, features, features.length, ids, begin, count, grad, hess, new Float32Array(N), new Float32Array(N), contiguous);
    const got = new Float64Array(histSize).fill(7);
    wasm.build(got, offsets, nBins, features, features.length, begin, count, contiguous);
    expect(Array.from(got)).toEqual(Array.from(js));
    expect(got.some((v) => v !== 0 && v !== 7)).toBe(true);
  });
});
