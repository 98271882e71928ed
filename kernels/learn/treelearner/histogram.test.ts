import { describe, expect, it } from 'vitest';
import { binMatrix, type BinnedDataset } from '../dataset/binned-dataset';
import { createRandom, type Random } from '../../random/random';
import {
  buildHistogramColumnWise, HIST_LANES, subtractAll, subtractHistogram, UNIFORM_BINS,
} from './histogram';
import { quantizeGradients } from './quantize';
import { packRowMajor, partitionRowOrdered } from './row-ordered';
import { buildRowOrdered } from './tree-helper';
import { partition } from './tree-learner';
import { makeClassification } from '../../../test/fixtures/tree-data';

const N = 1500;

/** makeClassification's three features plus a copy of the first with holes (a missing bin in use). */
function dataset(): BinnedDataset {
  const { X } = makeClassification(N, 51);
  const holes = Float64Array.from(X.columns[0], (v, i) => (i % 7 === 0 ? NaN : v));
  return binMatrix({ ...X, columns: [...X.columns, holes], featureNames: [...X.featureNames, 'holes'] }, { bins: 63 });
}

/** Gradients that are multiples of 1/8 (and integer hessians), so every float64 sum of them is exact. */
function dyadicGradients(random: Random): { grad: Float32Array; hess: Float32Array } {
  const grad = Float32Array.from({ length: N }, () => Math.floor(random() * 161 - 80) / 8);
  const hess = Float32Array.from({ length: N }, () => 1 + Math.floor(random() * 4));
  return { grad, hess };
}

/** A random split of the rows: a random feature, threshold bin among its used bins, and missing side. */
function randomSplit(data: BinnedDataset, random: Random): { feature: number; goesLeft: Uint8Array } {
  const feature = Math.floor(random() * data.nFeatures);
  const mapper = data.mappers[feature];
  const goesLeft = new Uint8Array(mapper.nBins);
  const threshold = 1 + Math.floor(random() * (mapper.missingBin - 2));
  for (let b = 0; b <= threshold; b++) goesLeft[b] = 1;
  goesLeft[mapper.missingBin] = random() < 0.5 ? 1 : 0;
  return { feature, goesLeft };
}

/** Column-wise histogram of the listed rows over every feature, in the uniform layout. */
function directHistogram(data: BinnedDataset, rows: Uint32Array, grad: Float32Array, hess: Float32Array): Float64Array {
  const offsets = Int32Array.from({ length: data.nFeatures }, (_, f) => f * UNIFORM_BINS);
  const features = Int32Array.from({ length: data.nFeatures }, (_, f) => f);
  const hist = new Float64Array(Math.ceil(data.nFeatures / 4) * 4 * UNIFORM_BINS * HIST_LANES);
  const scratch = () => new Float32Array(rows.length);
  buildHistogramColumnWise(hist, data.bins, offsets, features, data.nFeatures, rows, 0, rows.length, grad, hess, scratch(), scratch(), false);
  return hist;
}

function splitRows(data: BinnedDataset, feature: number, goesLeft: Uint8Array): { left: Uint32Array; right: Uint32Array } {
  const idx = Uint32Array.from({ length: N }, (_, i) => i);
  const nLeft = partition(idx, new Uint32Array(N), 0, N, data.bins[feature], goesLeft);
  return { left: idx.slice(0, nLeft), right: idx.slice(nLeft) };
}

