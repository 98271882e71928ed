// Logistic losses over a standardised design, as Objectives for L-BFGS / OWL-QN. Each is the
// weighted mean loss plus (l2/2)·‖β‖² (intercepts unpenalised); dividing sklearn's
// C·Σ wᵢ·lossᵢ + ½‖β‖² by C·W gives this form and the same minimiser, with gradients of order 1.
//
// Two engines compute the data term: WebAssembly with SIMD (logistic-loss-wasm.ts), wherever it
// compiles and its memory can be had, and these JavaScript loops otherwise. They agree to rounding.
import type { Objective } from '../optim/types';
import { dotColumns, dotColumnsPair, linearPredictor, linearPredictorPair, toBaseSparse, type BaseSparseColumn } from './base-sparse-columns';
import { binaryLossWasm, multinomialLossWasm, type DataLoss } from './logistic-loss-wasm';
import { linearWasmModule } from './wasm-design';

/** 'wasm' (the default) falls back to 'js' where WebAssembly SIMD or its memory is missing. */
export type LossEngine = 'wasm' | 'js';

/** Numerically stable log(1 + eᶻ). */
export function log1pExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

interface LossInput {
  /** Standardised design columns, each of length n. */
  columns: Float64Array[];
  /** Labels: 0/1 (binary) or class codes (multinomial). */
  y: Float64Array;
  /** Row weights (undefined = all 1). */
  weights?: Float64Array;
  /** L2 strength on the weighted-mean scale. */
  l2: number;
}

function normalisedWeights(n: number, weights?: Float64Array): Float64Array {
  const u = new Float64Array(n);
  if (!weights) return u.fill(1 / n);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  for (let i = 0; i < n; i++) u[i] = weights[i] / total;
  return u;
}

/**
 * The data term on WebAssembly when `engine` allows and the kernels compile and get their memory
 * (a wasm32 memory holds at most 4 GiB), else null.
 */
function wasmLoss(engine: LossEngine, make: (module: WebAssembly.Module) => DataLoss): DataLoss | null {
  const module = engine === 'wasm' ? linearWasmModule() : null;
  if (!module) return null;
  try {
    return make(module);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/** data + (l2/2)·Σ β² over the k classes' p coefficients (stride p + 1: intercepts unpenalised). */
function withL2(data: DataLoss, l2: number, p: number, k: number): Objective {
  const stride = p + 1;
  return (x, g) => {
    const loss = data(x, g);
    let penalty = 0;
    for (let c = 0; c < k; c++) {
      for (let j = c * stride; j < c * stride + p; j++) {
        g[j] += l2 * x[j];
        penalty += x[j] * x[j];
      }
    }
    return loss + 0.5 * l2 * penalty;
  };
}

/** Parameters [β₀ … β_{p−1}, intercept]. */
export function binaryLogisticObjective({ columns, y, weights, l2 }: LossInput, engine: LossEngine = 'wasm'): Objective {
  const u = normalisedWeights(y.length, weights);
  const cols = toBaseSparse(columns);
  const data = wasmLoss(engine, (module) => binaryLossWasm(module, cols, y, u)) ?? binaryLossJs(cols, y, u);
  return withL2(data, l2, columns.length, 1);
}

function binaryLossJs(cols: readonly BaseSparseColumn[], y: Float64Array, u: Float64Array): DataLoss {
  const n = y.length;
  const p = cols.length;
  const z = new Float64Array(n);
  const r = new Float64Array(n);
  return (x, g) => {
    linearPredictor(z, cols, x, 0, x[p]);
    let loss = 0;
    let gb = 0;
    for (let i = 0; i < n; i++) {
      // One exp serves both log(1 + eᶻ) and the sigmoid.
      const zi = z[i];
      const e = Math.exp(-Math.abs(zi));
      const l1pe = Math.log1p(e);
      const prob = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
      loss += u[i] * ((zi > 0 ? zi : 0) + l1pe - y[i] * zi);
      const ri = u[i] * (prob - y[i]);
      r[i] = ri;
      gb += ri;
    }
    dotColumns(r, gb, cols, g, 0);
    g[p] = gb;
    return loss;
  };
}

/**
 * Parameters laid out class-major: class k occupies [k·(p+1), (k+1)·(p+1)), its intercept last.
 */
export function multinomialObjective({ columns, y, weights, l2 }: LossInput, nClasses: number, engine: LossEngine = 'wasm'): Objective {
  const u = normalisedWeights(y.length, weights);
  const labels = Int32Array.from(y);
  const cols = toBaseSparse(columns);
  const data = wasmLoss(engine, (module) => multinomialLossWasm(module, cols, labels, u, nClasses)) ?? multinomialLossJs(cols, labels, u, nClasses);
  return withL2(data, l2, columns.length, nClasses);
}

function multinomialLossJs(cols: readonly BaseSparseColumn[], labels: Int32Array, u: Float64Array, nClasses: number): DataLoss {
  const n = labels.length;
  const p = cols.length;
  const k = nClasses;
  const stride = p + 1;
  // Class-major logits in one buffer: the softmax walks a row's classes n apart in one typed
  // array (~12 % faster than through an array of arrays); the products use per-class views.
  const Z = new Float64Array(k * n);
  const z = Array.from({ length: k }, (_, c) => Z.subarray(c * n, (c + 1) * n));
  return (x, g) => {
    // Classes two at a time: each dense column is read once per pair.
    let c0 = 0;
    for (; c0 + 1 < k; c0 += 2) linearPredictorPair(z[c0], z[c0 + 1], cols, x, c0 * stride, (c0 + 1) * stride);
    if (c0 < k) linearPredictor(z[c0], cols, x, c0 * stride, x[c0 * stride + p]);
    // Turn logits into weighted residuals u·(p − 1[y = c]) in place, accumulating the loss.
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let c = 0, o = i; c < k; c++, o += n) if (Z[o] > max) max = Z[o];
      const yi = labels[i];
      const zy = Z[yi * n + i];
      let sum = 0;
      for (let c = 0, o = i; c < k; c++, o += n) {
        const e = Math.exp(Z[o] - max);
        Z[o] = e;
        sum += e;
      }
      loss += u[i] * (max + Math.log(sum) - zy);
      const scale = u[i] / sum;
      for (let c = 0, o = i; c < k; c++, o += n) Z[o] *= scale;
      Z[yi * n + i] -= u[i];
    }
    for (let c = 0; c < k; c++) {
      const rc = z[c];
      let gb = 0;
      for (let i = 0; i < n; i++) gb += rc[i];
      g[c * stride + p] = gb;
    }
    let c1 = 0;
    for (; c1 + 1 < k; c1 += 2) dotColumnsPair(z[c1], z[c1 + 1], g[c1 * stride + p], g[(c1 + 1) * stride + p], cols, g, c1 * stride, (c1 + 1) * stride);
    if (c1 < k) dotColumns(z[c1], g[c1 * stride + p], cols, g, c1 * stride);
    return loss;
  };
}
