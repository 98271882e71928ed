// Two-lane (f64x2) exp and log for the WebAssembly kernels: polynomials, as JavaScript's Math has
// no vector form. Inlined where they are used (assembly/linear.ts, assembly/tree.ts).

const LOG2E: f64 = 1.4426950408889634;
// ln 2 split so that k·LN2_HI is exact for |k| < 2¹¹ (fdlibm's split).
const LN2_HI: f64 = 6.93147180369123816490e-01;
const LN2_LO: f64 = 1.90821492927058770002e-10;
// log(1 + f) = 2s + s·R(s²) on s = f / (2 + f): the minimax coefficients of fdlibm's e_log.c.
const LG1: f64 = 6.666666666666735130e-01;
const LG2: f64 = 3.999999999940941908e-01;
const LG3: f64 = 2.857142874366239149e-01;
const LG4: f64 = 2.222219843214978396e-01;
const LG5: f64 = 1.818357216161805012e-01;
const LG6: f64 = 1.531383769920937332e-01;
const LG7: f64 = 1.479819860511658591e-01;

@inline export function splat(x: f64): v128 {
  return f64x2.splat(x);
}

@inline export function fma(a: v128, b: v128, c: v128): v128 {
  return f64x2.add(f64x2.mul(a, b), c);
}

@inline export function at(p: usize, i: i32): usize {
  return p + (<usize>i << 3);
}

/**
 * eˣ for x ≤ 709, two lanes at a time, within 2 ulp of the true value; 0 below −708 (where eˣ
 * is under 3.3e-308); NaN stays NaN. x = k·ln 2 + r with |r| ≤ ln 2 / 2, eʳ by its Taylor
 * polynomial of degree 13 (truncation error under 5e-18), 2ᵏ built in the exponent bits.
 */
@inline export function vexp(x: v128): v128 {
  const low = splat(-708.0);
  const under = f64x2.lt(x, low);
  const xc = f64x2.pmax(x, low); // x < low ? low : x, so NaN stays NaN
  const k = f64x2.nearest(f64x2.mul(xc, splat(LOG2E)));
  const r = f64x2.sub(f64x2.sub(xc, f64x2.mul(k, splat(LN2_HI))), f64x2.mul(k, splat(LN2_LO)));
  let p = splat(1.0 / 6227020800.0);
  p = fma(p, r, splat(1.0 / 479001600.0));
  p = fma(p, r, splat(1.0 / 39916800.0));
  p = fma(p, r, splat(1.0 / 3628800.0));
  p = fma(p, r, splat(1.0 / 362880.0));
  p = fma(p, r, splat(1.0 / 40320.0));
  p = fma(p, r, splat(1.0 / 5040.0));
  p = fma(p, r, splat(1.0 / 720.0));
  p = fma(p, r, splat(1.0 / 120.0));
  p = fma(p, r, splat(1.0 / 24.0));
  p = fma(p, r, splat(1.0 / 6.0));
  p = fma(p, r, splat(0.5));
  p = fma(p, r, splat(1.0));
  p = fma(p, r, splat(1.0));
  const ki = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(k));
  const scale = i64x2.shl(i64x2.add(ki, i64x2.splat(1023)), 52);
  return v128.andnot(f64x2.mul(p, scale), under);
}

/**
 * log x for finite x > 0 (normal), two lanes at a time, within 1 ulp (fdlibm's method): x = 2ᵏ·m
 * with m in [√2/2, √2), log m = f − f²/2 + s·(f²/2 + R(s²)) on f = m − 1, s = f / (2 + f).
 */
@inline export function vlog(x: v128): v128 {
  const mantissa = v128.and(x, i64x2.splat(0x000fffffffffffff));
  // Bit 52 of mantissa + (2⁵² − high bits of √2): set when m ≥ √2, which then halves.
  const half = v128.and(i64x2.add(mantissa, i64x2.splat(0x00095f6400000000)), i64x2.splat(0x0010000000000000));
  const m = v128.or(mantissa, v128.xor(half, i64x2.splat(0x3ff0000000000000)));
  // k = biased exponent − 1023 (+ 1 when halved), as a double: integer bits under 2⁵²'s exponent.
  const biased = i64x2.add(i64x2.shr_u(x, 52), i64x2.shr_u(half, 52));
  const k = f64x2.sub(v128.or(biased, i64x2.splat(0x4330000000000000)), splat(4503599627370496.0 + 1023.0));
  const f = f64x2.sub(m, splat(1.0));
  const s = f64x2.div(f, f64x2.add(f, splat(2.0)));
  const z = f64x2.mul(s, s);
  const w = f64x2.mul(z, z);
  const t1 = f64x2.mul(w, fma(w, fma(w, splat(LG6), splat(LG4)), splat(LG2)));
  const t2 = f64x2.mul(z, fma(w, fma(w, fma(w, splat(LG7), splat(LG5)), splat(LG3)), splat(LG1)));
  const rr = f64x2.add(t2, t1);
  const hfsq = f64x2.mul(splat(0.5), f64x2.mul(f, f));
  const inner = f64x2.add(f64x2.mul(s, f64x2.add(hfsq, rr)), f64x2.mul(k, splat(LN2_LO)));
  return f64x2.sub(f64x2.mul(k, splat(LN2_HI)), f64x2.sub(f64x2.sub(hfsq, inner), f));
}

@inline export function hsum(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

