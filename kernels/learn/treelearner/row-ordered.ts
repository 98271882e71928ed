// Row-ordered mode of the tree learner: a row-major copy of the bins (4 bins per Uint32 word)
// that is partitioned together with the row ids and the gradients, so the rows of every leaf
// sit contiguously and its histogram is one sequential pass instead of a gather per feature.
// Three slots: slot 0 is pristine (rows in id order, the caller's gradient arrays), so every
// tree starts without gathering; splits ping-pong between slots 1 and 2, each row written once
// per level and never copied back. Partitions are stable, so ids inside a leaf stay increasing
// and per-leaf score updates stream through memory.
// Costs ~3 × rows × features bytes; buys cache-friendly histogram building, the dominant cost.
// Where the WebAssembly kernels compile (tree-wasm.ts), every array lives in one WebAssembly
// memory, so the histograms are built there; the JavaScript code reads the same arrays as views.
import { UNIFORM_BINS } from './histogram';
import { MemoryLayout } from '../../wasm/memory-layout';
import { treeKernels, treeWasmModule } from './tree-wasm';

export type Slot = 0 | 1 | 2;
type Triple<T> = [T, T, T];

/** The arrays' places in a WebAssembly memory (byte offsets), for the kernels of tree-wasm.ts. */
export interface RowOrderedWasm {
  memory: WebAssembly.Memory;
  shared: boolean;
  words: Triple<number>;
  index: Triple<number>;
  grad: Triple<number>;
  hess: Triple<number>;
  packed: Triple<number> | null;
  side: number;
  /** A histogram per thread (0: the learner, 1: a helper) that the kernels build into, histBytes each. */
  scratch: [number, number];
  histBytes: number;
  /** Per thread, 256 bytes for the goesLeft table of a split by bin. */
  goesLeft: [number, number];
}

/**
 * A one-output boosting loop's per-row arrays (labels, weights, scores, gradients), kept in the
 * kernels' memory so the gradients are computed there and slot 0 reads them without a copy.
 */
export interface LoopArrays {
  y: Float64Array;
  weights?: Float64Array;
  scores: Float64Array;
  grad: Float32Array;
  hess: Float32Array;
}

export interface RowOrderedState {
  /** Words holding bins (4 per word). */
  wordsPerRow: number;
  /** Words per row in memory: wordsPerRow rounded up to even, so a row is whole float64s. */
  stride: number;
  /** Bins of the row at position k of slot s: words[s][k * stride .. + wordsPerRow). */
  words: [Uint32Array, Uint32Array, Uint32Array];
  /** The same memory as float64 pairs of words, for moving rows with half the loads and stores. */
  wordPairs: [Float64Array, Float64Array, Float64Array];
  /** Row id at each position (slot 0: the identity). */
  index: [Uint32Array, Uint32Array, Uint32Array];
  /** Gradients by position; slot 0 holds the caller's arrays of the current tree (exact mode). */
  grad: [Float32Array, Float32Array, Float32Array];
  hess: [Float32Array, Float32Array, Float32Array];
  /** Quantized mode: gradient and hessian packed in one exact integer per row (see quantize.ts). */
  packed: [Float64Array, Float64Array, Float64Array] | null;
  /** Per row id: 1 when the row is in the current bag. */
  mask: Uint8Array;
  /** Per position: 1 when the row goes left in the partition under way. */
  side: Uint8Array;
  /** Where the arrays live in a WebAssembly memory; null: plain (or shared) typed arrays. */
  wasm: RowOrderedWasm | null;
  /** In a WebAssembly memory, when asked for: the boosting loop's arrays (exact mode: grad[0], hess[0] are its gradients). */
  loop: LoopArrays | null;
}

/** The slot a split of a leaf in `from` writes its children to. */
export function nextSlot(from: Slot): Slot {
  return from === 1 ? 2 : 1;
}

/**
 * Packs column-major bins into row-major words (feature 4w + j in byte j of word w, little-endian)
 * in slot 0. With `shared`, every array lives on a SharedArrayBuffer, so a helper thread can
 * partition rows and build histograms on the same memory (tree-helper.ts). `engine` 'js' keeps the
 * arrays out of WebAssembly (the JavaScript loops then run; tests compare the two).
 */
