// The row-ordered histogram and partition kernels, and the binary log-loss gradients, in WebAssembly (assembly/tree.ts). They work on the memory
// the learner's RowOrderedState is laid out in (row-ordered.ts allocates it there when the module
// compiles); each thread instantiates the module once per memory.
import { compileBase64Module } from '../../wasm/compile-base64';
import { TREE_WASM_BASE64, TREE_WASM_SHARED_BASE64 } from './tree-wasm.generated';

export interface TreeWasmKernels {
  histogramExact(hist: number, histBytes: number, words: number, wordsPerRow: number, stride: number, begin: number, count: number, grad: number, hess: number): void;
  histogramPacked(hist: number, histBytes: number, words: number, wordsPerRow: number, stride: number, begin: number, count: number, packed: number): void;
  decideByBin(side: number, words: number, stride: number, begin: number, end: number, word: number, shift: number, goesLeft: number): number;
  decideById(side: number, index: number, begin: number, end: number, goesLeft: number): number;
  moveRows(srcWords: number, dstWords: number, srcIndex: number, dstIndex: number, side: number, stride: number, begin: number, end: number, left: number, right: number): void;
  moveGradients(srcGrad: number, dstGrad: number, srcHess: number, dstHess: number, side: number, begin: number, end: number, left: number, right: number): void;
  movePacked(src: number, dst: number, side: number, begin: number, end: number, left: number, right: number): void;
  partitionIds(words: number, stride: number, srcIndex: number, dstIndex: number, begin: number, count: number, word: number, shift: number, goesLeft: number): number;
  binaryGradients(y: number, scores: number, weights: number, hasWeights: number, grad: number, hess: number, begin: number, end: number): void;
  histogramColumns(
    hist: number, bins: number, binStride: number, offsets: number, nBins: number, features: number, nFeatures: number,
    idx: number, begin: number, count: number, grad: number, hess: number, pairs: number, contiguous: number,
  ): void;
}

const compiled = new Map<boolean, WebAssembly.Module | null>();

/** The module for a plain or a shared memory, or null where it does not compile here. */
export function treeWasmModule(shared: boolean): WebAssembly.Module | null {
  if (!compiled.has(shared)) compiled.set(shared, compileBase64Module(shared ? TREE_WASM_SHARED_BASE64 : TREE_WASM_BASE64));
  return compiled.get(shared)!;
}

const instances = new WeakMap<WebAssembly.Memory, TreeWasmKernels>();

/** This thread's kernels on `memory` (a memory arrives on a helper thread as a new object: one instance there). */
export function treeKernels(memory: WebAssembly.Memory, shared: boolean): TreeWasmKernels {
  let k = instances.get(memory);
  if (!k) {
    const module = treeWasmModule(shared);
    if (!module) throw new Error('tree kernels: the WebAssembly module does not compile on this thread');
    k = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as TreeWasmKernels;
    instances.set(memory, k);
  }
  return k;
}
