// Trees flattened into typed arrays for fast batch prediction: all internal nodes of all trees in
// one set of arrays (children as absolute indices, leaves as ~absolute leaf index), rows copied in
// blocks into a row-major Float64Array so the walk reads one cache-resident row per tree.
import type { Matrix } from '../matrix';
import type { Tree } from './tree';

export interface FlatEnsemble {
  nOutputs: number;
  /** Per tree: root node, or ~leaf for a single-leaf tree. */
  roots: Int32Array;
  /** Per tree: which output it adds to. */
  outputOf: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  /** 1 when missing values go left. */
  defaultLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** Per node: index into `categorySets`, or -1 for numerical nodes. */
  categorySet: Int32Array;
  categorySets: Set<number>[];
  leafValue: Float64Array;
}

export function flattenTrees(trees: Tree[], nOutputs: number, scale = 1): FlatEnsemble {
  let nNodes = 0;
  let nLeaves = 0;
  for (const t of trees) {
    nNodes += t.nInternal;
    nLeaves += t.nLeaves;
  }
  const flat: FlatEnsemble = {
    nOutputs,
    roots: new Int32Array(trees.length),
    outputOf: new Int32Array(trees.length),
    feature: new Int32Array(nNodes),
    threshold: new Float64Array(nNodes),
    defaultLeft: new Uint8Array(nNodes),
    left: new Int32Array(nNodes),
    right: new Int32Array(nNodes),
    categorySet: new Int32Array(nNodes).fill(-1),
    categorySets: [],
    leafValue: new Float64Array(nLeaves),
  };
  let nodeBase = 0;
  let leafBase = 0;
  trees.forEach((t, i) => {
    flat.outputOf[i] = i % nOutputs;
    flat.roots[i] = t.nInternal === 0 ? ~leafBase : nodeBase;
    const child = (c: number) => (c < 0 ? ~(leafBase + ~c) : nodeBase + c);
    for (let n = 0; n < t.nInternal; n++) {
      const k = nodeBase + n;
      flat.feature[k] = t.splitFeature[n];
      flat.threshold[k] = t.threshold[n];
      flat.defaultLeft[k] = t.defaultLeft[n] ? 1 : 0;
      flat.left[k] = child(t.leftChild[n]);
      flat.right[k] = child(t.rightChild[n]);
      const cats = t.categoryLeft[n];
      if (cats) {
        flat.categorySet[k] = flat.categorySets.length;
        flat.categorySets.push(new Set(cats));
      }
    }
    for (let l = 0; l < t.nLeaves; l++) flat.leafValue[leafBase + l] = t.leafValue[l] * scale;
    nodeBase += t.nInternal;
    leafBase += t.nLeaves;
  });
  return flat;
}

const BLOCK_ROWS = 512;

/**
 * Adds the ensemble's raw outputs to `out` (row-major nRows × nOutputs). Rows are processed in
 * blocks; within a block tree by tree, so a tree's nodes stay in cache across rows.
 */
export function predictFlat(flat: FlatEnsemble, X: Matrix, out: Float64Array): Float64Array {
  const nF = X.columns.length;
  const nOut = flat.nOutputs;
  const block = new Float64Array(BLOCK_ROWS * Math.max(1, nF));
  const { roots, outputOf, feature, threshold, defaultLeft, left, right, categorySet, categorySets, leafValue } = flat;
  const hasCategorical = categorySets.length > 0;
  for (let start = 0; start < X.nRows; start += BLOCK_ROWS) {
    const m = Math.min(BLOCK_ROWS, X.nRows - start);
    for (let f = 0; f < nF; f++) copyColumn(X.columns[f], start, m, block, f, nF);
    for (let t = 0; t < roots.length; t++) {
      const root = roots[t];
      const o = outputOf[t];
      for (let i = 0; i < m; i++) {
        let node = root;
        const base = i * nF;
        while (node >= 0) {
          const v = block[base + feature[node]];
          let goLeft: boolean;
          if (v !== v) goLeft = defaultLeft[node] === 1;
          else if (hasCategorical && categorySet[node] >= 0) goLeft = categorySets[categorySet[node]].has(v);
          else goLeft = v <= threshold[node];
          node = goLeft ? left[node] : right[node];
        }
        out[(start + i) * nOut + o] += leafValue[~node];
      }
    }
  }
  return out;
}

function copyColumn(col: ArrayLike<number>, start: number, m: number, block: Float64Array, f: number, stride: number): void {
  for (let i = 0; i < m; i++) block[i * stride + f] = col[start + i];
}
