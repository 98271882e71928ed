// AssemblyScript source of the logistic losses' inner loops in WebAssembly with 128-bit SIMD
// (kernels/learn/linear/wasm-design.ts loads it; `npm run build:wasm` rebuilds
// kernels/learn/linear/linear-wasm.generated.ts from this file). Two doubles per instruction
// for the dense products, and exp/log evaluated two at a time by polynomials: JavaScript has
// neither (scikit-learn gets both from BLAS and numpy's vectorised loops).
//
// Memory belongs to the caller: every argument named as an array is a byte offset into this
// module's memory, f64 arrays 16-byte aligned. Dense arrays of a design are `nPad` long (the row
// count rounded up to even); the caller zeroes the padding of weights `u`, so padded rows add
// nothing to a loss or a gradient. Nothing here allocates.

import { at, fma, hsum, splat, vexp, vlog } from './math';

/** Exported for the accuracy tests: out[i] = e^x[i] for i < n (n even). */
export function expArray(x: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) v128.store(at(out, i), vexp(v128.load(at(x, i))));
}

/** Exported for the accuracy tests: out[i] = log x[i] for i < n (n even). */
export function logArray(x: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) v128.store(at(out, i), vlog(v128.load(at(x, i))));
}

/** z[i] += Σⱼ w[j]·colⱼ[i] over m dense columns laid nPad apart from `cols`; four columns a pass. */
export function addDense(z: usize, cols: usize, w: usize, m: i32, nPad: i32): void {
  const stride = <usize>nPad << 3;
  let j = 0;
  for (; j + 4 <= m; j += 4) {
    const c0 = cols + <usize>j * stride;
    const c1 = c0 + stride;
    const c2 = c1 + stride;
    const c3 = c2 + stride;
    const w0 = splat(load<f64>(at(w, j)));
    const w1 = splat(load<f64>(at(w, j + 1)));
    const w2 = splat(load<f64>(at(w, j + 2)));
    const w3 = splat(load<f64>(at(w, j + 3)));
    for (let i = 0; i < nPad; i += 2) {
      const o = <usize>i << 3;
      const s = f64x2.add(
        f64x2.add(f64x2.mul(w0, v128.load(c0 + o)), f64x2.mul(w1, v128.load(c1 + o))),
        f64x2.add(f64x2.mul(w2, v128.load(c2 + o)), f64x2.mul(w3, v128.load(c3 + o))),
      );
      v128.store(z + o, f64x2.add(v128.load(z + o), s));
    }
  }
  for (; j < m; j++) {
    const c = cols + <usize>j * stride;
    const wj = splat(load<f64>(at(w, j)));
    for (let i = 0; i < nPad; i += 2) {
      const o = <usize>i << 3;
      v128.store(z + o, fma(wj, v128.load(c + o), v128.load(z + o)));
    }
  }
}

/** addDense for two weight vectors at once (two classes' logits): each column read once for both. */
export function addDensePair(z0: usize, z1: usize, cols: usize, w0: usize, w1: usize, m: i32, nPad: i32): void {
  const stride = <usize>nPad << 3;
  let j = 0;
  for (; j + 4 <= m; j += 4) {
    const c0 = cols + <usize>j * stride;
    const c1 = c0 + stride;
    const c2 = c1 + stride;
    const c3 = c2 + stride;
    const a0 = splat(load<f64>(at(w0, j)));
    const a1 = splat(load<f64>(at(w0, j + 1)));
    const a2 = splat(load<f64>(at(w0, j + 2)));
    const a3 = splat(load<f64>(at(w0, j + 3)));
    const b0 = splat(load<f64>(at(w1, j)));
    const b1 = splat(load<f64>(at(w1, j + 1)));
    const b2 = splat(load<f64>(at(w1, j + 2)));
    const b3 = splat(load<f64>(at(w1, j + 3)));
    for (let i = 0; i < nPad; i += 2) {
      const o = <usize>i << 3;
      const v0 = v128.load(c0 + o);
      const v1 = v128.load(c1 + o);
      const v2 = v128.load(c2 + o);
      const v3 = v128.load(c3 + o);
      const s = f64x2.add(f64x2.add(f64x2.mul(a0, v0), f64x2.mul(a1, v1)), f64x2.add(f64x2.mul(a2, v2), f64x2.mul(a3, v3)));
      const t = f64x2.add(f64x2.add(f64x2.mul(b0, v0), f64x2.mul(b1, v1)), f64x2.add(f64x2.mul(b2, v2), f64x2.mul(b3, v3)));
      v128.store(z0 + o, f64x2.add(v128.load(z0 + o), s));
      v128.store(z1 + o, f64x2.add(v128.load(z1 + o), t));
    }
  }
  for (; j < m; j++) {
    const c = cols + <usize>j * stride;
    const a = splat(load<f64>(at(w0, j)));
    const b = splat(load<f64>(at(w1, j)));
    for (let i = 0; i < nPad; i += 2) {
      const o = <usize>i << 3;
      const v = v128.load(c + o);
      v128.store(z0 + o, fma(a, v, v128.load(z0 + o)));
      v128.store(z1 + o, fma(b, v, v128.load(z1 + o)));
    }
  }
}

