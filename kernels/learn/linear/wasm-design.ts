// A standardised design (base-sparse-columns.ts) copied into the memory of an instance of the
// linear WebAssembly kernels (assembly/linear.ts), and the products the logistic losses need every
// evaluation, z = Xβ and Xᵀr, run there: dense columns with 128-bit SIMD, sparse columns by their
// differing rows. One instance per objective, so its memory goes with the objective.
import { compileBase64Module } from '../../wasm/compile-base64';
import { MemoryLayout, pagesFor, WASM_PAGE } from '../../wasm/memory-layout';
import type { BaseSparseColumn } from './base-sparse-columns';
import { LINEAR_WASM_BASE64 } from './linear-wasm.generated';

export interface LinearWasmExports {
  memory: WebAssembly.Memory;
  expArray(x: number, out: number, n: number): void;
  logArray(x: number, out: number, n: number): void;
  addDense(z: number, cols: number, w: number, m: number, nPad: number): void;
  addDensePair(z0: number, z1: number, cols: number, w0: number, w1: number, m: number, nPad: number): void;
  dotDense(r: number, cols: number, m: number, nPad: number, out: number): void;
  dotDensePair(r0: number, r1: number, cols: number, m: number, nPad: number, out0: number, out1: number): void;
  addSparse(z: number, rows: number, deltas: number, len: number, w: number): void;
  dotSparse(r: number, rows: number, deltas: number, len: number, base: number, sumR: number): number;
  sum(r: number, nPad: number): number;
  binaryLoss(z: number, y: number, u: number, r: number, nPad: number, sumOut: number): number;
  softmaxLoss(Z: number, labels: number, u: number, nPad: number, k: number): number;
}

let compiled: WebAssembly.Module | null | undefined;

/**
 * The compiled kernels, or null where WebAssembly or its SIMD is missing (the JavaScript kernels
 * then run). Compiled once per thread, synchronously: the module is 6 KB.
 */
export function linearWasmModule(): WebAssembly.Module | null {
  if (compiled === undefined) compiled = compileBase64Module(LINEAR_WASM_BASE64);
  return compiled;
}

/**
 * Memory of one kernel instance (the module owns it), handed out by a bump pointer. Views are made
 * after the last allocation: growing a memory detaches the views of its old buffer.
 */
export class WasmArena {
  readonly kernels: LinearWasmExports;
  private readonly layout = new MemoryLayout();
  private sealed = false;

  constructor(module: WebAssembly.Module) {
    this.kernels = new WebAssembly.Instance(module).exports as unknown as LinearWasmExports;
  }

  /** A 16-byte aligned block of `bytes`; its address. */
  alloc(bytes: number): number {
    if (this.sealed) throw new Error('WasmArena: allocation after seal');
    return this.layout.alloc(bytes);
  }

  /** Grows the memory to hold every block (throws RangeError when it cannot). */
  seal(): void {
    this.sealed = true;
    const need = pagesFor(this.layout.bytes) - this.kernels.memory.buffer.byteLength / WASM_PAGE;
    if (need > 0) this.kernels.memory.grow(need);
  }

  f64(at: number, length: number): Float64Array {
    return new Float64Array(this.kernels.memory.buffer, at, length);
  }

  i32(at: number, length: number): Int32Array {
    return new Int32Array(this.kernels.memory.buffer, at, length);
  }
}

/** Rows rounded up to even: the SIMD loops take two rows a step. */
export function paddedRows(n: number): number {
  return n + (n & 1);
}

interface SparseSlot {
  index: number;
  base: number;
  rows: number;
  deltas: number;
  len: number;
}

export class WasmDesign {
  private readonly k: LinearWasmExports;
  readonly nPad: number;
  private readonly p: number;
  private readonly dense: Int32Array;
  private readonly sparse: SparseSlot[] = [];
  private readonly bases: Float64Array;
  private readonly cols: number;
  private readonly w0: number;
  private readonly w1: number;
  private readonly out0: number;
  private readonly out1: number;
  private w0View!: Float64Array;
  private w1View!: Float64Array;
  private out0View!: Float64Array;
  private out1View!: Float64Array;

