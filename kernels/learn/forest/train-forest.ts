// Random forests and extra trees on the same binned dataset and leaf-wise tree learner as GBDT.
// Each tree fits the labels directly by variance reduction: with gradient -y and hessian 1 a
// leaf's Newton step is the mean label, so the split gain is the variance (for 0/1 labels, Gini)
// reduction. Binary and regression forests average one tree per round; multiclass forests grow
// one indicator tree per class and normalise the averaged class scores.
import { binMatrix } from '../dataset/binned-dataset';
import { bootstrapCounts, createRandom } from '../../random/random';
import { checkLabels } from '../gbdt/train-gbdt';
import type { Labels, Matrix } from '../matrix';
import type { Tree } from '../tree/tree';
import { TreeEnsembleModel } from '../tree/tree-ensemble-model';
import { TreeLearner } from '../treelearner/tree-learner';
import { defaultFeatureFraction, resolveForestParams, type ForestParams } from './params';

export function fitForest(X: Matrix, labels: Labels, given: Partial<ForestParams> | Record<string, unknown> = {}): TreeEnsembleModel {
  const p = resolveForestParams(given as Record<string, unknown>);
  checkLabels(X, labels);
  const n = X.nRows;
  const task = labels.task;
  let nClasses = 1;
  if (task === 'binary') nClasses = 2;
  else if (task === 'multiclass') {
    for (let i = 0; i < n; i++) nClasses = Math.max(nClasses, labels.y[i] + 1);
    nClasses = Math.max(nClasses, labels.classes?.length ?? 0);
  }
  const K = task === 'multiclass' ? nClasses : 1;
  const data = binMatrix(X, { bins: p.bins, seed: p.seed });
  const featureFractionByNode = p.featureFractionByNode > 0 ? p.featureFractionByNode : defaultFeatureFraction(task, data.nFeatures);
  const learner = new TreeLearner(data, {
    maxLeaves: p.maxLeaves === 0 ? Number.MAX_SAFE_INTEGER : p.maxLeaves,
    maxDepth: p.maxDepth,
    minDataInLeaf: p.minDataInLeaf,
    minSumHessianInLeaf: p.minSumHessianInLeaf,
    lambdaL1: 0,
    lambdaL2: p.lambdaL2,
    minSplitGain: p.minSplitGain,
    featureFractionByNode,
    extraTrees: p.extraTrees,
    catL2: 0,
    catSmooth: 0,
    maxCatThreshold: 32,
  });
  const random = createRandom(p.seed);
  const features = Int32Array.from({ length: data.nFeatures }, (_, f) => f);
  const counts = new Uint32Array(n);
  const rows = new Uint32Array(n);
  const grad = new Float32Array(n);
  const hess = new Float32Array(n);
  const w = labels.weights;
  const trees: Tree[] = [];
  for (let t = 0; t < p.trees; t++) {
    let nRows = n;
    if (p.bootstrap) {
      bootstrapCounts(random, n, counts);
      nRows = 0;
      for (let i = 0; i < n; i++) if (counts[i] > 0) rows[nRows++] = i;
    } else counts.fill(1);
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < n; i++) {
        const target = task === 'multiclass' ? (labels.y[i] === k ? 1 : 0) : labels.y[i];
        const weight = counts[i] * (w ? w[i] : 1);
        grad[i] = -target * weight;
        hess[i] = weight;
      }
      trees.push(learner.train(grad, hess, p.bootstrap ? rows : null, nRows, features, random));
    }
  }
  return new TreeEnsembleModel({
    family: 'forest',
    task,
    nClasses: task === 'regression' ? 1 : nClasses,
    featureNames: X.featureNames.slice(),
    link: task === 'multiclass' ? 'normalize' : 'identity',
    trees,
    initScores: new Array(K).fill(0),
    treeScale: 1 / p.trees,
    params: { ...p, featureFractionByNode },
    info: {},
  });
}