describe('histogram subtraction', () => {
  it('parent − one child equals the other child built from its rows (column-wise, exact sums)', () => {
    const data = dataset();
    const random = createRandom(1);
    const offsets = Int32Array.from({ length: data.nFeatures }, (_, f) => f * UNIFORM_BINS);
    const nBins = Int32Array.from(data.mappers, (m) => m.nBins);
    const features = Int32Array.from({ length: data.nFeatures }, (_, f) => f);
    for (let trial = 0; trial < 5; trial++) {
      const { grad, hess } = dyadicGradients(random);
      const { feature, goesLeft } = randomSplit(data, random);
      const { left, right } = splitRows(data, feature, goesLeft);
      expect(left.length).toBeGreaterThan(0);
      expect(right.length).toBeGreaterThan(0);
      const parent = directHistogram(data, Uint32Array.from({ length: N }, (_, i) => i), grad, hess);
      const direct = directHistogram(data, right, grad, hess);
      subtractHistogram(parent, directHistogram(data, left, grad, hess), offsets, nBins, features, data.nFeatures);
      expect(Array.from(parent)).toEqual(Array.from(direct));
      // The sibling's totals are those of its rows.
      let g = 0;
      for (const r of right) g += grad[r];
      let fromHist = 0;
      for (let b = 0; b < nBins[0]; b++) fromHist += parent[(offsets[0] + b) * 2];
      expect(fromHist).toBe(g);
    }
  });

  it('agrees to rounding with arbitrary float32 gradients', () => {
    // Float64 sums of arbitrary float32 values are not associative, so equal only to rounding.
    const data = dataset();
    const random = createRandom(2);
    const grad = Float32Array.from({ length: N }, () => random() * 2 - 1);
    const hess = Float32Array.from({ length: N }, () => random() * 0.25);
    const { feature, goesLeft } = randomSplit(data, random);
    const { left, right } = splitRows(data, feature, goesLeft);
    const parent = directHistogram(data, Uint32Array.from({ length: N }, (_, i) => i), grad, hess);
    subtractAll(parent, directHistogram(data, left, grad, hess));
    const direct = directHistogram(data, right, grad, hess);
    for (let i = 0; i < parent.length; i++) expect(Math.abs(parent[i] - direct[i])).toBeLessThan(1e-12);
  });

  it.each(['wasm', 'js'] as const)('row-ordered (%s): children built after partitioning the row-major bins match, and parent − child is exact', (engine) => {
    const data = dataset();
    const random = createRandom(3);
    const { grad, hess } = dyadicGradients(random);
    const { feature, goesLeft } = randomSplit(data, random);
    const ro = packRowMajor(data.bins, N, false, false, engine);
    expect(ro.wasm !== null).toBe(engine === 'wasm');
    ro.grad[0].set(grad);
    ro.hess[0].set(hess);
    const size = Math.ceil(data.nFeatures / 4) * 4 * UNIFORM_BINS * HIST_LANES;
    const build = (slot: 0 | 1, begin: number, count: number) => {
      const hist = new Float64Array(size);
      buildRowOrdered(hist, ro, slot, begin, count);
      return hist;
    };
    const parent = build(0, 0, N);
    const nLeft = partitionRowOrdered(ro, 0, 0, N, feature, goesLeft);
    const { left, right } = splitRows(data, feature, goesLeft);
    expect(nLeft).toBe(left.length);
    expect(Array.from(ro.index[1].subarray(0, nLeft))).toEqual(Array.from(left));
    const leftHist = build(1, 0, nLeft);
    const rightHist = build(1, nLeft, N - nLeft);
    expect(Array.from(leftHist)).toEqual(Array.from(directHistogram(data, left, grad, hess)));
    expect(Array.from(rightHist)).toEqual(Array.from(directHistogram(data, right, grad, hess)));
    subtractAll(parent, leftHist);
    expect(Array.from(parent)).toEqual(Array.from(rightHist));
  });

  it.each(['wasm', 'js'] as const)('quantized (%s): packed integer histograms subtract exactly whatever the gradients', (engine) => {
    const data = dataset();
    const random = createRandom(4);
    const grad = Float32Array.from({ length: N }, () => random() * 2 - 1);
    const hess = Float32Array.from({ length: N }, () => random() * 0.25);
    const { feature, goesLeft } = randomSplit(data, random);
    const ro = packRowMajor(data.bins, N, true, false, engine);
    quantizeGradients(grad, hess, N, N, 12345, ro.packed![0]);
    const size = Math.ceil(data.nFeatures / 4) * 4 * UNIFORM_BINS;
    const build = (slot: 0 | 1, begin: number, count: number) => {
      const hist = new Float64Array(size);
      buildRowOrdered(hist, ro, slot, begin, count);
      return hist;
    };
    const parent = build(0, 0, N);
    const nLeft = partitionRowOrdered(ro, 0, 0, N, feature, goesLeft);
    const rightHist = build(1, nLeft, N - nLeft);
    // Directly: the packed values of the right rows summed per bin.
    const packed = ro.packed![0];
    const direct = new Float64Array(size);
    for (let k = nLeft; k < N; k++) {
      const r = ro.index[1][k];
      for (let f = 0; f < data.nFeatures; f++) direct[f * UNIFORM_BINS + data.bins[f][r]] += packed[r];
    }
    expect(Array.from(rightHist)).toEqual(Array.from(direct));
    subtractAll(parent, build(1, 0, nLeft));
    expect(Array.from(parent)).toEqual(Array.from(rightHist));
    for (const v of parent) expect(Number.isInteger(v)).toBe(true);
  });
});
