// Column-wise histograms in WebAssembly (assembly/tree.ts histogramColumns): the tree learner's
// mode for feature subsets (GBDT feature fractions, random forests), which the tournament's search
// mostly runs. The binned columns are copied once per learner into a memory of its own; the row
// indices the learner partitions live there too, and each tree's gradients are copied in.
import { MemoryLayout } from '../../wasm/memory-layout';
import { treeKernels, treeWasmModule, type TreeWasmKernels } from './tree-wasm';

export class ColumnHistograms {
  /** Row indices (the learner partitions them in place), in the kernels' memory. */
  readonly indices: Uint32Array;
  readonly grad: Float32Array;
  readonly hess: Float32Array;
  private readonly k: TreeWasmKernels;
  private readonly scratch: Float64Array;
  private readonly features: Int32Array;
  private readonly at: { bins: number; stride: number; offsets: number; nBins: number; features: number; idx: number; grad: number; hess: number; pairs: number; hist: number };

  private constructor(memory: WebAssembly.Memory, at: ColumnHistograms['at'], n: number, nFeatures: number, histSize: number) {
    this.k = treeKernels(memory, false);
    this.at = at;
    const buf = memory.buffer;
    this.indices = new Uint32Array(buf, at.idx, n);
    this.grad = new Float32Array(buf, at.grad, n);
    this.hess = new Float32Array(buf, at.hess, n);
    this.features = new Int32Array(buf, at.features, nFeatures);
    this.scratch = new Float64Array(buf, at.hist, histSize);
  }

  /**
   * The kernels for a learner's binned columns and histogram layout (bin b of feature f at
   * (offsets[f] + b)·2), or null where the kernels do not compile or the memory cannot be had.
   */
  static create(bins: Uint8Array[], n: number, offsets: Int32Array, nBins: Int32Array, histSize: number): ColumnHistograms | null {
    if (!treeWasmModule(false)) return null;
    const nFeatures = bins.length;
    const layout = new MemoryLayout();
    const alloc = (bytes: number) => layout.alloc(bytes);
    const stride = Math.ceil(n / 16) * 16;
    const at = {
      bins: alloc(nFeatures * stride), stride, offsets: alloc(nFeatures * 4), nBins: alloc(nFeatures * 4), features: alloc(nFeatures * 4),
      idx: alloc(n * 4), grad: alloc(n * 4), hess: alloc(n * 4), pairs: alloc(n * 16), hist: alloc(histSize * 8),
    };
    const memory = layout.memory();
    if (!memory) return null;
    const buf = memory.buffer;
    bins.forEach((col, f) => new Uint8Array(buf, at.bins + f * stride, n).set(col.subarray(0, n)));
    new Int32Array(buf, at.offsets, nFeatures).set(offsets);
    new Int32Array(buf, at.nBins, nFeatures).set(nBins);
    return new ColumnHistograms(memory, at, n, nFeatures, histSize);
  }

  /** Copies a tree's gradients in (a no-op when they are already this memory's arrays). */
  setGradients(grad: Float32Array, hess: Float32Array): void {
    if (grad !== this.grad) this.grad.set(grad.subarray(0, this.grad.length));
    if (hess !== this.hess) this.hess.set(hess.subarray(0, this.hess.length));
  }

  /**
   * Zeroes and builds the listed features' bins of `hist` from rows idx[begin..begin+count) (or
   * 0..count-1 when `contiguous`), with the gradients of the last setGradients.
   */
  build(hist: Float64Array, offsets: Int32Array, nBins: Int32Array, features: Int32Array, nFeatures: number, begin: number, count: number, contiguous: boolean): void {
    const a = this.at;
    this.features.set(features.subarray(0, nFeatures));
    this.k.histogramColumns(a.hist, a.bins, a.stride, a.offsets, a.nBins, a.features, nFeatures, a.idx, begin, count, a.grad, a.hess, a.pairs, contiguous ? 1 : 0);
    for (let j = 0; j < nFeatures; j++) {
      const f = features[j];
      const from = offsets[f] << 1;
      const to = (offsets[f] + nBins[f]) << 1;
      hist.set(this.scratch.subarray(from, to), from);
    }
  }
}
