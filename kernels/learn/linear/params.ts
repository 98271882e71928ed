// Hyperparameters of the linear family, named like scikit-learn's:
// - Classification (logistic regression): `C` is the inverse regularisation strength as in
//   sklearn's LogisticRegression; the penalty added to Σ wᵢ·lossᵢ is
//   (1/C)·[(1 − l1Ratio)/2·‖β‖² + l1Ratio·‖β‖₁]  (sklearn's elasticnet form; l1Ratio 0 = 'l2').
// - Regression: `alpha` and `l1Ratio` as in sklearn's ElasticNet, objective
//   1/(2W)·Σ wᵢ(yᵢ − ŷᵢ)² + alpha·l1Ratio·‖β‖₁ + alpha·(1 − l1Ratio)/2·‖β‖²  (W = Σ wᵢ).
//   l1Ratio 0 is ridge: sklearn's Ridge(alpha=a) is alpha = a / W here; l1Ratio 1 is the lasso.
//   The L1 part is in units of y (sklearn does not scale y either).
// β are the coefficients on the standardised features; the intercept is never penalised.
export interface LinearParams {
  /** Logistic regression inverse regularisation (> 0). Default 1. */
  C?: number;
  /** Regression penalty strength (≥ 0). Default 1e-3. */
  alpha?: number;
  /** Share of L1 in the penalty, 0..1. Default 0 (L2 only). */
  l1Ratio?: number;
  /** 'balanced' reweights classes inversely to their frequency. Default none. */
  classWeight?: 'balanced' | null;
  /** L-BFGS/OWL-QN: max |gradient| of the objective divided by C·W; CD: duality gap relative to ‖y‖²; default 1e-6. */
  tolerance?: number;
  maxIterations?: number;
  /** Categorical features: levels beyond this many (by frequency) share one indicator. Default 200. */
  maxLevels?: number;
}

export interface ResolvedLinearParams {
  C: number;
  alpha: number;
  l1Ratio: number;
  classWeight: 'balanced' | null;
  tolerance: number;
  maxIterations: number;
  maxLevels: number;
}

const KNOWN = new Set(['C', 'alpha', 'l1Ratio', 'classWeight', 'tolerance', 'maxIterations', 'maxLevels']);

export function resolveLinearParams(params: LinearParams = {}, solver: 'lbfgs' | 'cd' = 'lbfgs'): ResolvedLinearParams {
  for (const key of Object.keys(params)) {
    if (!KNOWN.has(key)) throw new Error(`linear model: unknown hyperparameter "${key}" (known: ${[...KNOWN].join(', ')})`);
  }
  const r: ResolvedLinearParams = {
    C: params.C ?? 1,
    alpha: params.alpha ?? 1e-3,
    l1Ratio: params.l1Ratio ?? 0,
    classWeight: params.classWeight ?? null,
    tolerance: params.tolerance ?? 1e-6,
    maxIterations: params.maxIterations ?? (solver === 'lbfgs' ? 1000 : 10000),
    maxLevels: params.maxLevels ?? 200,
  };
  if (!(r.C > 0) || !Number.isFinite(r.C)) throw new Error(`linear model: C must be a positive number, got ${params.C}`);
  if (!(r.alpha >= 0) || !Number.isFinite(r.alpha)) throw new Error(`linear model: alpha must be ≥ 0, got ${params.alpha}`);
  if (!(r.l1Ratio >= 0 && r.l1Ratio <= 1)) throw new Error(`linear model: l1Ratio must be in [0, 1], got ${params.l1Ratio}`);
  if (r.classWeight !== null && r.classWeight !== 'balanced') {
    throw new Error(`linear model: classWeight must be 'balanced' or null, got ${JSON.stringify(params.classWeight)}`);
  }
  if (!(r.tolerance > 0)) throw new Error(`linear model: tolerance must be > 0, got ${params.tolerance}`);
  if (!(r.maxIterations >= 1) || !Number.isInteger(r.maxIterations)) throw new Error(`linear model: maxIterations must be a positive integer, got ${params.maxIterations}`);
  if (!(r.maxLevels >= 1) || !Number.isInteger(r.maxLevels)) throw new Error(`linear model: maxLevels must be a positive integer, got ${params.maxLevels}`);
  return r;
}
