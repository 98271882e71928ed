// A fitted naive Bayes classifier and its plain-JSON form.
// Raw score — binary: log P(1|x) − log P(0|x) = log π₁/π₀ + Σⱼ log p(xⱼ|1)/p(xⱼ|0);
// multiclass: per class, the joint log-likelihood centred over the (trained) classes,
// (log π_k − mean log π) + Σⱼ (log p(xⱼ|k) − mean_c log p(xⱼ|c)); softmax gives the posterior.
// Contributions are exactly those per-feature terms plus the prior term as bias; a missing value
// (or a level never seen in training) contributes 0.
import type { Matrix, Task } from '../matrix';
import { sigmoid, softmaxRows } from '../link';
import type { FittedModel, SerializedModel } from '../model';
import { readModelJson } from '../model-json';
import { logLikelihood, type FeatureLikelihood } from './feature-likelihood';

export const BAYES_FORMAT = 1;
/** Raw score of classes absent from training: probability 0 after the softmax. */
export const ABSENT_CLASS_LOGIT = -1000;

export interface ResolvedBayesParams {
  varSmoothing: number;
  alpha: number;
}

export interface NaiveBayesState {
  task: Task;
  featureNames: string[];
  classes?: string[];
  nClasses: number;
  /** log prior per class; null for classes absent from training. */
  logPrior: (number | null)[];
  features: FeatureLikelihood[];
  /** Mean |contribution| per feature over the training rows. */
  importance: number[];
  params: ResolvedBayesParams;
}

export class NaiveBayesModel implements FittedModel {
  readonly family = 'bayes' as const;
  readonly task: Task;
  readonly nClasses: number;
  readonly featureNames: string[];
  private readonly active: number[];

  constructor(readonly state: NaiveBayesState) {
    this.task = state.task;
    this.nClasses = state.nClasses;
    this.featureNames = state.featureNames;
    this.active = state.logPrior.flatMap((lp, c) => (lp === null ? [] : [c]));
  }

  get nOutputs(): number {
    return this.task === 'binary' ? 1 : this.nClasses;
  }

  /** Row-major n × nOutputs × (nFeatures + 1) contribution blocks. */
  contributions(X: Matrix): Float64Array {
    const k = this.nOutputs;
    const m = this.featureNames.length + 1;
    const out = new Float64Array(X.nRows * k * m);
    const bias = this.bias();
    for (let i = 0; i < X.nRows; i++) for (let o = 0; o < k; o++) out[(i * k + o) * m + m - 1] = bias[o];
    this.featureTerms(X, (i, j, term) => {
      for (let o = 0; o < k; o++) out[(i * k + o) * m + j] = term[o];
    });
    return out;
  }

  predictRaw(X: Matrix): Float64Array {
    const k = this.nOutputs;
    const out = new Float64Array(X.nRows * k);
    const bias = this.bias();
    for (let i = 0; i < X.nRows; i++) for (let o = 0; o < k; o++) out[i * k + o] = bias[o];
    this.featureTerms(X, (i, _j, term) => {
      for (let o = 0; o < k; o++) out[i * k + o] += term[o];
    });
    return out;
  }

  /** Mean |contribution| per feature over X's rows and outputs (what featureImportance stores). */
  meanAbsContribution(X: Matrix): number[] {
    const k = this.nOutputs;
    const imp = new Array<number>(this.featureNames.length).fill(0);
    this.featureTerms(X, (_i, j, term) => {
      for (let o = 0; o < k; o++) imp[j] += Math.abs(term[o]);
    });
    const blocks = X.nRows * k;
    return imp.map((v) => (blocks ? v / blocks : 0));
  }