export function packRowMajor(
  bins: Uint8Array[], nRows: number, quantized: boolean, shared = false, engine: 'wasm' | 'js' = 'wasm', loop?: { weights: boolean },
): RowOrderedState {
  const wordsPerRow = Math.ceil(bins.length / 4);
  const stride = wordsPerRow + (wordsPerRow & 1);
  const s = (engine === 'wasm' ? wasmState(nRows, wordsPerRow, stride, quantized, shared, loop) : null) ?? typedArrayState(nRows, wordsPerRow, stride, quantized, shared);
  const words0 = s.words[0];
  const nFeatures = bins.length;
  const zero = new Uint8Array(nRows);
  for (let w = 0; w < wordsPerRow; w++) {
    const c0 = bins[4 * w];
    const c1 = 4 * w + 1 < nFeatures ? bins[4 * w + 1] : zero;
    const c2 = 4 * w + 2 < nFeatures ? bins[4 * w + 2] : zero;
    const c3 = 4 * w + 3 < nFeatures ? bins[4 * w + 3] : zero;
    for (let i = 0, o = w; i < nRows; i++, o += stride) words0[o] = (c0[i] | (c1[i] << 8) | (c2[i] << 16) | (c3[i] << 24)) >>> 0;
  }
  const index0 = s.index[0];
  for (let i = 0; i < nRows; i++) index0[i] = i;
  return s;
}

function typedArrayState(nRows: number, wordsPerRow: number, stride: number, quantized: boolean, shared: boolean): RowOrderedState {
  const words = () => (shared ? new Uint32Array(new SharedArrayBuffer(nRows * stride * 4)) : new Uint32Array(nRows * stride));
  const ids = () => (shared ? new Uint32Array(new SharedArrayBuffer(nRows * 4)) : new Uint32Array(nRows));
  const m = quantized ? 0 : nRows;
  const floats = () => (shared ? new Float32Array(new SharedArrayBuffer(m * 4)) : new Float32Array(m));
  const doubles = () => (shared ? new Float64Array(new SharedArrayBuffer(nRows * 8)) : new Float64Array(nRows));
  const w: Triple<Uint32Array> = [words(), words(), words()];
  return {
    wordsPerRow,
    stride,
    words: w,
    wordPairs: [new Float64Array(w[0].buffer), new Float64Array(w[1].buffer), new Float64Array(w[2].buffer)],
    index: [ids(), ids(), ids()],
    grad: [floats(), floats(), floats()],
    hess: [floats(), floats(), floats()],
    packed: quantized ? [doubles(), doubles(), doubles()] : null,
    mask: new Uint8Array(nRows),
    side: shared ? new Uint8Array(new SharedArrayBuffer(nRows)) : new Uint8Array(nRows),
    wasm: null,
    loop: null,
  };
}

/**
 * The same arrays in one WebAssembly memory (shared with `shared`), or null when the kernels do
 * not compile here or the memory cannot be had (over 4 GiB, or refused).
 */
function wasmState(nRows: number, wordsPerRow: number, stride: number, quantized: boolean, shared: boolean, loop?: { weights: boolean }): RowOrderedState | null {
  if (!treeWasmModule(shared)) return null;
  const layout = new MemoryLayout();
  const at = (bytes: number) => layout.alloc(bytes);
  const triple = (bytes: number): Triple<number> => [at(bytes), at(bytes), at(bytes)];
  const m = quantized ? 0 : nRows;
  const histBytes = wordsPerRow * 4 * UNIFORM_BINS * (quantized ? 1 : 2) * 8;
  const words = triple(nRows * stride * 4);
  const index = triple(nRows * 4);
  // The loop's arrays; in exact mode its gradients are slot 0's.
  const loopAt = loop
    ? { y: at(nRows * 8), scores: at(nRows * 8), weights: loop.weights ? at(nRows * 8) : -1, grad: at(nRows * 4), hess: at(nRows * 4) }
    : null;
  const grad: Triple<number> = [loopAt && !quantized ? loopAt.grad : at(m * 4), at(m * 4), at(m * 4)];
  const hess: Triple<number> = [loopAt && !quantized ? loopAt.hess : at(m * 4), at(m * 4), at(m * 4)];
  const packed = quantized ? triple(nRows * 8) : null;
  const mask = at(nRows);
  const side = at(nRows);
  const scratch: [number, number] = [at(histBytes), at(histBytes)];
  const goesLeft: [number, number] = [at(256), at(256)];
  const memory = layout.memory(shared);
  if (!memory) return null;
  const buf = memory.buffer;
  const u32 = (p: number, n: number) => new Uint32Array(buf, p, n);
  const f32 = (p: number) => new Float32Array(buf, p, m);
  const f64 = (p: number) => new Float64Array(buf, p, nRows);
  return {
    wordsPerRow,
    stride,
    words: [u32(words[0], nRows * stride), u32(words[1], nRows * stride), u32(words[2], nRows * stride)],
    wordPairs: [0, 1, 2].map((s) => new Float64Array(buf, words[s], (nRows * stride) / 2)) as Triple<Float64Array>,
    index: [u32(index[0], nRows), u32(index[1], nRows), u32(index[2], nRows)],
    grad: [f32(grad[0]), f32(grad[1]), f32(grad[2])],
    hess: [f32(hess[0]), f32(hess[1]), f32(hess[2])],
    packed: packed ? [f64(packed[0]), f64(packed[1]), f64(packed[2])] : null,
    mask: new Uint8Array(buf, mask, nRows),
    side: new Uint8Array(buf, side, nRows),
    wasm: { memory, shared, words, index, grad, hess, packed, side, scratch, histBytes, goesLeft },
    loop: loopAt
      ? {
        y: new Float64Array(buf, loopAt.y, nRows),
        scores: new Float64Array(buf, loopAt.scores, nRows),
        ...(loopAt.weights >= 0 ? { weights: new Float64Array(buf, loopAt.weights, nRows) } : {}),
        grad: new Float32Array(buf, loopAt.grad, nRows),
        hess: new Float32Array(buf, loopAt.hess, nRows),
      }
      : null,
  };
}