/** out[j] = Σᵢ r[i]·colⱼ[i] over m dense columns; four columns a pass, each r[i] loaded once. */
export function dotDense(r: usize, cols: usize, m: i32, nPad: i32, out: usize): void {
  const stride = <usize>nPad << 3;
  let j = 0;
  for (; j + 4 <= m; j += 4) {
    const c0 = cols + <usize>j * stride;
    const c1 = c0 + stride;
    const c2 = c1 + stride;
    const c3 = c2 + stride;
    let s0 = splat(0);
    let s1 = splat(0);
    let s2 = splat(0);
    let s3 = splat(0);
    for (let i = 0; i < nPad; i += 2) {
      const o = <usize>i << 3;
      const ri = v128.load(r + o);
      s0 = fma(ri, v128.load(c0 + o), s0);
      s1 = fma(ri, v128.load(c1 + o), s1);
      s2 = fma(ri, v128.load(c2 + o), s2);
      s3 = fma(ri, v128.load(c3 + o), s3);
    }
    store<f64>(at(out, j), hsum(s0));
    store<f64>(at(out, j + 1), hsum(s1));
    store<f64>(at(out, j + 2), hsum(s2));
    store<f64>(at(out, j + 3), hsum(s3));
  }
  for (; j < m; j++) {
    const c = cols + <usize>j * stride;
    let s = splat(0);
    for (let i = 0; i < nPad; i += 2) {
      const o = <usize>i << 3;
      s = fma(v128.load(r + o), v128.load(c + o), s);
    }
    store<f64>(at(out, j), hsum(s));
  }
}

/** dotDense for two residual vectors at once: each column read once for both. */
export function dotDensePair(r0: usize, r1: usize, cols: usize, m: i32, nPad: i32, out0: usize, out1: usize): void {
  const stride = <usize>nPad << 3;
  let j = 0;
  for (; j + 4 <= m; j += 4) {
    const c0 = cols + <usize>j * stride;
    const c1 = c0 + stride;
    const c2 = c1 + stride;
    const c3 = c2 + stride;
    let s0 = splat(0);
    let s1 = splat(0);
    let s2 = splat(0);
    let s3 = splat(0);
    let t0 = splat(0);
    let t1 = splat(0);
    let t2 = splat(0);
    let t3 = splat(0);
    for (let i = 0; i < nPad; i += 2) {
      const o = <usize>i << 3;
      const a = v128.load(r0 + o);
      const b = v128.load(r1 + o);
      const v0 = v128.load(c0 + o);
      const v1 = v128.load(c1 + o);
      const v2 = v128.load(c2 + o);
      const v3 = v128.load(c3 + o);
      s0 = fma(a, v0, s0);
      s1 = fma(a, v1, s1);
      s2 = fma(a, v2, s2);
      s3 = fma(a, v3, s3);
      t0 = fma(b, v0, t0);
      t1 = fma(b, v1, t1);
      t2 = fma(b, v2, t2);
      t3 = fma(b, v3, t3);
    }
    store<f64>(at(out0, j), hsum(s0));
    store<f64>(at(out0, j + 1), hsum(s1));
    store<f64>(at(out0, j + 2), hsum(s2));
    store<f64>(at(out0, j + 3), hsum(s3));
    store<f64>(at(out1, j), hsum(t0));
    store<f64>(at(out1, j + 1), hsum(t1));
    store<f64>(at(out1, j + 2), hsum(t2));
    store<f64>(at(out1, j + 3), hsum(t3));
  }
  for (; j < m; j++) {
    const c = cols + <usize>j * stride;
    let s = splat(0);
    let t = splat(0);
    for (let i = 0; i < nPad; i += 2) {
      const o = <usize>i << 3;
      const v = v128.load(c + o);
      s = fma(v128.load(r0 + o), v, s);
      t = fma(v128.load(r1 + o), v, t);
    }
    store<f64>(at(out0, j), hsum(s));
    store<f64>(at(out1, j), hsum(t));
  }
}

