// Cyclic coordinate descent for the elastic net on centred data (glmnet / sklearn cd_fast):
//   minimise  (1/2W) Σ sᵢ (yᵢ − xᵢ·β)²  +  α·r·‖β‖₁  +  α·(1−r)/2·‖β‖²
// with sample weights s (W = Σ s), α = `alpha`, r = `l1Ratio` — sklearn ElasticNet's scaling.
// The caller centres X and y with the weighted means, which makes the unpenalised intercept exact.
// "covariance" updates keep Gram columns of the active features (fast when n ≫ p); "naive"
// updates keep the residual (fast when p is large). Convergence is certified by the duality gap.

export interface ElasticNetProblem {
  /** Centred feature columns, each of length n. */
  columns: Float64Array[];
  /** Centred target. */
  y: Float64Array;
  /** Optional sample weights (any positive scale). */
  weights?: Float64Array;
  alpha: number;
  l1Ratio: number;
}

export interface CoordinateDescentOptions {
  /** Warm start (not modified). */
  init?: ArrayLike<number>;
  /** Duality-gap tolerance relative to (1/2W)Σ s y² … like sklearn's `tol`. Default 1e-4. */
  tolerance?: number;
  /** Maximum number of full sweeps. Default 1000. */
  maxIterations?: number;
  /** Update scheme; 'auto' picks covariance when n > p and p ≤ 1000. */
  mode?: 'auto' | 'covariance' | 'naive';
}

export interface CoordinateDescentResult {
  coef: Float64Array;
  iterations: number;
  dualityGap: number;
  converged: boolean;
}

export function solveElasticNet(problem: ElasticNetProblem, options: CoordinateDescentOptions = {}): CoordinateDescentResult {
  const { columns, y } = problem;
  const p = columns.length;
  const n = y.length;
  if (problem.alpha < 0 || !Number.isFinite(problem.alpha)) throw new Error(`elastic net: alpha must be ≥ 0, got ${problem.alpha}`);
  if (!(problem.l1Ratio >= 0 && problem.l1Ratio <= 1)) throw new Error(`elastic net: l1Ratio must be in [0, 1], got ${problem.l1Ratio}`);
  const lam1 = problem.alpha * problem.l1Ratio;
  const lam2 = problem.alpha * (1 - problem.l1Ratio);
  const maxIter = options.maxIterations ?? 1000;
  const mode = options.mode === 'covariance' || options.mode === 'naive'
    ? options.mode
    : n > p && p <= 1000 ? 'covariance' : 'naive';

  // Normalised weights u = s/W so every inner product below is a weighted mean.
  const u = new Float64Array(n);
  if (problem.weights) {
    let w = 0;
    for (let i = 0; i < n; i++) w += problem.weights[i];
    for (let i = 0; i < n; i++) u[i] = problem.weights[i] / w;
  } else u.fill(1 / n);

  const wdot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += u[i] * a[i] * b[i];
    return s;
  };
  const yy = wdot(y, y);
  const tol = (options.tolerance ?? 1e-4) * yy;
  const diag = columns.map((c) => wdot(c, c)); // a_j
  const xy = columns.map((c) => wdot(c, y)); // c_j
  const coef = new Float64Array(p);
  if (options.init) for (let j = 0; j < p; j++) coef[j] = options.init[j];

  const state = mode === 'covariance' ? covarianceState(columns, u, coef) : residualState(columns, y, u, coef);
  let iterations = 0;
  let gap = Infinity;
  let converged = false;
  for (; iterations < maxIter; ) {
    let maxDelta = 0;
    let maxCoef = 0;
    for (let j = 0; j < p; j++) {
      const a = diag[j];
      if (a === 0) { coef[j] = 0; continue; }
      const old = coef[j];
      const rho = state.correlation(j, xy[j]) + a * old;
      const next = softThreshold(rho, lam1) / (a + lam2);
      if (next !== old) {
        state.update(j, next - old);
        coef[j] = next;
      }
      const delta = Math.abs(next - old);
      if (delta > maxDelta) maxDelta = delta;
      if (Math.abs(next) > maxCoef) maxCoef = Math.abs(next);
    }
    iterations++;
    if (maxCoef === 0 || maxDelta / maxCoef < (options.tolerance ?? 1e-4)) {
      gap = state.dualityGap(coef, xy, yy, lam1, lam2);
      if (gap <= tol) { converged = true; break; }
    }
  }
  if (!converged) gap = state.dualityGap(coef, xy, yy, lam1, lam2);
  return { coef, iterations, dualityGap: gap, converged };
}