/**
 * Stable partition of positions begin..begin+count of slot `from` into the same positions of
 * nextSlot(from), rows going left first. A row goes left when `goesLeft[bin of feature f]` is 1,
 * or, with f = -1, when `goesLeft[row id]` is 1 (the bag mask). Returns how many went left.
 * Two passes: decide and count, then copy into two forward streams (measured ~25% faster than
 * one pass filling the range from both ends). Each destination is chosen by arithmetic on the
 * 0/1 side (d = right + ((left - right) & -side)), not a branch: sides are a coin toss to the
 * branch predictor, and the branch cost ~22% of the partition (6.3 s → 4.9 s of a 100-tree
 * HIGGS fit).
 */
export function partitionRowOrdered(s: RowOrderedState, from: Slot, begin: number, count: number, f: number, goesLeft: Uint8Array): number {
  const end = begin + count;
  const nLeft = decideSides(s, from, begin, end, f, goesLeft);
  moveRows(s, from, begin, end, begin, begin + nLeft);
  return nLeft;
}

/**
 * First half of a partition: marks in `side` which of positions begin..end of slot `from` go left
 * (bin of feature f, or with f = -1 the row id, looked up in `goesLeft`) and returns how many.
 */
export function decideSides(s: RowOrderedState, from: Slot, begin: number, end: number, f: number, goesLeft: Uint8Array, thread: 0 | 1 = 0): number {
  const w = s.wasm;
  if (w) {
    const k = treeKernels(w.memory, w.shared);
    if (f < 0) return k.decideById(w.side, w.index[from], begin, end, tableIn(w, goesLeft, thread));
    return k.decideByBin(w.side, w.words[from], s.stride, begin, end, f >> 2, (f & 3) << 3, tableIn(w, goesLeft, thread));
  }
  const side = s.side;
  let nLeft = 0;
  if (f < 0) {
    const srcIndex = s.index[from];
    for (let k = begin; k < end; k++) nLeft += side[k] = goesLeft[srcIndex[k]];
  } else {
    const srcWords = s.words[from];
    const stride = s.stride;
    const wordOfFeature = f >> 2;
    const shift = (f & 3) << 3;
    for (let k = begin; k < end; k++) nLeft += side[k] = goesLeft[(srcWords[k * stride + wordOfFeature] >>> shift) & 255];
  }
  return nLeft;
}

/**
 * Second half: moves positions begin..end of slot `from` (sides decided) to nextSlot(from), the
 * left ones from position `left` on, the right ones from `right` on, in order. Two threads can
 * each move one half of a leaf's range once they know the left counts of both halves.
 */
