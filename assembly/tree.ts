// AssemblyScript source of the tree learner's row-ordered histogram kernels in WebAssembly
// (kernels/learn/treelearner/tree-wasm.ts loads it; `npm run build:wasm` rebuilds
// kernels/learn/treelearner/tree-wasm.generated.ts). The same additions in the same order as
// histogram.ts's JavaScript builders, so the histograms are bit-identical; what WebAssembly saves
// is JavaScript's bounds check on every access, and a bin's gradient and hessian go in one 128-bit
// addition.
//
// The memory is imported (the learner's RowOrderedState lives in it, shared with a helper thread in
// the build with shared memory); arguments named as arrays are byte offsets into it. Layouts are
// those of row-ordered.ts: a row's bins in `stride` u32 words, four 8-bit bins a word; the uniform
// histogram layout, feature f at f·256 bins.

import { splat, vexp } from './math';

/**
 * Zeroes `histBytes` at `hist` and sums positions begin..begin+count: per bin the pair (Σ g, Σ h)
 * as two f64, gradients f32 by position.
 */
export function histogramExact(hist: usize, histBytes: i32, words: usize, wordsPerRow: i32, stride: i32, begin: i32, count: i32, grad: usize, hess: usize): void {
  memory.fill(hist, 0, <usize>histBytes);
  const rowBytes = <usize>stride << 2;
  let row = words + <usize>begin * rowBytes;
  const end = begin + count;
  for (let k = begin; k < end; k++) {
    const gh = f64x2.replace_lane(f64x2.splat(<f64>load<f32>(grad + (<usize>k << 2))), 1, <f64>load<f32>(hess + (<usize>k << 2)));
    let base = hist;
    for (let w = 0; w < wordsPerRow; w++) {
      const v = load<u32>(row + (<usize>w << 2));
      let p = base + (<usize>(v & 255) << 4);
      v128.store(p, f64x2.add(v128.load(p), gh));
      p = base + 4096 + (<usize>((v >>> 8) & 255) << 4);
      v128.store(p, f64x2.add(v128.load(p), gh));
      p = base + 8192 + (<usize>((v >>> 16) & 255) << 4);
      v128.store(p, f64x2.add(v128.load(p), gh));
      p = base + 12288 + (<usize>(v >>> 24) << 4);
      v128.store(p, f64x2.add(v128.load(p), gh));
      base += 16384;
    }
    row += rowBytes;
  }
}

/** histogramExact for quantized gradients: one packed f64 per position, one lane per bin. */
export function histogramPacked(hist: usize, histBytes: i32, words: usize, wordsPerRow: i32, stride: i32, begin: i32, count: i32, packed: usize): void {
  memory.fill(hist, 0, <usize>histBytes);
  const rowBytes = <usize>stride << 2;
  let row = words + <usize>begin * rowBytes;
  const end = begin + count;
  for (let k = begin; k < end; k++) {
    const a = load<f64>(packed + (<usize>k << 3));
    let base = hist;
    for (let w = 0; w < wordsPerRow; w++) {
      const v = load<u32>(row + (<usize>w << 2));
      let p = base + (<usize>(v & 255) << 3);
      store<f64>(p, load<f64>(p) + a);
      p = base + 2048 + (<usize>((v >>> 8) & 255) << 3);
      store<f64>(p, load<f64>(p) + a);
      p = base + 4096 + (<usize>((v >>> 16) & 255) << 3);
      store<f64>(p, load<f64>(p) + a);
      p = base + 6144 + (<usize>(v >>> 24) << 3);
      store<f64>(p, load<f64>(p) + a);
      base += 8192;
    }
    row += rowBytes;
  }
}

/**
 * Marks in `side` (one byte per position) which of positions begin..end go left, by the bin of the
 * feature in word `word` at bit `shift` of each row looked up in the 256-byte table `goesLeft`;
 * returns how many go left.
 */
