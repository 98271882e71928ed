// The linear family: regularised logistic regression (binary / multinomial) and penalised
// least squares (ridge, lasso, elastic net), all on standardised inputs fitted inside the model.
import type { Labels, Matrix } from '../matrix';
import { fitLogisticRegression } from './fit-logistic';
import { fitLinearRegression } from './fit-regression';
import type { LinearModel } from './linear-model';
import type { LinearParams } from './params';

/** Fits the model the task calls for: logistic for classification, least squares for regression. */
export function fitLinear(X: Matrix, labels: Labels, params: LinearParams = {}): LinearModel {
  return labels.task === 'regression' ? fitLinearRegression(X, labels, params) : fitLogisticRegression(X, labels, params);
}

export { fitLogisticRegression } from './fit-logistic';
export { fitLinearRegression, fitRegressionPath } from './fit-regression';
export { LinearModel, loadLinearModel, LINEAR_FORMAT } from './linear-model';
export type { FitInfo, LinearKind, LinearModelState, OriginalScaleCoefficients } from './linear-model';
export type { LinearParams, ResolvedLinearParams } from './params';
export { resolveLinearParams } from './params';
