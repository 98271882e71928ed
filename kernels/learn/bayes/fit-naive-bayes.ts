// Naive Bayes with one model for mixed inputs: Gaussian likelihoods for numeric features (sklearn
// GaussianNB's var_smoothing: ε = varSmoothing × the largest feature variance is added to every
// variance) and categorical likelihoods for features flagged in Matrix.categorical (sklearn
// CategoricalNB's Laplace/Lidstone `alpha`). Priors are the (weighted) class frequencies.
import type { Labels, Matrix } from '../matrix';
import { effectiveWeights } from '../linear/sample-weights';
import { fitCategoricalFeature, fitGaussianFeature, type FeatureLikelihood } from './feature-likelihood';
import { NaiveBayesModel, type ResolvedBayesParams } from './naive-bayes-model';

export interface BayesParams {
  /** Share of the largest feature variance added to all variances. Default 1e-9 (sklearn). */
  varSmoothing?: number;
  /** Additive smoothing of categorical counts. Default 1 (Laplace). */
  alpha?: number;
  /** 'balanced' weights classes inversely to their frequency (priors become uniform). */
  classWeight?: 'balanced' | null;
}

const KNOWN = new Set(['varSmoothing', 'alpha', 'classWeight']);

export function fitNaiveBayes(X: Matrix, labels: Labels, params: BayesParams = {}): NaiveBayesModel {
  for (const key of Object.keys(params)) {
    if (!KNOWN.has(key)) throw new Error(`naive Bayes: unknown hyperparameter "${key}" (known: ${[...KNOWN].join(', ')})`);
  }
  const resolved: ResolvedBayesParams = { varSmoothing: params.varSmoothing ?? 1e-9, alpha: params.alpha ?? 1 };
  if (!(resolved.varSmoothing >= 0)) throw new Error(`naive Bayes: varSmoothing must be ≥ 0, got ${params.varSmoothing}`);
  if (!(resolved.alpha > 0)) throw new Error(`naive Bayes: alpha must be > 0, got ${params.alpha}`);
  if (labels.task === 'regression') throw new Error('naive Bayes is a classifier; it cannot fit a regression task');
  const n = X.nRows;
  if (labels.y.length !== n) throw new Error(`naive Bayes: ${labels.y.length} labels for ${n} rows`);
  const nClasses = labels.task === 'binary' ? 2 : labels.classes?.length ?? labels.y.reduce((a, b) => Math.max(a, b), 0) + 1;
  for (let i = 0; i < n; i++) {
    const v = labels.y[i];
    if (!Number.isInteger(v) || v < 0 || v >= nClasses) throw new Error(`naive Bayes: label at row ${i} is ${v}; expected a class code 0..${nClasses - 1}`);
  }
  const w = effectiveWeights(labels, params.classWeight ?? null) ?? new Float64Array(n).fill(1);

  const classWeight = new Float64Array(nClasses);
  let total = 0;
  for (let i = 0; i < n; i++) {
    classWeight[labels.y[i]] += w[i];
    total += w[i];
  }
  const present = Array.from(classWeight).filter((v) => v > 0).length;
  if (present < 2) throw new Error('naive Bayes needs at least two classes in the training rows');

  // ε from the largest (unweighted, observed-values) feature variance, as GaussianNB does.
  let maxVar = 0;
  X.columns.forEach((col, j) => {
    if (X.categorical?.[j]) return;
    let cnt = 0;
    let mean = 0;
    let m2 = 0;
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (Number.isNaN(v)) continue;
      if (!Number.isFinite(v)) throw new Error(`naive Bayes: feature "${X.featureNames[j]}" has ${v} at row ${i}`);
      cnt++;
      const d = v - mean;
      mean += d / cnt;
      m2 += d * (v - mean);
    }
    if (cnt > 0 && m2 / cnt > maxVar) maxVar = m2 / cnt;
  });
  // A floor keeps variances positive when every feature is constant.
  const epsilon = resolved.varSmoothing * maxVar || Math.max(resolved.varSmoothing, 1e-300);

  const features: FeatureLikelihood[] = X.columns.map((col, j) =>
    X.categorical?.[j]
      ? fitCategoricalFeature(col, labels.y, w, nClasses, resolved.alpha, X.featureNames[j])
      : fitGaussianFeature(col, labels.y, w, nClasses, epsilon),
  );
  const logPrior = Array.from(classWeight, (cw) => (cw > 0 ? Math.log(cw / total) : null));
  const state = {
    task: labels.task,
    featureNames: [...X.featureNames],
    ...(labels.classes ? { classes: [...labels.classes] } : {}),
    nClasses,
    logPrior,
    features,
    importance: new Array<number>(X.columns.length).fill(0),
    params: resolved,
  };
  const model = new NaiveBayesModel(state);
  state.importance = model.meanAbsContribution(X);
  return model;
}