export function decideByBin(side: usize, words: usize, stride: i32, begin: i32, end: i32, word: i32, shift: u32, goesLeft: usize): i32 {
  const rowBytes = <usize>stride << 2;
  let p = words + <usize>begin * rowBytes + (<usize>word << 2);
  let nLeft = 0;
  for (let k = begin; k < end; k++) {
    const l = load<u8>(goesLeft + <usize>((load<u32>(p) >>> shift) & 255));
    store<u8>(side + <usize>k, l);
    nLeft += l;
    p += rowBytes;
  }
  return nLeft;
}

/** decideByBin with the table indexed by row id (the bag mask): `index` holds each position's id. */
export function decideById(side: usize, index: usize, begin: i32, end: i32, goesLeft: usize): i32 {
  let nLeft = 0;
  for (let k = begin; k < end; k++) {
    const l = load<u8>(goesLeft + <usize>load<u32>(index + (<usize>k << 2)));
    store<u8>(side + <usize>k, l);
    nLeft += l;
  }
  return nLeft;
}

/**
 * Moves positions begin..end of one slot (bins of `stride` words, ids) to another, the rows whose
 * side is 1 to positions left, left + 1, …, the others to right, right + 1, … in order. The
 * destination comes from arithmetic on the side, not a branch (sides are a coin toss).
 */
export function moveRows(srcWords: usize, dstWords: usize, srcIndex: usize, dstIndex: usize, side: usize, stride: i32, begin: i32, end: i32, left: i32, right: i32): void {
  const rowBytes = <usize>stride << 2;
  const quads = <usize>(stride >> 2);
  const tail = (stride & 3) != 0;
  for (let k = begin; k < end; k++) {
    const l = <i32>load<u8>(side + <usize>k);
    const d = right + ((left - right) & -l);
    left += l;
    right += 1 - l;
    const src = srcWords + <usize>k * rowBytes;
    const dst = dstWords + <usize>d * rowBytes;
    for (let q: usize = 0; q < quads; q++) v128.store(dst + (q << 4), v128.load(src + (q << 4)));
    if (tail) store<u64>(dst + (quads << 4), load<u64>(src + (quads << 4)));
    store<u32>(dstIndex + (<usize>d << 2), load<u32>(srcIndex + (<usize>k << 2)));
  }
}

/** The gradients' pass of moveRows: f32 gradient and hessian by position. */
export function moveGradients(srcGrad: usize, dstGrad: usize, srcHess: usize, dstHess: usize, side: usize, begin: i32, end: i32, left: i32, right: i32): void {
  for (let k = begin; k < end; k++) {
    const l = <i32>load<u8>(side + <usize>k);
    const d = <usize>(right + ((left - right) & -l)) << 2;
    left += l;
    right += 1 - l;
    const o = <usize>k << 2;
    store<u32>(dstGrad + d, load<u32>(srcGrad + o));
    store<u32>(dstHess + d, load<u32>(srcHess + o));
  }
}

/** The gradients' pass of moveRows in quantized mode: one packed f64 by position. */
export function movePacked(src: usize, dst: usize, side: usize, begin: i32, end: i32, left: i32, right: i32): void {
  for (let k = begin; k < end; k++) {
    const l = <i32>load<u8>(side + <usize>k);
    const d = <usize>(right + ((left - right) & -l)) << 3;
    left += l;
    right += 1 - l;
    store<u64>(dst + d, load<u64>(src + (<usize>k << 3)));
  }
}

/**
 * A partition that moves only the ids (children never split again): left ids forward from begin,
 * right ids backward from the end. Returns how many went left.
 */
export function partitionIds(words: usize, stride: i32, srcIndex: usize, dstIndex: usize, begin: i32, count: i32, word: i32, shift: u32, goesLeft: usize): i32 {
  const rowBytes = <usize>stride << 2;
  let p = words + <usize>begin * rowBytes + (<usize>word << 2);
  let left = begin;
  let right = begin + count - 1;
  const end = begin + count;
  for (let k = begin; k < end; k++) {
    const l = <i32>load<u8>(goesLeft + <usize>((load<u32>(p) >>> shift) & 255));
    const d = right + ((left - right) & -l);
    store<u32>(dstIndex + (<usize>d << 2), load<u32>(srcIndex + (<usize>k << 2)));
    left += l;
    right -= 1 - l;
    p += rowBytes;
  }
  return left - begin;
}

