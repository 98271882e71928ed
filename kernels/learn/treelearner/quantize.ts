// Quantized gradients (as in LightGBM's quantized training): each row's gradient and hessian are
// rounded stochastically to small integers and packed into one exact integer in a float64,
// g_q · 2^K + h_q. Histogram bins then need one addition per row instead of two, sums stay exact
// integers (so the subtraction trick is exact), and the bit budget is chosen from the row count
// so no sum can overflow 2^53. Split gains use the decoded sums; leaf values are recomputed from
// the exact gradients once the tree is grown, which keeps accuracy.

export interface Quantization {
  /** Gradient and hessian value of one integer step. */
  gScale: number;
  hScale: number;
  /** 2^K: the weight of the gradient part. */
  gUnit: number;
  gLevels: number;
  hLevels: number;
}

/** Bits for gradient and hessian levels given the row count, or null when too many rows. */
export function quantizationBits(nRows: number): { gBits: number; hBits: number } | null {
  const rowBits = Math.ceil(Math.log2(nRows + 1));
  const budget = 52 - 2 * rowBits;
  if (budget < 4) return null;
  const hBits = Math.min(15, Math.floor(budget / 2));
  const gBits = Math.min(15, budget - hBits);
  return { gBits, hBits };
}

/**
 * Packs grad/hess of rows 0..n-1 into `out` with stochastic rounding driven by `seed`; returns the
 * scales to decode sums. |g| ≤ gMax maps to at most gLevels steps, h ≤ hMax to hLevels steps.
 */
export function quantizeGradients(grad: Float32Array, hess: Float32Array, n: number, maxRows: number, seed: number, out: Float64Array): Quantization {
  const bits = quantizationBits(maxRows)!;
  const gLevels = 2 ** bits.gBits - 1;
  const hLevels = 2 ** bits.hBits - 1;
  const gUnit = 2 ** (Math.ceil(Math.log2(maxRows + 1)) + bits.hBits);
  let gMax = 0;
  let hMax = 0;
  for (let i = 0; i < n; i++) {
    const g = Math.abs(grad[i]);
    if (g > gMax) gMax = g;
    if (hess[i] > hMax) hMax = hess[i];
  }
  const gScale = gMax > 0 ? gMax / gLevels : 1;
  const hScale = hMax > 0 ? hMax / hLevels : 1;
  const gInv = 1 / gScale;
  const hInv = 1 / hScale;
  // xorshift32: one 32-bit draw per row gives both 16-bit rounding noises.
  let x = (seed | 0) || 0x2545f491;
  const toUnit = 1 / 65536;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    let gq = Math.floor(grad[i] * gInv + (x & 0xffff) * toUnit);
    if (gq > gLevels) gq = gLevels;
    else if (gq < -gLevels) gq = -gLevels;
    let hq = Math.floor(hess[i] * hInv + (x >>> 16) * toUnit);
    if (hq > hLevels) hq = hLevels;
    else if (hq < 0) hq = 0;
    out[i] = gq * gUnit + hq;
  }
  return { gScale, hScale, gUnit, gLevels, hLevels };
}

/** Splits a packed sum into its gradient and hessian sums (decoded to real units) in out[o], out[o+1]. */
export function decodeInto(v: number, q: Quantization, out: Float64Array, o: number): void {
  const gq = Math.floor(v / q.gUnit);
  out[o] = gq * q.gScale;
  out[o + 1] = (v - gq * q.gUnit) * q.hScale;
}
