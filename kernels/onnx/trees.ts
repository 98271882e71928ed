// Tree ensembles (GBDT, random forests, extra trees) as ONNX. One ai.onnx.ml
// TreeEnsembleRegressor (opset 3) routes every row: thresholds are double tensors
// (nodes_values_as_tensor) compared against the double input, so routing is exactly the
// learners' `value <= threshold` (BRANCH_LEQ, left = true branch); a missing value follows the
// node's learned default (nodes_missing_value_tracks_true); a categorical node ("codes in this set
// go left") becomes a chain of BRANCH_EQ nodes sharing one left subtree. The operator's output is
// float32, too coarse for leaf values, so each tree gets its own target whose weight is the index
// of the leaf reached (a small integer, exact in float32); the double leaf values are then
// gathered and summed in double. The result is the raw score [N, nOutputs] of predictRaw.
import type { Tree } from '../learn/tree/tree';
import type { TreeEnsembleModel } from '../learn/tree/tree-ensemble-model';
import { GraphBuilder, ML_DOMAIN } from './graph-builder';
import { DataType } from './proto';

interface RegressorAttributes {
  treeIds: number[];
  nodeIds: number[];
  featureIds: number[];
  modes: string[];
  values: number[];
  trueIds: number[];
  falseIds: number[];
  missingTrue: number[];
  targetTreeIds: number[];
  targetNodeIds: number[];
  targetIds: number[];
  targetWeights: number[];
}

/** Appends one tree (ONNX tree id `t`, target `t`): leaf l's target weight is l. */
function addTree(a: RegressorAttributes, tree: Tree, t: number): void {
  const node = (id: number, feature: number, mode: string, value: number, trueId: number, falseId: number, missingTrue: boolean) => {
    a.treeIds.push(t);
    a.nodeIds.push(id);
    a.featureIds.push(feature);
    a.modes.push(mode);
    a.values.push(value);
    a.trueIds.push(trueId);
    a.falseIds.push(falseId);
    a.missingTrue.push(missingTrue ? 1 : 0);
  };
  // Ids: internal node n keeps id n; a categorical node's extra chain links follow all internal
  // nodes; leaves come last.
  const extra = tree.categoryLeft.reduce((s, cats) => s + (cats ? Math.max(0, cats.length - 1) : 0), 0);
  const leafBase = tree.nInternal + extra;
  const id = (child: number) => (child < 0 ? leafBase + ~child : child);
  let nextChain = tree.nInternal;
  for (let n = 0; n < tree.nInternal; n++) {
    const left = id(tree.leftChild[n]);
    const right = id(tree.rightChild[n]);
    const f = tree.splitFeature[n];
    const cats = tree.categoryLeft[n];
    if (!cats) {
      node(n, f, 'BRANCH_LEQ', tree.threshold[n], left, right, tree.defaultLeft[n]);
    } else if (cats.length === 0) {
      // Nothing but (maybe) missing values goes left: no value is below -∞.
      node(n, f, 'BRANCH_LT', -Infinity, left, right, tree.defaultLeft[n]);
    } else {
      // value == c₁ ? left : value == c₂ ? left : … : right. Only the first link decides where a
      // missing value goes (NaN equals nothing, so the rest send it on to the right).
      cats.forEach((c, k) => {
        const self = k === 0 ? n : nextChain++;
        const next = k === cats.length - 1 ? right : nextChain;
        node(self, f, 'BRANCH_EQ', c, left, next, k === 0 && tree.defaultLeft[n]);
      });
    }
  }
  for (let l = 0; l < tree.nLeaves; l++) {
    node(leafBase + l, 0, 'LEAF', 0, 0, 0, false);
    a.targetTreeIds.push(t);
    a.targetNodeIds.push(leafBase + l);
    a.targetIds.push(t);
    a.targetWeights.push(l);
  }
}

/** A tree with one leaf (value 0): pads the tree list so every output has as many trees. */
function zeroTree(): Tree {
  const t = { nInternal: 0, nLeaves: 1, categoryLeft: [], leftChild: [], rightChild: [], splitFeature: [], threshold: [], defaultLeft: [], leafValue: [0] };
  return t as unknown as Tree;
}

/** Raw scores [N, nOutputs] of a tree ensemble reading the double matrix `x`. */
export function treeEnsembleRaw(g: GraphBuilder, model: TreeEnsembleModel, x: string): string {
  const K = model.nOutputs;
  const trees = [...model.trees];
  // Tree t adds to output t mod K; padding keeps that true and gives every output a tree.
  while (trees.length === 0 || trees.length % K !== 0) trees.push(zeroTree());
  const a: RegressorAttributes = {
    treeIds: [], nodeIds: [], featureIds: [], modes: [], values: [], trueIds: [], falseIds: [], missingTrue: [],
    targetTreeIds: [], targetNodeIds: [], targetIds: [], targetWeights: [],
  };
  const leafOffset: number[] = [];
  const leafValues: number[] = [];
  trees.forEach((tree, t) => {
    addTree(a, tree, t);
    leafOffset.push(leafValues.length);
    // Scaled exactly as the learners' flattened ensemble scales them.
    for (const v of tree.leafValue) leafValues.push(v * model.treeScale);
  });
  const T = trees.length;
  const doubles = (values: number[]) => ({ name: '', dataType: DataType.DOUBLE, dims: [values.length], values });
  const leafIndex = g.op1('TreeEnsembleRegressor', [x], 'leaf_index_float', [
    { name: 'n_targets', int: T },
    { name: 'aggregate_function', string: 'SUM' },
    { name: 'post_transform', string: 'NONE' },
    { name: 'nodes_treeids', ints: a.treeIds },
    { name: 'nodes_nodeids', ints: a.nodeIds },
    { name: 'nodes_featureids', ints: a.featureIds },
    { name: 'nodes_modes', strings: a.modes },
    { name: 'nodes_values_as_tensor', tensor: doubles(a.values) },
    { name: 'nodes_truenodeids', ints: a.trueIds },
    { name: 'nodes_falsenodeids', ints: a.falseIds },
    { name: 'nodes_missing_value_tracks_true', ints: a.missingTrue },
    { name: 'target_treeids', ints: a.targetTreeIds },
    { name: 'target_nodeids', ints: a.targetNodeIds },
    { name: 'target_ids', ints: a.targetIds },
    { name: 'target_weights_as_tensor', tensor: doubles(a.targetWeights) },
  ], ML_DOMAIN);
  const local = g.cast(leafIndex, DataType.INT64, 'leaf_index');
  const global = g.add(local, g.int64('leaf_offset', leafOffset), 'leaf_position');
  const values = g.op1('Gather', [g.double('leaf_values', leafValues), global], 'leaf_value', [{ name: 'axis', int: 0 }]);
  // [N, T] → [N, T / K, K] (tree t = round · K + output) → sum over rounds → [N, K].
  const byOutput = g.reshape(values, [-1, T / K, K], 'leaf_value_by_output');
  const sum = g.reduceSum(byOutput, 1, 'tree_sum', false);
  return g.add(sum, g.double('init_score', model.initScores), 'raw_score');
}
