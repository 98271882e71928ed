// The logistic losses' data terms on the WebAssembly kernels (wasm-design.ts): the same sums as the
// JavaScript ones in logistic-loss.ts, with the products and exp/log two rows at a time. Each
// returns the weighted mean loss and writes its gradient; logistic-loss.ts adds the L2 penalty.
import type { BaseSparseColumn } from './base-sparse-columns';
import { WasmArena, WasmDesign } from './wasm-design';

/** The data term of an objective: returns Σ uᵢ·lossᵢ and writes its gradient into `g`. */
export type DataLoss = (x: Float64Array, g: Float64Array) => number;

/** Binary logistic data term; parameters [β₀ … β_{p−1}, intercept]. */
export function binaryLossWasm(module: WebAssembly.Module, cols: readonly BaseSparseColumn[], y: Float64Array, u: Float64Array): DataLoss {
  const p = cols.length;
  const arena = new WasmArena(module);
  const design = new WasmDesign(arena, cols, y.length);
  const nPad = design.nPad;
  const zAt = arena.alloc(nPad * 8);
  const rAt = arena.alloc(nPad * 8);
  const yAt = arena.alloc(nPad * 8);
  const uAt = arena.alloc(nPad * 8);
  const sumAt = arena.alloc(8);
  arena.seal();
  design.load();
  // Fresh memory is zero: a padding row has weight 0 and adds nothing.
  arena.f64(yAt, y.length).set(y);
  arena.f64(uAt, u.length).set(u);
  const z = arena.f64(zAt, nPad);
  const sumR = arena.f64(sumAt, 1);
  const k = arena.kernels;
  return (x, g) => {
    design.predict(zAt, z, x, 0, x[p]);
    const loss = k.binaryLoss(zAt, yAt, uAt, rAt, nPad, sumAt);
    design.gradient(rAt, sumR[0], g, 0);
    g[p] = sumR[0];
    return loss;
  };
}

/** Multinomial data term; parameters class-major, class c at [c·(p+1), (c+1)·(p+1)), intercept last. */
export function multinomialLossWasm(
  module: WebAssembly.Module, cols: readonly BaseSparseColumn[], labels: Int32Array, u: Float64Array, nClasses: number,
): DataLoss {
  const p = cols.length;
  const stride = p + 1;
  const k = nClasses;
  const arena = new WasmArena(module);
  const design = new WasmDesign(arena, cols, labels.length);
  const nPad = design.nPad;
  const zAt = arena.alloc(k * nPad * 8);
  const labelsAt = arena.alloc(nPad * 4);
  const uAt = arena.alloc(nPad * 8);
  arena.seal();
  design.load();
  arena.i32(labelsAt, labels.length).set(labels);
  arena.f64(uAt, u.length).set(u);
  const at = (c: number) => zAt + c * nPad * 8;
  const z = Array.from({ length: k }, (_, c) => arena.f64(at(c), nPad));
  const kernels = arena.kernels;
  return (x, g) => {
    let c = 0;
    for (; c + 1 < k; c += 2) design.predictPair(at(c), z[c], at(c + 1), z[c + 1], x, c * stride, (c + 1) * stride);
    if (c < k) design.predict(at(c), z[c], x, c * stride, x[c * stride + p]);
    // The logits become the residuals uᵢ·(pᵢc − 1[yᵢ = c]) in place.
    const loss = kernels.softmaxLoss(zAt, labelsAt, uAt, nPad, k);
    for (let c = 0; c < k; c++) g[c * stride + p] = kernels.sum(at(c), nPad);
    for (c = 0; c + 1 < k; c += 2) design.gradientPair(at(c), at(c + 1), g[c * stride + p], g[(c + 1) * stride + p], g, c * stride, (c + 1) * stride);
    if (c < k) design.gradient(at(c), g[c * stride + p], g, c * stride);
    return loss;
  };
}