function softThreshold(z: number, t: number): number {
  return z > t ? z - t : z < -t ? z + t : 0;
}

interface CdState {
  /** (1/W) Σ s x_j r for the current coefficients. */
  correlation(j: number, xyj: number): number;
  update(j: number, delta: number): void;
  dualityGap(coef: Float64Array, xy: number[], yy: number, lam1: number, lam2: number): number;
}

/** The duality gap of sklearn's cd_fast, in weighted-mean units, from r·r, r·y and Xᵀr. */
function gapFrom(rr: number, ry: number, xtr: (j: number) => number, coef: Float64Array, lam1: number, lam2: number): number {
  let dualNorm = 0;
  let l1 = 0;
  let l2 = 0;
  for (let j = 0; j < coef.length; j++) {
    const v = Math.abs(xtr(j) - lam2 * coef[j]);
    if (v > dualNorm) dualNorm = v;
    l1 += Math.abs(coef[j]);
    l2 += coef[j] * coef[j];
  }
  let scale = 1;
  let gap: number;
  if (dualNorm > lam1) {
    scale = lam1 / dualNorm;
    gap = 0.5 * rr * (1 + scale * scale);
  } else gap = rr;
  gap += lam1 * l1 - scale * ry + 0.5 * lam2 * (1 + scale * scale) * l2;
  return Math.max(gap, 0);
}

function residualState(columns: Float64Array[], y: Float64Array, u: Float64Array, coef: Float64Array): CdState {
  const n = y.length;
  const r = Float64Array.from(y);
  for (let j = 0; j < columns.length; j++) {
    if (coef[j] === 0) continue;
    const c = columns[j];
    for (let i = 0; i < n; i++) r[i] -= coef[j] * c[i];
  }
  const xtr = (j: number) => {
    const c = columns[j];
    let s = 0;
    for (let i = 0; i < n; i++) s += u[i] * c[i] * r[i];
    return s;
  };
  return {
    correlation: (j) => xtr(j),
    update(j, delta) {
      const c = columns[j];
      for (let i = 0; i < n; i++) r[i] -= delta * c[i];
    },
    dualityGap(cf, _xy, _yy, lam1, lam2) {
      let rr = 0;
      let ry = 0;
      for (let i = 0; i < n; i++) {
        rr += u[i] * r[i] * r[i];
        ry += u[i] * r[i] * y[i];
      }
      return gapFrom(rr, ry, xtr, cf, lam1, lam2);
    },
  };
}

/** Keeps q = Gβ with Gram columns computed the first time a feature turns non-zero. */
function covarianceState(columns: Float64Array[], u: Float64Array, coef: Float64Array): CdState {
  const p = columns.length;
  const n = u.length;
  const gram: (Float64Array | null)[] = new Array(p).fill(null);
  const q = new Float64Array(p);
  const gramColumn = (k: number): Float64Array => {
    let g = gram[k];
    if (g) return g;
    g = new Float64Array(p);
    const ck = columns[k];
    const wk = new Float64Array(n);
    for (let i = 0; i < n; i++) wk[i] = u[i] * ck[i];
    for (let j = 0; j < p; j++) {
      const cj = columns[j];
      let s = 0;
      for (let i = 0; i < n; i++) s += wk[i] * cj[i];
      g[j] = s;
    }
    gram[k] = g;
    return g;
  };
  const addColumn = (k: number, delta: number) => {
    const g = gramColumn(k);
    for (let j = 0; j < p; j++) q[j] += delta * g[j];
  };
  for (let k = 0; k < p; k++) if (coef[k] !== 0) addColumn(k, coef[k]);
  return {
    correlation: (j, xyj) => xyj - q[j],
    update: addColumn,
    dualityGap(cf, xy, yy, lam1, lam2) {
      let bc = 0;
      let bq = 0;
      for (let j = 0; j < p; j++) {
        bc += cf[j] * xy[j];
        bq += cf[j] * q[j];
      }
      const rr = yy - 2 * bc + bq;
      const ry = yy - bc;
      return gapFrom(Math.max(rr, 0), ry, (j) => xy[j] - q[j], cf, lam1, lam2);
    },
  };
}