  /** Reserves the design's memory in `arena`; `load` copies it in once the arena is sealed. */
  constructor(private readonly arena: WasmArena, private readonly columns: readonly BaseSparseColumn[], n: number) {
    this.k = arena.kernels;
    this.nPad = paddedRows(n);
    this.p = columns.length;
    this.bases = Float64Array.from(columns, (c) => c.base);
    const dense: number[] = [];
    columns.forEach((c, j) => {
      if (c.dense) dense.push(j);
    });
    this.dense = Int32Array.from(dense);
    this.cols = arena.alloc(dense.length * this.nPad * 8);
    columns.forEach((c, index) => {
      if (c.dense) return;
      const len = c.rows!.length;
      this.sparse.push({ index, base: c.base, rows: arena.alloc(len * 4), deltas: arena.alloc(len * 8), len });
    });
    const m = Math.max(1, dense.length);
    this.w0 = arena.alloc(m * 8);
    this.w1 = arena.alloc(m * 8);
    this.out0 = arena.alloc(m * 8);
    this.out1 = arena.alloc(m * 8);
  }

  /** Copies the columns in (after `arena.seal()`); padding rows hold 0. */
  load(): void {
    const a = this.arena;
    const block = a.f64(this.cols, this.dense.length * this.nPad);
    this.dense.forEach((j, q) => block.set(this.columns[j].dense!, q * this.nPad));
    for (const s of this.sparse) {
      const c = this.columns[s.index];
      a.i32(s.rows, s.len).set(c.rows!);
      a.f64(s.deltas, s.len).set(c.deltas!);
    }
    const m = Math.max(1, this.dense.length);
    this.w0View = a.f64(this.w0, m);
    this.w1View = a.f64(this.w1, m);
    this.out0View = a.f64(this.out0, m);
    this.out1View = a.f64(this.out1, m);
  }

  /** Σⱼ x[offset + j]·baseⱼ + intercept: the part of every row's logit the bases give. */
  private shift(x: Float64Array, offset: number, intercept: number): number {
    let s = intercept;
    for (let j = 0; j < this.p; j++) s += x[offset + j] * this.bases[j];
    return s;
  }

  private addSparse(z: number, x: Float64Array, offset: number): void {
    for (const s of this.sparse) {
      const w = x[offset + s.index];
      if (w !== 0) this.k.addSparse(z, s.rows, s.deltas, s.len, w);
    }
  }

  /** z (at address `z`, view `zView`) = intercept + Σⱼ x[offset + j]·columnⱼ. */
  predict(z: number, zView: Float64Array, x: Float64Array, offset: number, intercept: number): void {
    zView.fill(this.shift(x, offset, intercept));
    const d = this.dense;
    for (let q = 0; q < d.length; q++) this.w0View[q] = x[offset + d[q]];
    this.k.addDense(z, this.cols, this.w0, d.length, this.nPad);
    this.addSparse(z, x, offset);
  }

  /** predict for two classes whose intercepts follow their p coefficients: each column read once for both. */
  predictPair(z0: number, z0View: Float64Array, z1: number, z1View: Float64Array, x: Float64Array, offset0: number, offset1: number): void {
    z0View.fill(this.shift(x, offset0, x[offset0 + this.p]));
    z1View.fill(this.shift(x, offset1, x[offset1 + this.p]));
    const d = this.dense;
    for (let q = 0; q < d.length; q++) {
      this.w0View[q] = x[offset0 + d[q]];
      this.w1View[q] = x[offset1 + d[q]];
    }
    this.k.addDensePair(z0, z1, this.cols, this.w0, this.w1, d.length, this.nPad);
    this.addSparse(z0, x, offset0);
    this.addSparse(z1, x, offset1);
  }

  /** out[offset + j] = Σᵢ rᵢ·columnⱼᵢ, given Σᵢ rᵢ. */
  gradient(r: number, sumR: number, out: Float64Array, offset: number): void {
    const d = this.dense;
    this.k.dotDense(r, this.cols, d.length, this.nPad, this.out0);
    for (let q = 0; q < d.length; q++) out[offset + d[q]] = this.out0View[q];
    for (const s of this.sparse) out[offset + s.index] = this.k.dotSparse(r, s.rows, s.deltas, s.len, s.base, sumR);
  }

  /** gradient for two residual vectors at once. */
  gradientPair(r0: number, r1: number, sum0: number, sum1: number, out: Float64Array, offset0: number, offset1: number): void {
    const d = this.dense;
    this.k.dotDensePair(r0, r1, this.cols, d.length, this.nPad, this.out0, this.out1);
    for (let q = 0; q < d.length; q++) {
      out[offset0 + d[q]] = this.out0View[q];
      out[offset1 + d[q]] = this.out1View[q];
    }
    for (const s of this.sparse) {
      out[offset0 + s.index] = this.k.dotSparse(r0, s.rows, s.deltas, s.len, s.base, sum0);
      out[offset1 + s.index] = this.k.dotSparse(r1, s.rows, s.deltas, s.len, s.base, sum1);
    }
  }
}