export function moveRows(s: RowOrderedState, from: Slot, begin: number, end: number, left: number, right: number): void {
  const to = nextSlot(from);
  const w = s.wasm;
  if (w) {
    const k = treeKernels(w.memory, w.shared);
    k.moveRows(w.words[from], w.words[to], w.index[from], w.index[to], w.side, s.stride, begin, end, left, right);
    if (w.packed) k.movePacked(w.packed[from], w.packed[to], w.side, begin, end, left, right);
    else k.moveGradients(w.grad[from], w.grad[to], w.hess[from], w.hess[to], w.side, begin, end, left, right);
    return;
  }
  const stride = s.stride;
  const srcWords = s.words[from];
  const dstWords = s.words[to];
  const srcPairs = s.wordPairs[from];
  const dstPairs = s.wordPairs[to];
  const pairs = stride >> 1;
  const srcIndex = s.index[from];
  const dstIndex = s.index[to];
  const side = s.side;
  const left0 = left;
  const right0 = right;
  if (FLOAT64_MOVES_BITS) {
    // Rows move as float64 pairs of words (bit patterns survive plain float64 loads and stores,
    // checked at start-up), unrolled for up to 32 features: ~35% faster than word by word.
    for (let k = begin; k < end; k++) {
      const src = k * pairs;
      const l = side[k];
      const d = right + ((left - right) & -l);
      left += l;
      right += 1 - l;
      const dst = d * pairs;
      dstPairs[dst] = srcPairs[src];
      if (pairs > 1) dstPairs[dst + 1] = srcPairs[src + 1];
      if (pairs > 2) dstPairs[dst + 2] = srcPairs[src + 2];
      if (pairs > 3) dstPairs[dst + 3] = srcPairs[src + 3];
      for (let j = 4; j < pairs; j++) dstPairs[dst + j] = srcPairs[src + j];
      dstIndex[d] = srcIndex[k];
    }
  } else {
    for (let k = begin; k < end; k++) {
      const src = k * stride;
      const l = side[k];
      const d = right + ((left - right) & -l);
      left += l;
      right += 1 - l;
      const dst = d * stride;
      for (let w = 0; w < stride; w++) dstWords[dst + w] = srcWords[src + w];
      dstIndex[d] = srcIndex[k];
    }
  }
  // Gradients follow in their own pass (exact pair or packed value), again two forward streams.
  left = left0;
  right = right0;
  const packed = s.packed;
  if (packed) {
    const src = packed[from];
    const dst = packed[to];
    for (let k = begin; k < end; k++) {
      const l = side[k];
      dst[right + ((left - right) & -l)] = src[k];
      left += l;
      right += 1 - l;
    }
  } else {
    const srcGrad = s.grad[from];
    const dstGrad = s.grad[to];
    const srcHess = s.hess[from];
    const dstHess = s.hess[to];
    for (let k = begin; k < end; k++) {
      const l = side[k];
      const d = right + ((left - right) & -l);
      left += l;
      right += 1 - l;
      dstGrad[d] = srcGrad[k];
      dstHess[d] = srcHess[k];
    }
  }
}

/**
 * The address of a goesLeft table in the kernels' memory: the table itself when it lives there
 * (the bag mask), else a copy of its first 256 bytes (a split's table by bin) in the thread's slot.
 */
function tableIn(w: RowOrderedWasm, goesLeft: Uint8Array, thread: 0 | 1): number {
  if (goesLeft.buffer === w.memory.buffer) return goesLeft.byteOffset;
  const at = w.goesLeft[thread];
  const table = new Uint8Array(w.memory.buffer, at, 256);
  if (goesLeft.length >= 256) table.set(goesLeft.subarray(0, 256));
  else {
    table.fill(0);
    table.set(goesLeft);
  }
  return at;
}

/** Whether copying through a Float64Array keeps every bit pattern (NaN payloads included). */
function float64MovesBits(): boolean {
  const words = new Uint32Array([0x00000001, 0x7ff00000, 0xfff7ffff, 0xfff7ffff, 0x00000000, 0x7ff80000, 0xdeadbeef, 0xffffffff]);
  const from = new Float64Array(words.buffer);
  const to = new Float64Array(from.length);
  for (let i = 0; i < from.length; i++) to[i] = from[i];
  const back = new Uint32Array(to.buffer);
  return back.every((w, i) => w === words[i]);
}

const FLOAT64_MOVES_BITS = float64MovesBits();

/**
 * Like partitionRowOrdered but moves only the row ids, for splits whose children are never split
 * again: their rows only need to be told apart, not kept contiguous with their bins. The ids go
 * to nextSlot(from).
 */
export function partitionIndexOnly(s: RowOrderedState, from: Slot, begin: number, count: number, f: number, goesLeft: Uint8Array): number {
  const w = s.wasm;
  if (w) {
    const k = treeKernels(w.memory, w.shared);
    return k.partitionIds(w.words[from], s.stride, w.index[from], w.index[nextSlot(from)], begin, count, f >> 2, (f & 3) << 3, tableIn(w, goesLeft, 0));
  }
  const stride = s.stride;
  const srcWords = s.words[from];
  const srcIndex = s.index[from];
  const dstIndex = s.index[nextSlot(from)];
  const wordOfFeature = f >> 2;
  const shift = (f & 3) << 3;
  let left = begin;
  let right = begin + count - 1;
  const end = begin + count;
  for (let k = begin; k < end; k++) {
    const l = goesLeft[(srcWords[k * stride + wordOfFeature] >>> shift) & 255];
    const d = l ? left : right;
    dstIndex[d] = srcIndex[k];
    left += l;
    right -= 1 - l;
  }
  return left - begin;
}
