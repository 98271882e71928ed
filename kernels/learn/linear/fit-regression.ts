// Penalised least squares on the standardised design (see params.ts for the objective).
// The design columns have weighted mean 0, so the intercept is the weighted mean of y and the
// slopes solve the centred problem: ridge in closed form (Cholesky, or conjugate gradients when
// there are more than CHOLESKY_MAX_COLUMNS columns), lasso/elastic net by coordinate descent.
import type { Labels, Matrix } from '../matrix';
import { solveElasticNet } from '../optim/coordinate-descent';
import { designColumns, fitDesign, type DesignSpec } from './design';
import { LinearModel, type FitInfo } from './linear-model';
import { resolveLinearParams, type LinearParams, type ResolvedLinearParams } from './params';
import { choleskySolve, conjugateGradient } from './solve-spd';
import { effectiveWeights } from './sample-weights';

const CHOLESKY_MAX_COLUMNS = 1500;

export function fitLinearRegression(X: Matrix, labels: Labels, params: LinearParams = {}): LinearModel {
  return fitRegressionPath(X, labels, [params.alpha ?? resolveLinearParams(params, 'cd').alpha], params)[0];
}

/**
 * One model per alpha (same l1Ratio), solved in the given order with warm starts — pass alphas
 * from large to small for a regularisation path.
 */
export function fitRegressionPath(X: Matrix, labels: Labels, alphas: number[], params: LinearParams = {}): LinearModel[] {
  if (labels.task !== 'regression') throw new Error(`linear regression needs a regression task, got ${labels.task}`);
  const base = resolveLinearParams(params, 'cd');
  const n = X.nRows;
  if (labels.y.length !== n) throw new Error(`linear regression: ${labels.y.length} targets for ${n} rows`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(labels.y[i])) throw new Error(`linear regression: target at row ${i} is ${labels.y[i]}`);
  }
  const weights = effectiveWeights(labels, null);
  const design = fitDesign(X, weights, base.maxLevels);
  const columns = designColumns(X, design);
  const u = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights ? weights[i] : 1;
  for (let i = 0; i < n; i++) u[i] = (weights ? weights[i] : 1) / total;
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += u[i] * labels.y[i];
  const yc = Float64Array.from(labels.y, (v) => v - yMean);

  const models: LinearModel[] = [];
  let warm: Float64Array | undefined;
  let gram: Float64Array | undefined;
  for (const alpha of alphas) {
    const p = resolveLinearParams({ ...params, alpha }, 'cd');
    let coef: Float64Array;
    let fit: FitInfo;
    if (p.l1Ratio > 0 && p.alpha > 0) {
      const r = solveElasticNet(
        { columns, y: yc, weights, alpha: p.alpha, l1Ratio: p.l1Ratio },
        { init: warm, tolerance: p.tolerance, maxIterations: p.maxIterations },
      );
      coef = r.coef;
      fit = { solver: 'cd', iterations: r.iterations, converged: r.converged, criterion: r.dualityGap };
    } else {
      const solved = ridge(columns, yc, u, p.alpha, p, (gram ??= columns.length <= CHOLESKY_MAX_COLUMNS ? weightedGram(columns, u) : undefined));
      coef = solved.coef;
      fit = solved.fit;
    }
    warm = coef;
    models.push(makeModel(X, labels, design, p, coef, yMean, fit));
  }
  return models;
}

function makeModel(X: Matrix, labels: Labels, design: DesignSpec, params: ResolvedLinearParams, coef: Float64Array, intercept: number, fit: FitInfo): LinearModel {
  return new LinearModel({
    task: labels.task,
    kind: 'least-squares',
    featureNames: [...X.featureNames],
    nClasses: 1,
    design,
    coef: [coef],
    intercept: Float64Array.of(intercept),
    params,
    fit,
  });
}

/** Row-major d × d weighted Gram matrix Σ uᵢ zᵢ zᵢᵀ. */
function weightedGram(columns: Float64Array[], u: Float64Array): Float64Array {
  const d = columns.length;
  const n = u.length;
  const G = new Float64Array(d * d);
  const wc = new Float64Array(n);
  for (let a = 0; a < d; a++) {
    const ca = columns[a];
    for (let i = 0; i < n; i++) wc[i] = u[i] * ca[i];
    for (let b = 0; b <= a; b++) {
      const cb = columns[b];
      let s = 0;
      for (let i = 0; i < n; i++) s += wc[i] * cb[i];
      G[a * d + b] = s;
      G[b * d + a] = s;
    }
  }
  return G;
}

/** (ZᵀUZ + αI)β = ZᵀU·y. With α = 0 and a singular design, a tiny jitter picks a solution. */
function ridge(
  columns: Float64Array[], yc: Float64Array, u: Float64Array, alpha: number,
  p: ResolvedLinearParams, gram: Float64Array | undefined,
): { coef: Float64Array; fit: FitInfo } {
  const d = columns.length;
  const n = yc.length;
  const rhs = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const c = columns[j];
    let s = 0;
    for (let i = 0; i < n; i++) s += u[i] * c[i] * yc[i];
    rhs[j] = s;
  }
  if (d === 0) return { coef: rhs, fit: { solver: 'cholesky', iterations: 0, converged: true, criterion: 0 } };
  if (gram) {
    let trace = 0;
    for (let j = 0; j < d; j++) trace += gram[j * d + j];
    for (let jitter = 0, attempt = 0; attempt < 8; attempt++, jitter = (jitter || 1e-12 * (trace / d || 1)) * 100) {
      const A = Float64Array.from(gram);
      for (let j = 0; j < d; j++) A[j * d + j] += alpha + jitter;
      const coef = choleskySolve(A, rhs, d);
      if (coef) return { coef, fit: { solver: 'cholesky', iterations: 1, converged: true, criterion: jitter } };
    }
    throw new Error('linear regression: the normal equations could not be factored (use alpha > 0)');
  }
  const tmp = new Float64Array(n);
  const multiply = (v: Float64Array, out: Float64Array) => {
    tmp.fill(0);
    for (let j = 0; j < d; j++) {
      const c = columns[j];
      const vj = v[j];
      if (vj !== 0) for (let i = 0; i < n; i++) tmp[i] += vj * c[i];
    }
    for (let i = 0; i < n; i++) tmp[i] *= u[i];
    for (let j = 0; j < d; j++) {
      const c = columns[j];
      let s = 0;
      for (let i = 0; i < n; i++) s += c[i] * tmp[i];
      out[j] = s + alpha * v[j];
    }
  };
  const r = conjugateGradient(multiply, rhs, Math.min(p.tolerance, 1e-8), Math.max(p.maxIterations, 10 * d));
  return { coef: r.x, fit: { solver: 'cg', iterations: r.iterations, converged: r.converged, criterion: r.residual } };
}