  /**
   * Calls visit(row, feature, term) with the feature's term per output for every observed value:
   * binary log p(x|1) − log p(x|0); multiclass log p(x|k) centred over the trained classes (0 for
   * absent classes). `term` is a reused buffer.
   */
  private featureTerms(X: Matrix, visit: (i: number, j: number, term: Float64Array) => void): void {
    const p = this.featureNames.length;
    if (X.columns.length !== p) throw new Error(`naive Bayes: the matrix has ${X.columns.length} features, the model was trained on ${p}`);
    const n = X.nRows;
    const { features } = this.state;
    const active = this.active;
    const binary = this.task === 'binary';
    const ll = new Float64Array(this.nClasses);
    const term = new Float64Array(this.nOutputs);
    for (let j = 0; j < p; j++) {
      const col = X.columns[j];
      if (col.length !== n) throw new Error(`naive Bayes: feature ${j} has ${col.length} values for ${n} rows`);
      const f = features[j];
      // Gaussian terms with their per-class constants hoisted out of the row loop.
      const gauss = f.kind === 'gaussian'
        ? { mean: f.mean, norm: f.variance.map((s2) => -0.5 * Math.log(2 * Math.PI * s2)), half: f.variance.map((s2) => 0.5 / s2) }
        : null;
      for (let i = 0; i < n; i++) {
        const v = col[i];
        if (Number.isNaN(v)) continue;
        let missing = false;
        for (const c of active) {
          let l: number;
          if (gauss) {
            const d = v - gauss.mean[c];
            l = gauss.norm[c] - gauss.half[c] * d * d;
          } else {
            l = logLikelihood(f, c, v);
            if (Number.isNaN(l)) { missing = true; break; }
          }
          ll[c] = l;
        }
        if (missing) continue;
        if (binary) term[0] = ll[1] - ll[0];
        else {
          let mean = 0;
          for (const c of active) mean += ll[c];
          mean /= active.length;
          for (const c of active) term[c] = ll[c] - mean;
        }
        visit(i, j, term);
      }
    }
  }

  predict(X: Matrix): Float64Array {
    const raw = this.predictRaw(X);
    return this.task === 'binary' ? raw.map(sigmoid) : softmaxRows(raw, this.nClasses);
  }

  featureImportance(): Float64Array {
    return Float64Array.from(this.state.importance);
  }

  toJSON(): SerializedModel {
    const s = this.state;
    return {
      family: 'bayes',
      format: BAYES_FORMAT,
      task: s.task,
      featureNames: [...s.featureNames],
      ...(s.classes ? { classes: [...s.classes] } : {}),
      nClasses: s.nClasses,
      logPrior: [...s.logPrior],
      features: JSON.parse(JSON.stringify(s.features)),
      importance: [...s.importance],
      params: { ...s.params },
    };
  }

  /** Prior term per output: binary log π₁/π₀; multiclass log π_k centred over the trained classes. */
  private bias(): number[] {
    const lp = this.state.logPrior;
    if (this.task === 'binary') return [(lp[1] ?? 0) - (lp[0] ?? 0)];
    const mean = this.active.reduce((a, c) => a + (lp[c] ?? 0), 0) / this.active.length;
    return lp.map((x) => (x === null ? ABSENT_CLASS_LOGIT : x - mean));
  }
}

/** Rebuilds a model from toJSON() output; predictions are bit-identical. */
export function loadBayesModel(json: unknown): NaiveBayesModel {
  const { json: j, fail } = readModelJson(json, 'naive Bayes', 'bayes', BAYES_FORMAT);
  if (j.task !== 'binary' && j.task !== 'multiclass') fail(`task ${JSON.stringify(j.task)} is not a classification task`);
  const featureNames = j.featureNames as string[];
  const features = j.features as FeatureLikelihood[];
  const logPrior = j.logPrior as (number | null)[];
  const nClasses = j.nClasses as number;
  if (!Array.isArray(featureNames) || !Array.isArray(features) || features.length !== featureNames.length) fail('features do not match featureNames');
  if (!Array.isArray(logPrior) || logPrior.length !== nClasses) fail('logPrior does not match nClasses');
  for (const f of features) if (f.kind !== 'gaussian' && f.kind !== 'categorical') fail(`unknown feature kind ${JSON.stringify((f as { kind?: unknown }).kind)}`);
  return new NaiveBayesModel({
    task: j.task as Task,
    featureNames,
    ...(Array.isArray(j.classes) ? { classes: j.classes as string[] } : {}),
    nClasses,
    logPrior,
    features,
    importance: (j.importance as number[]) ?? new Array(featureNames.length).fill(0),
    params: j.params as ResolvedBayesParams,
  });
}
