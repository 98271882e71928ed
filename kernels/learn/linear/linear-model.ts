// A fitted linear model (logistic, multinomial or least squares) over the standardised design,
// and its plain-JSON form. Raw scores are logits (binary: one, multiclass: one per class) or the
// regression prediction; contributions split them exactly into β·z per source feature + intercept.
import type { Matrix, Task } from '../matrix';
import { sigmoid, softmaxRows } from '../link';
import type { FittedModel, SerializedModel } from '../model';
import { readModelJson } from '../model-json';
import { designColumnName, forEachDesignColumn, type DesignSpec } from './design';
import type { ResolvedLinearParams } from './params';

export const LINEAR_FORMAT = 1;

export type LinearKind = 'logistic' | 'multinomial' | 'least-squares';

export interface FitInfo {
  solver: 'lbfgs' | 'owlqn' | 'cholesky' | 'cg' | 'cd';
  iterations: number;
  converged: boolean;
  /** Final max |(pseudo-)gradient| (L-BFGS/OWL-QN), residual norm (CG) or duality gap (CD). */
  criterion: number;
}

export interface LinearModelState {
  task: Task;
  kind: LinearKind;
  featureNames: string[];
  classes?: string[];
  nClasses: number;
  design: DesignSpec;
  /** nOutputs rows of design-column coefficients (standardised scale). */
  coef: Float64Array[];
  intercept: Float64Array;
  params: ResolvedLinearParams;
  fit: FitInfo;
}

export interface OriginalScaleCoefficients {
  /** Design column names: the feature, or `feature=level` for categorical indicators. */
  names: string[];
  /** nOutputs rows: coefficient per unit of the raw feature (per indicator for levels). */
  coef: number[][];
  /** Valid for rows without missing values (missing values are imputed with the training mean). */
  intercept: number[];
}

export class LinearModel implements FittedModel {
  readonly family = 'linear' as const;
  readonly task: Task;
  readonly nClasses: number;
  readonly featureNames: string[];

  constructor(readonly state: LinearModelState) {
    this.task = state.task;
    this.nClasses = state.nClasses;
    this.featureNames = state.featureNames;
  }

  get nOutputs(): number {
    return this.state.coef.length;
  }

  predictRaw(X: Matrix): Float64Array {
    const { coef, intercept } = this.state;
    const k = this.nOutputs;
    const n = X.nRows;
    const out = new Float64Array(n * k);
    for (let i = 0; i < n; i++) for (let o = 0; o < k; o++) out[i * k + o] = intercept[o];
    forEachDesignColumn(X, this.state.design, (c, z) => {
      for (let o = 0; o < k; o++) {
        const b = coef[o][c];
        if (b === 0) continue;
        for (let i = 0; i < n; i++) out[i * k + o] += b * z[i];
      }
    });
    return out;
  }

  predict(X: Matrix): Float64Array {
    const raw = this.predictRaw(X);
    if (this.state.kind === 'least-squares') return raw;
    if (this.state.kind === 'logistic') return raw.map(sigmoid);
    return softmaxRows(raw, this.nOutputs);
  }

  featureImportance(): Float64Array {
    const imp = new Float64Array(this.featureNames.length);
    this.state.design.columns.forEach((col, c) => {
      for (const row of this.state.coef) imp[col.feature] += Math.abs(row[c]);
    });
    return imp;
  }

  contributions(X: Matrix): Float64Array {
    const { coef, intercept, design } = this.state;
    const k = this.nOutputs;
    const m = this.featureNames.length + 1;
    const n = X.nRows;
    const out = new Float64Array(n * k * m);
    for (let i = 0; i < n; i++) for (let o = 0; o < k; o++) out[(i * k + o) * m + m - 1] = intercept[o];
    forEachDesignColumn(X, design, (c, z) => {
      const f = design.columns[c].feature;
      for (let o = 0; o < k; o++) {
        const b = coef[o][c];
        if (b === 0) continue;
        for (let i = 0; i < n; i++) out[(i * k + o) * m + f] += b * z[i];
      }
    });
    return out;
  }

  /** Coefficients per unit of the raw features: β/std, intercept − Σ β·mean/std. */
  originalScaleCoefficients(): OriginalScaleCoefficients {
    const { coef, intercept, design } = this.state;
    const names = design.columns.map((c) => designColumnName(c, this.featureNames));
    return {
      names,
      coef: coef.map((row) => design.columns.map((c, j) => row[j] / c.scale)),
      intercept: coef.map((row, o) => design.columns.reduce((b, c, j) => b - (row[j] * c.mean) / c.scale, intercept[o])),
    };
  }

  toJSON(): SerializedModel {
    const s = this.state;
    return {
      family: 'linear',
      format: LINEAR_FORMAT,
      task: s.task,
      kind: s.kind,
      featureNames: [...s.featureNames],
      ...(s.classes ? { classes: [...s.classes] } : {}),
      nClasses: s.nClasses,
      design: JSON.parse(JSON.stringify(s.design)),
      coef: s.coef.map((row) => Array.from(row)),
      intercept: Array.from(s.intercept),
      params: { ...s.params },
      fit: { ...s.fit },
    };
  }
}

/** Rebuilds a model from toJSON() output; predictions are bit-identical. */
export function loadLinearModel(json: unknown): LinearModel {
  const { json: j, fail } = readModelJson(json, 'linear', 'linear', LINEAR_FORMAT);
  const kind = j.kind as LinearKind;
  if (!['logistic', 'multinomial', 'least-squares'].includes(kind)) fail(`unknown kind ${JSON.stringify(j.kind)}`);
  const featureNames = j.featureNames as string[];
  if (!Array.isArray(featureNames)) fail('featureNames missing');
  const design = j.design as DesignSpec;
  if (!design || !Array.isArray(design.columns) || design.nFeatures !== featureNames.length) fail('design does not match featureNames');
  const coef = j.coef as number[][];
  const intercept = j.intercept as number[];
  if (!Array.isArray(coef) || !Array.isArray(intercept) || coef.length !== intercept.length) fail('coef/intercept missing or inconsistent');
  for (const row of coef) if (!Array.isArray(row) || row.length !== design.columns.length) fail('a coef row does not match the design');
  return new LinearModel({
    task: j.task as Task,
    kind,
    featureNames,
    ...(Array.isArray(j.classes) ? { classes: j.classes as string[] } : {}),
    nClasses: j.nClasses as number,
    design,
    coef: coef.map((row) => Float64Array.from(row)),
    intercept: Float64Array.from(intercept),
    params: j.params as ResolvedLinearParams,
    fit: j.fit as FitInfo,
  });
}
