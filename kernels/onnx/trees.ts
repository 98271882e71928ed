// Tree ensembles (GBDT, random forests, extra trees) as ONNX. One ai.onnx.ml
// TreeEnsembleRegressor (opset 3) routes every row: thresholds are double tensors
// (nodes_values_as_tensor) compared against the double input, so routing is exactly the
// learners' `value <= threshold` (BRANCH_LEQ, left = true branch); a missing value follows the
// node's learned default (nodes_missing_value_tracks_true); a categorical node ("codes in this set
// go left") becomes a chain of BRANCH_EQ nodes sharing one left subtree. The operator sums leaf
// weights in double but outputs float32, too coarse for a raw score, so for boosted trees every
// output is split in two targets: each leaf value v = a + b, with a on a grid of 2^-s coarse enough that the sum of
// the a's over all trees is exact in float32 (|Σa| < 2^24 · 2^-s), and b = v − a below half a grid
// step, whose float32 rounding is 2^-24 of a number already below T · 2^-(s+1). The two targets,
// cast to double and added, give the raw score [N, nOutputs] of predictRaw to ~1e-12 relative,
// with one TreeEnsemble and no per-tree outputs (~20% faster on a 10,000-row batch than a target
// per tree with a gather of its leaf values, which forests keep: see treeEnsembleRaw).
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

/** Appends one tree's nodes (ONNX tree id `t`); its leaf l gets node id `leafBase + l`, returned. */
function addTree(a: RegressorAttributes, tree: Tree, t: number): number {
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
  for (let l = 0; l < tree.nLeaves; l++) node(leafBase + l, 0, 'LEAF', 0, 0, 0, false);
  return leafBase;
}

function target(a: RegressorAttributes, t: number, nodeId: number, targetId: number, weight: number): void {
  a.targetTreeIds.push(t);
  a.targetNodeIds.push(nodeId);
  a.targetIds.push(targetId);
  a.targetWeights.push(weight);
}

/**
 * The finest grid 2^-s on which the coarse parts of one output's leaves still sum exactly in
 * float32: |Σ a| ≤ Σ over its trees of the largest |leaf| (+ half a step each) must stay below 2^24 · 2^-s.
 */
function gridScale(bound: number, trees: number): number {
  for (let s = 60; s > -60; s--) if ((bound + trees * 2 ** -(s + 1)) * 2 ** s < 2 ** 23) return s;
  throw new Error(`tree leaf values too large to export (sum of the largest leaves ${bound})`);
}

/** A tree with one leaf (value 0): pads the tree list so every output has as many trees. */
const ZERO_TREE = { nInternal: 0, nLeaves: 1, categoryLeft: [], leftChild: [], rightChild: [], splitFeature: [], threshold: [], defaultLeft: [], leafValue: [0] } as unknown as Tree;

/** Raw scores [N, nOutputs] of a tree ensemble reading the double matrix `x`. */
export function treeEnsembleRaw(g: GraphBuilder, model: TreeEnsembleModel, x: string): string {
  const K = model.nOutputs;
  const trees = [...model.trees];
  // Tree t adds to output t mod K; padding keeps that true and gives every output a tree.
  while (trees.length === 0 || trees.length % K !== 0) trees.push(ZERO_TREE);
  const T = trees.length;
  // Leaf values scaled exactly as the learners' flattened ensemble scales them.
  const values = trees.map((tree) => Array.from(tree.leafValue, (v) => v * model.treeScale));
  const a: RegressorAttributes = {
    treeIds: [], nodeIds: [], featureIds: [], modes: [], values: [], trueIds: [], falseIds: [], missingTrue: [],
    targetTreeIds: [], targetNodeIds: [], targetIds: [], targetWeights: [],
  };
  const leafBases = trees.map((tree, t) => addTree(a, tree, t));
  // Boosted trees: two targets per output (coarse parts and rests, see the top). Averaged trees
  // (forests) keep a target per tree whose weight is the leaf's index, then gather and sum the
  // double leaf values in tree order as the learner does: their vote shares often tie at exactly
  // 0.5, and only the learner's own order of additions gives the learner's side of the tie.
  const split = model.family === 'gbdt';
  const scales = new Array<number>(K).fill(0);
  if (split) {
    const bound = new Array<number>(K).fill(0);
    values.forEach((v, t) => { bound[t % K] += v.reduce((m, x) => Math.max(m, Math.abs(x)), 0); });
    for (let k = 0; k < K; k++) scales[k] = gridScale(bound[k], T / K);
  }
  trees.forEach((tree, t) => {
    for (let l = 0; l < tree.nLeaves; l++) {
      if (!split) {
        target(a, t, leafBases[t] + l, t, l);
        continue;
      }
      const k = t % K;
      const v = values[t][l];
      const coarse = Math.round(v * 2 ** scales[k]) / 2 ** scales[k];
      target(a, t, leafBases[t] + l, k, coarse);
      target(a, t, leafBases[t] + l, K + k, v - coarse);
    }
  });
  const doubles = (values: number[]) => ({ name: '', dataType: DataType.DOUBLE, dims: [values.length], values });
  const out = g.op1('TreeEnsembleRegressor', [x], split ? 'tree_parts_float' : 'leaf_index_float', [
    { name: 'n_targets', int: split ? 2 * K : T },
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
  const init = g.double('init_score', model.initScores);
  if (split) {
    // [N, 2K] float → double → [N, 2, K] (coarse parts, rests) → their sum [N, K].
    const both = g.reshape(g.cast(out, DataType.DOUBLE, 'tree_parts'), [-1, 2, K], 'tree_parts_by_kind');
    return g.add(g.reduceSum(both, 1, 'tree_sum', false), init, 'raw_score');
  }
  const leafOffset: number[] = [];
  const leafValues: number[] = [];
  values.forEach((v) => {
    leafOffset.push(leafValues.length);
    leafValues.push(...v);
  });
  const global = g.add(g.cast(out, DataType.INT64, 'leaf_index'), g.int64('leaf_offset', leafOffset), 'leaf_position');
  const gathered = g.op1('Gather', [g.double('leaf_values', leafValues), global], 'leaf_value', [{ name: 'axis', int: 0 }]);
  // [N, T] → [N, T / K, K] (tree t = round · K + output) → sum over rounds → [N, K].
  const byOutput = g.reshape(gathered, [-1, T / K, K], 'leaf_value_by_output');
  return g.add(g.reduceSum(byOutput, 1, 'tree_sum', false), init, 'raw_score');
}
