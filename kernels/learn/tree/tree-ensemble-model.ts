// The fitted model of both tree families: a list of trees, each adding to one output, plus a
// constant start score, and a link from raw scores to predictions. GBDT sums shrunk trees from
// an initial score; random forests average trees (scale 1/iterations) and predict probabilities
// directly. Prediction runs on the flattened ensemble; explanations on the trees.
import type { Matrix, Task } from '../matrix';
import type { FittedModel, ModelFamily, SerializedModel } from '../model';
import { flattenTrees, predictFlat, type FlatEnsemble } from './flat-ensemble';
import { Tree, type SerializedTree } from './tree';
import { addTreeShap } from './tree-shap';

/** How raw scores become predictions. */
export type Link = 'logistic' | 'softmax' | 'identity' | 'normalize';

export interface TreeEnsembleSpec {
  family: Extract<ModelFamily, 'gbdt' | 'forest'>;
  task: Task;
  nClasses: number;
  featureNames: string[];
  link: Link;
  trees: Tree[];
  initScores: number[];
  /** Multiplies every tree's output (1 for boosting, 1 / iterations for forests). */
  treeScale: number;
  params: Record<string, unknown>;
  /** Extra facts recorded at training time (best iteration, losses …). */
  info?: Record<string, unknown>;
}

export const TREE_MODEL_FORMAT = 1;

export class TreeEnsembleModel implements FittedModel {
  readonly family: 'gbdt' | 'forest';
  readonly task: Task;
  readonly nClasses: number;
  readonly featureNames: string[];
  readonly link: Link;
  readonly trees: Tree[];
  readonly initScores: number[];
  readonly treeScale: number;
  readonly params: Record<string, unknown>;
  readonly info: Record<string, unknown>;
  readonly nOutputs: number;
  private flat: FlatEnsemble | null = null;

  constructor(spec: TreeEnsembleSpec) {
    this.family = spec.family;
    this.task = spec.task;
    this.nClasses = spec.nClasses;
    this.featureNames = spec.featureNames;
    this.link = spec.link;
    this.trees = spec.trees;
    this.initScores = spec.initScores;
    this.treeScale = spec.treeScale;
    this.params = spec.params;
    this.info = spec.info ?? {};
    this.nOutputs = spec.initScores.length;
  }

  private flatEnsemble(): FlatEnsemble {
    this.flat ??= flattenTrees(this.trees, this.nOutputs, this.treeScale);
    return this.flat;
  }

  private checkMatrix(X: Matrix): void {
    if (X.columns.length !== this.featureNames.length) {
      throw new Error(`model expects ${this.featureNames.length} features, got ${X.columns.length}`);
    }
  }

  predictRaw(X: Matrix): Float64Array {
    this.checkMatrix(X);
    const out = new Float64Array(X.nRows * this.nOutputs);
    for (let i = 0; i < X.nRows; i++) for (let k = 0; k < this.nOutputs; k++) out[i * this.nOutputs + k] = this.initScores[k];
    return predictFlat(this.flatEnsemble(), X, out);
  }

  predict(X: Matrix): Float64Array {
    return applyLink(this.link, this.predictRaw(X), X.nRows, this.nOutputs);
  }

  featureImportance(): Float64Array {
    const imp = new Float64Array(this.featureNames.length);
    for (const t of this.trees) for (let n = 0; n < t.nInternal; n++) imp[t.splitFeature[n]] += t.splitGain[n];
    return imp;
  }

  contributions(X: Matrix): Float64Array {
    this.checkMatrix(X);
    const nF = this.featureNames.length;
    const K = this.nOutputs;
    const stride = nF + 1;
    const phi = new Float64Array(X.nRows * K * stride);
    const cols = X.columns;
    for (let i = 0; i < X.nRows; i++) {
      const value = (f: number) => cols[f][i];
      for (let k = 0; k < K; k++) phi[(i * K + k) * stride + nF] = this.initScores[k];
      this.trees.forEach((tree, t) => addTreeShap(tree, value, nF, phi, (i * K + (t % K)) * stride, this.treeScale));
    }
    return phi;
  }

  toJSON(): SerializedModel {
    return {
      family: this.family,
      format: TREE_MODEL_FORMAT,
      task: this.task,
      nClasses: this.nClasses,
      featureNames: this.featureNames.slice(),
      link: this.link,
      initScores: this.initScores.slice(),
      treeScale: this.treeScale,
      params: this.params,
      info: this.info,
      trees: this.trees.map((t) => t.toJSON()),
    };
  }

  static fromJSON(json: SerializedModel): TreeEnsembleModel {
    if (json.family !== 'gbdt' && json.family !== 'forest') throw new Error(`not a tree model: family "${json.family}"`);
    if (json.format !== TREE_MODEL_FORMAT) throw new Error(`unsupported ${json.family} model format ${json.format}`);
    const j = json as SerializedModel & {
      task: Task; nClasses: number; featureNames: string[]; link: Link; initScores: number[]; treeScale: number;
      params: Record<string, unknown>; info?: Record<string, unknown>; trees: SerializedTree[];
    };
    if (!Array.isArray(j.trees) || !Array.isArray(j.featureNames) || !Array.isArray(j.initScores)) {
      throw new Error(`malformed ${json.family} model: missing trees, featureNames or initScores`);
    }
    return new TreeEnsembleModel({
      family: json.family, task: j.task, nClasses: j.nClasses, featureNames: j.featureNames, link: j.link,
      trees: j.trees.map((t) => Tree.fromJSON(t)), initScores: j.initScores, treeScale: j.treeScale,
      params: j.params ?? {}, info: j.info,
    });
  }
}

/** Raw row-major scores to predictions, in place. */
export function applyLink(link: Link, raw: Float64Array, nRows: number, nOutputs: number): Float64Array {
  switch (link) {
    case 'identity':
      return raw;
    case 'logistic':
      for (let i = 0; i < raw.length; i++) raw[i] = 1 / (1 + Math.exp(-raw[i]));
      return raw;
    case 'softmax':
      for (let i = 0; i < nRows; i++) {
        const o = i * nOutputs;
        let max = -Infinity;
        for (let k = 0; k < nOutputs; k++) max = Math.max(max, raw[o + k]);
        let sum = 0;
        for (let k = 0; k < nOutputs; k++) sum += raw[o + k] = Math.exp(raw[o + k] - max);
        for (let k = 0; k < nOutputs; k++) raw[o + k] /= sum;
      }
      return raw;
    case 'normalize':
      // Forest class votes: clip at 0 and rescale each row to sum to 1.
      for (let i = 0; i < nRows; i++) {
        const o = i * nOutputs;
        let sum = 0;
        for (let k = 0; k < nOutputs; k++) sum += raw[o + k] = Math.max(0, raw[o + k]);
        for (let k = 0; k < nOutputs; k++) raw[o + k] = sum > 0 ? raw[o + k] / sum : 1 / nOutputs;
      }
      return raw;
  }
}