/** z[rows[k]] += w·deltas[k]: a column stored as a base value plus the rows that differ. */
export function addSparse(z: usize, rows: usize, deltas: usize, len: i32, w: f64): void {
  for (let k = 0; k < len; k++) {
    const p = at(z, load<i32>(rows + (<usize>k << 2)));
    store<f64>(p, load<f64>(p) + w * load<f64>(at(deltas, k)));
  }
}

/** Σᵢ r[i]·column[i] of a base-plus-deltas column, given Σᵢ r[i]. */
export function dotSparse(r: usize, rows: usize, deltas: usize, len: i32, base: f64, sumR: f64): f64 {
  let s = base * sumR;
  for (let k = 0; k < len; k++) s += load<f64>(at(r, load<i32>(rows + (<usize>k << 2)))) * load<f64>(at(deltas, k));
  return s;
}

/** Σᵢ r[i]. */
export function sum(r: usize, nPad: i32): f64 {
  let s = splat(0);
  for (let i = 0; i < nPad; i += 2) s = f64x2.add(s, v128.load(at(r, i)));
  return hsum(s);
}

/**
 * The binary logistic loss Σ uᵢ·(log(1 + e^zᵢ) − yᵢzᵢ) of logits z, returned; writes the residuals
 * rᵢ = uᵢ·(σ(zᵢ) − yᵢ) and stores Σ rᵢ at `sumOut`. One e^−|z| serves the loss and the sigmoid.
 */
export function binaryLoss(z: usize, y: usize, u: usize, r: usize, nPad: i32, sumOut: usize): f64 {
  let loss = splat(0);
  let gb = splat(0);
  const zero = splat(0);
  const one = splat(1.0);
  for (let i = 0; i < nPad; i += 2) {
    const o = <usize>i << 3;
    const zi = v128.load(z + o);
    const yi = v128.load(y + o);
    const ui = v128.load(u + o);
    const e = vexp(f64x2.neg(f64x2.abs(zi)));
    const t = f64x2.add(one, e);
    const inv = f64x2.div(one, t);
    // log1p(e) = log(1 + e) corrected for the rounding of 1 + e.
    const l1pe = f64x2.add(vlog(t), f64x2.mul(f64x2.sub(e, f64x2.sub(t, one)), inv));
    const prob = v128.bitselect(inv, f64x2.mul(e, inv), f64x2.ge(zi, zero));
    const li = f64x2.sub(f64x2.add(f64x2.pmax(zero, zi), l1pe), f64x2.mul(yi, zi));
    loss = fma(ui, li, loss);
    const ri = f64x2.mul(ui, f64x2.sub(prob, yi));
    v128.store(r + o, ri);
    gb = f64x2.add(gb, ri);
  }
  store<f64>(sumOut, hsum(gb));
  return hsum(loss);
}

/**
 * The multinomial loss Σ uᵢ·(log Σ_c e^Z[c][i] − Z[yᵢ][i]) of class-major logits Z (class c at
 * Z + c·nPad), returned; Z becomes the residuals uᵢ·(pᵢc − 1[yᵢ = c]) in place. Labels are i32.
 */
export function softmaxLoss(Z: usize, labels: usize, u: usize, nPad: i32, k: i32): f64 {
  const stride = <usize>nPad << 3;
  let loss = splat(0);
  for (let i = 0; i < nPad; i += 2) {
    const o = <usize>i << 3;
    const y0 = load<i32>(labels + (<usize>i << 2));
    const y1 = load<i32>(labels + (<usize>(i + 1) << 2));
    const zy = f64x2.replace_lane(splat(load<f64>(Z + <usize>y0 * stride + o)), 1, load<f64>(Z + <usize>y1 * stride + o + 8));
    let max = v128.load(Z + o);
    for (let c = 1; c < k; c++) max = f64x2.pmax(max, v128.load(Z + <usize>c * stride + o));
    let total = splat(0);
    for (let c = 0; c < k; c++) {
      const p = Z + <usize>c * stride + o;
      const e = vexp(f64x2.sub(v128.load(p), max));
      v128.store(p, e);
      total = f64x2.add(total, e);
    }
    const ui = v128.load(u + o);
    loss = fma(ui, f64x2.sub(f64x2.add(max, vlog(total)), zy), loss);
    const scale = f64x2.div(ui, total);
    for (let c = 0; c < k; c++) {
      const p = Z + <usize>c * stride + o;
      v128.store(p, f64x2.mul(v128.load(p), scale));
    }
    const p0 = Z + <usize>y0 * stride + o;
    store<f64>(p0, load<f64>(p0) - f64x2.extract_lane(ui, 0));
    const p1 = Z + <usize>y1 * stride + o + 8;
    store<f64>(p1, load<f64>(p1) - f64x2.extract_lane(ui, 1));
  }
  return hsum(loss);
}
