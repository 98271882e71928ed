import { describe, expect, it } from 'vitest';
import { binMatrix } from '../dataset/binned-dataset';
import { createRandom } from '../../random/random';
import { UNIFORM_BINS } from './histogram';
import { quantizeGradients } from './quantize';
import { nextSlot, packRowMajor, partitionIndexOnly, partitionRowOrdered, type RowOrderedState, type Slot } from './row-ordered';
import { buildRowOrdered } from './tree-helper';
import { treeWasmModule } from './tree-wasm';

const N = 2001;

/** Random features (255 bins, some missing values) and arbitrary float32 gradients. */
function problem(nFeatures: number, seed: number) {
  const random = createRandom(seed);
  const columns = Array.from({ length: nFeatures }, (_, f) => Float64Array.from({ length: N }, () => (random() < 0.05 * (f % 3) ? NaN : random() * 100)));
  const data = binMatrix({ nRows: N, columns, featureNames: columns.map((_, f) => `f${f}`) }, { bins: 255 });
  const grad = Float32Array.from({ length: N }, () => random() * 2 - 1);
  const hess = Float32Array.from({ length: N }, () => random() * 0.25);
  return { data, grad, hess, random };
}

/** One sequence of partitions on a state: a bag (by row id), two splits by bin, an ids-only split. */
function grow(ro: RowOrderedState, nFeatures: number, seed: number, quantized: boolean, grad: Float32Array, hess: Float32Array) {
  const random = createRandom(seed);
  const hists: number[][] = [];
  const size = Math.ceil(nFeatures / 4) * 4 * UNIFORM_BINS * (quantized ? 1 : 2);
  const hist = (slot: Slot, begin: number, count: number) => {
    const h = new Float64Array(size);
    buildRowOrdered(h, ro, slot, begin, count);
    hists.push(Array.from(h));
  };
  if (quantized) quantizeGradients(grad, hess, N, N, 99, ro.packed![0]);
  else {
    ro.grad[0].set(grad);
    ro.hess[0].set(hess);
  }
  ro.mask.fill(0);
  for (let i = 0; i < N; i++) if (random() < 0.8) ro.mask[i] = 1;
  const bagged = partitionRowOrdered(ro, 0, 0, N, -1, ro.mask);
  hist(1, 0, bagged);
  const table = () => Uint8Array.from({ length: 256 }, () => (random() < 0.5 ? 1 : 0));
  const f1 = Math.floor(random() * nFeatures);
  const left = partitionRowOrdered(ro, 1, 0, bagged, f1, table());
  hist(2, 0, left);
  hist(2, left, bagged - left);
  const f2 = Math.floor(random() * nFeatures);
  const left2 = partitionRowOrdered(ro, 2, left, bagged - left, f2, table());
  hist(nextSlot(2), left, left2);
  const f3 = Math.floor(random() * nFeatures);
  const ids = partitionIndexOnly(ro, 2, 0, left, f3, table());
  return { hists, counts: [bagged, left, left2, ids], index: ro.index.map((a) => Array.from(a)) };
}

describe('tree kernels: WebAssembly and JavaScript engines', () => {
  it('compile here, plain and with shared memory', () => {
    expect(treeWasmModule(false)).toBeInstanceOf(WebAssembly.Module);
    expect(treeWasmModule(true)).toBeInstanceOf(WebAssembly.Module);
  });

  // 5 features: rows of 2 words (no 16-byte block); 13: 4 words; 21: 6 words (a block and a tail).
  it.each([[5, false], [13, false], [21, false], [5, true], [21, true]])('%i features, quantized %s: the same partitions and bit-identical histograms', (nFeatures, quantized) => {
    const { data, grad, hess } = problem(nFeatures, nFeatures);
    const wasm = packRowMajor(data.bins, N, quantized, false, 'wasm');
    const js = packRowMajor(data.bins, N, quantized, false, 'js');
    expect(wasm.wasm).not.toBeNull();
    expect(js.wasm).toBeNull();
    const a = grow(wasm, nFeatures, 7, quantized, grad, hess);
    const b = grow(js, nFeatures, 7, quantized, grad, hess);
    expect(a.counts).toEqual(b.counts);
    expect(a.index).toEqual(b.index);
    expect(a.hists.length).toBe(b.hists.length);
    a.hists.forEach((h, i) => expect(h, `histogram ${i}`).toEqual(b.hists[i]));
    expect(Array.from(wasm.words[2])).toEqual(Array.from(js.words[2]));
    // Something was summed (the comparison is not between two empty histograms).
    expect(a.hists[0].some((v) => v !== 0)).toBe(true);
  });

  it('a shared memory serves the same kernels (the helper thread’s build)', () => {
    const { data, grad, hess } = problem(13, 3);
    const shared = packRowMajor(data.bins, N, false, true, 'wasm');
    expect(shared.wasm?.shared).toBe(true);
    expect(shared.words[0].buffer).toBeInstanceOf(SharedArrayBuffer);
    const plain = packRowMajor(data.bins, N, false, false, 'js');
    expect(grow(shared, 13, 5, false, grad, hess)).toEqual(grow(plain, 13, 5, false, grad, hess));
  });
});