/** σ(s) two lanes at a time from e^−|s| (never overflows): 1 / (1 + e) for s ≥ 0, e / (1 + e) below. */
@inline function sigmoid(s: v128): v128 {
  const e = vexp(f64x2.neg(f64x2.abs(s)));
  const inv = f64x2.div(splat(1.0), f64x2.add(splat(1.0), e));
  return v128.bitselect(inv, f64x2.mul(e, inv), f64x2.ge(s, splat(0.0)));
}

/**
 * Binary log-loss gradients of rows begin..end, as binary-logloss.ts computes them: p = σ(score),
 * grad = (p − y)·w, hess = max(p(1 − p), 1e-16)·w, stored as f32; without `hasWeights`, w = 1.
 */
export function binaryGradients(y: usize, scores: usize, weights: usize, hasWeights: i32, grad: usize, hess: usize, begin: i32, end: i32): void {
  for (let i = begin; i < end; i += 2) {
    const two = i + 1 < end;
    const o = <usize>i << 3;
    const s = two ? v128.load(scores + o) : splat(load<f64>(scores + o));
    const yi = two ? v128.load(y + o) : splat(load<f64>(y + o));
    const p = sigmoid(s);
    let g = f64x2.sub(p, yi);
    let h = f64x2.max(f64x2.mul(p, f64x2.sub(splat(1.0), p)), splat(1e-16));
    if (hasWeights) {
      const w = two ? v128.load(weights + o) : splat(load<f64>(weights + o));
      g = f64x2.mul(g, w);
      h = f64x2.mul(h, w);
    }
    const q = <usize>i << 2;
    store<f32>(grad + q, <f32>f64x2.extract_lane(g, 0));
    store<f32>(hess + q, <f32>f64x2.extract_lane(h, 0));
    if (two) {
      store<f32>(grad + q, <f32>f64x2.extract_lane(g, 1), 4);
      store<f32>(hess + q, <f32>f64x2.extract_lane(h, 1), 4);
    }
  }
}

/**
 * Column-wise histograms (tree-learner.ts's mode for feature subsets): for each listed feature,
 * zeroes its `nBins` bins at hist + offsets[f]·16 and sums the leaf's rows into them, a bin's
 * (g, h) pair in one addition. Rows are 0..count-1 when `contiguous` (gradients by row), else
 * idx[begin..begin+count) with their gradients first gathered into `pairs` (f64 pairs). Bins are
 * one u8 column per feature, `binStride` bytes apart. The same additions in the same order as
 * histogram.ts's buildHistogramColumnWise.
 */
export function histogramColumns(
  hist: usize, bins: usize, binStride: i32, offsets: usize, nBins: usize, features: usize, nFeatures: i32,
  idx: usize, begin: i32, count: i32, grad: usize, hess: usize, pairs: usize, contiguous: i32,
): void {
  const rows = idx + (<usize>begin << 2);
  for (let k = 0; k < count; k++) {
    const r = contiguous ? <usize>k : <usize>load<u32>(rows + (<usize>k << 2));
    v128.store(pairs + (<usize>k << 4), f64x2.replace_lane(f64x2.splat(<f64>load<f32>(grad + (r << 2))), 1, <f64>load<f32>(hess + (r << 2))));
  }
  for (let j = 0; j < nFeatures; j++) {
    const f = load<i32>(features + (<usize>j << 2));
    const col = bins + <usize>f * <usize>binStride;
    const base = hist + (<usize>load<i32>(offsets + (<usize>f << 2)) << 4);
    memory.fill(base, 0, <usize>load<i32>(nBins + (<usize>f << 2)) << 4);
    if (contiguous) {
      for (let k = 0; k < count; k++) {
        const p = base + (<usize>load<u8>(col + <usize>k) << 4);
        v128.store(p, f64x2.add(v128.load(p), v128.load(pairs + (<usize>k << 4))));
      }
    } else {
      for (let k = 0; k < count; k++) {
        const p = base + (<usize>load<u8>(col + <usize>load<u32>(rows + (<usize>k << 2))) << 4);
        v128.store(p, f64x2.add(v128.load(p), v128.load(pairs + (<usize>k << 4))));
      }
    }
  }
}
