// Solving A·x = b for symmetric positive-definite A: Cholesky for moderate sizes, conjugate
// gradients (matrix-free) when the Gram matrix would be too large to factor.

/** A is row-major d × d (only the lower triangle is read). Returns null if A is not SPD. */
export function choleskySolve(A: Float64Array, b: Float64Array, d: number): Float64Array | null {
  const L = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * d + j];
      for (let k = 0; k < j; k++) s -= L[i * d + k] * L[j * d + k];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i * d + i] = Math.sqrt(s);
      } else L[i * d + j] = s / L[j * d + j];
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < d; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= L[i * d + k] * x[k];
    x[i] = s / L[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < d; k++) s -= L[k * d + i] * x[k];
    x[i] = s / L[i * d + i];
  }
  return x;
}

/** CG on A·x = b with A given as a product; stops at ‖r‖ ≤ tol·‖b‖. */
export function conjugateGradient(
  multiply: (v: Float64Array, out: Float64Array) => void,
  b: Float64Array,
  tol: number,
  maxIterations: number,
): { x: Float64Array; iterations: number; residual: number; converged: boolean } {
  const d = b.length;
  const x = new Float64Array(d);
  const r = Float64Array.from(b);
  const p = Float64Array.from(b);
  const Ap = new Float64Array(d);
  const norm = (v: Float64Array) => Math.sqrt(v.reduce((a, e) => a + e * e, 0));
  const bNorm = norm(b) || 1;
  let rr = r.reduce((a, e) => a + e * e, 0);
  let it = 0;
  for (; it < maxIterations && Math.sqrt(rr) > tol * bNorm; it++) {
    multiply(p, Ap);
    let pAp = 0;
    for (let i = 0; i < d; i++) pAp += p[i] * Ap[i];
    const alpha = rr / pAp;
    for (let i = 0; i < d; i++) {
      x[i] += alpha * p[i];
      r[i] -= alpha * Ap[i];
    }
    const rrNew = r.reduce((a, e) => a + e * e, 0);
    const beta = rrNew / rr;
    rr = rrNew;
    for (let i = 0; i < d; i++) p[i] = r[i] + beta * p[i];
  }
  const residual = Math.sqrt(rr) / bNorm;
  return { x, iterations: it, residual, converged: residual <= tol };
}
