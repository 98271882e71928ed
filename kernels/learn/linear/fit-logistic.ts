// Regularised logistic regression, binary (sigmoid) and multinomial (softmax over all classes,
// like sklearn's multi_class='multinomial'), on the standardised design. L2 uses L-BFGS;
// any L1 share uses OWL-QN. Intercepts are unpenalised.
import type { Labels, Matrix } from '../matrix';
import { minimizeLbfgs } from '../optim/lbfgs';
import { minimizeOwlqn } from '../optim/owlqn';
import type { OptimResult } from '../optim/types';
import { designColumns, fitDesign } from './design';
import { LinearModel } from './linear-model';
import { binaryLogisticObjective, multinomialObjective } from './logistic-loss';
import { resolveLinearParams, type LinearParams } from './params';
import { effectiveWeights } from './sample-weights';

/** Logit given to classes absent from the training labels: their probability is 0. */
const ABSENT_CLASS_LOGIT = -1000;

export function fitLogisticRegression(X: Matrix, labels: Labels, params: LinearParams = {}): LinearModel {
  if (labels.task === 'regression') throw new Error('logistic regression needs a binary or multiclass task');
  const p = resolveLinearParams(params, 'lbfgs');
  const n = X.nRows;
  if (labels.y.length !== n) throw new Error(`logistic regression: ${labels.y.length} labels for ${n} rows`);
  const nClasses = labels.task === 'binary' ? 2 : labels.classes?.length ?? maxLabel(labels.y) + 1;
  for (let i = 0; i < n; i++) {
    const v = labels.y[i];
    if (!Number.isInteger(v) || v < 0 || v >= nClasses) {
      throw new Error(`logistic regression: label at row ${i} is ${v}; expected a class code 0..${nClasses - 1}`);
    }
  }
  const weights = effectiveWeights(labels, p.classWeight);
  // Standardise with the sample weights only: class weights change the loss, not the inputs.
  const design = fitDesign(X, labels.weights, p.maxLevels);
  const columns = designColumns(X, design);
  const d = columns.length;
  let totalWeight = 0;
  const classWeight = new Float64Array(nClasses);
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    totalWeight += w;
    classWeight[labels.y[i]] += w;
  }
  // sklearn's C·Σ wᵢ·lossᵢ + (1 − r)/2·‖β‖² + r·‖β‖₁, divided by C·W.
  const l2 = (1 - p.l1Ratio) / (p.C * totalWeight);
  const l1 = p.l1Ratio / (p.C * totalWeight);
  const optimise = (objective: Parameters<typeof minimizeLbfgs>[0], x0: Float64Array, l1Mask: (i: number) => boolean): OptimResult => {
    const options = { gradientTolerance: p.tolerance, maxIterations: p.maxIterations };
    if (l1 === 0) return minimizeLbfgs(objective, x0, options);
    const l1Weights = Float64Array.from({ length: x0.length }, (_, i) => (l1Mask(i) ? l1 : 0));
    return minimizeOwlqn(objective, x0, l1Weights, options);
  };
  const fitInfo = (r: OptimResult) => ({
    solver: l1 === 0 ? ('lbfgs' as const) : ('owlqn' as const),
    iterations: r.iterations,
    converged: r.converged,
    criterion: r.gradientNorm,
  });
  const common = {
    task: labels.task,
    featureNames: [...X.featureNames],
    ...(labels.classes ? { classes: [...labels.classes] } : {}),
    nClasses,
    design,
    params: p,
  };

  if (labels.task === 'binary') {
    if (classWeight[0] === 0 || classWeight[1] === 0) {
      const only = classWeight[0] === 0 ? 1 : 0;
      throw new Error(`logistic regression needs both classes in the training rows; only class ${JSON.stringify(labels.classes?.[only] ?? only)} is present`);
    }
    const x0 = new Float64Array(d + 1);
    x0[d] = Math.log(classWeight[1] / classWeight[0]); // start at the prior log-odds
    const r = optimise(binaryLogisticObjective({ columns, y: labels.y, weights, l2 }), x0, (i) => i < d);
    return new LinearModel({
      ...common,
      kind: 'logistic',
      coef: [r.x.slice(0, d)],
      intercept: Float64Array.of(r.x[d]),
      fit: fitInfo(r),
    });
  }

  // Multinomial over the classes present; absent classes get zero coefficients and probability 0.
  const active: number[] = [];
  const activeIndex = new Int32Array(nClasses).fill(-1);
  for (let c = 0; c < nClasses; c++) if (classWeight[c] > 0) activeIndex[c] = active.push(c) - 1;
  if (active.length < 2) throw new Error('logistic regression needs at least two classes in the training rows');
  const k = active.length;
  const yActive = Float64Array.from(labels.y, (v) => activeIndex[v]);
  const stride = d + 1;
  const x0 = new Float64Array(k * stride);
  // Start at the prior: intercepts log πₖ centred to sum 0 (sklearn's solution keeps Σ intercepts = 0).
  const logPrior = active.map((c) => Math.log(classWeight[c] / totalWeight));
  const meanLogPrior = logPrior.reduce((a, b) => a + b, 0) / k;
  for (let a = 0; a < k; a++) x0[a * stride + d] = logPrior[a] - meanLogPrior;
  const r = optimise(multinomialObjective({ columns, y: yActive, weights, l2 }, k), x0, (i) => i % stride !== d);
  const coef: Float64Array[] = [];
  const intercept = new Float64Array(nClasses).fill(ABSENT_CLASS_LOGIT);
  for (let c = 0; c < nClasses; c++) {
    const a = activeIndex[c];
    coef.push(a < 0 ? new Float64Array(d) : r.x.slice(a * stride, a * stride + d));
    if (a >= 0) intercept[c] = r.x[a * stride + d];
  }
  return new LinearModel({ ...common, kind: 'multinomial', coef, intercept, fit: fitInfo(r) });
}

function maxLabel(y: Float64Array): number {
  let m = 0;
  for (let i = 0; i < y.length; i++) if (y[i] > m) m = y[i];
  return m;
}
