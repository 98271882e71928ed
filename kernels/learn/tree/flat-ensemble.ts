// Trees flattened into typed arrays for fast batch prediction. Shallow trees (depth ≤ 10, no
// categorical splits) are stored as perfect binary trees in heap order, padded with nodes that
// always go left, so a row walks exactly `depth` steps of `node = 2 node + 1 + goRight` with no
// child pointers and no data-dependent branch. Other trees keep child pointers. Rows are copied
// in blocks into a row-major Float64Array and each tree runs over the whole block, so its nodes
// stay in cache.
import type { Matrix } from '../matrix';
import type { Tree } from './tree';

/** Deeper trees would waste too much padding in the perfect layout. */
const MAX_PERFECT_DEPTH = 10;
const BLOCK_ROWS = 512;

export interface FlatEnsemble {
  nOutputs: number;
  /** Per tree: which output it adds to. */
  outputOf: Int32Array;
  /** Per tree: depth of its perfect layout, or -1 for the pointer layout. */
  perfectDepth: Int32Array;
  /** Per tree: first node and first leaf in the arrays below. */
  nodeOffset: Int32Array;
  leafOffset: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  /** 1 when missing values go right (perfect layout) / left (pointer layout: see defaultLeft). */
  defaultRight: Uint8Array;
  /** Pointer layout: children as node offsets relative to the tree (≥ 0) or ~leaf (< 0). */
  left: Int32Array;
  right: Int32Array;
  /** Pointer layout: per node an index into `categorySets`, or -1 for numerical nodes. */
  categorySet: Int32Array;
  categorySets: Set<number>[];
  leafValue: Float64Array;
}

export function flattenTrees(trees: Tree[], nOutputs: number, scale = 1): FlatEnsemble {
  const T = trees.length;
  const perfectDepth = new Int32Array(T);
  const nodeOffset = new Int32Array(T);
  const leafOffset = new Int32Array(T);
  let nNodes = 0;
  let nLeaves = 0;
  trees.forEach((t, i) => {
    const depth = t.maxDepth();
    const perfect = depth <= MAX_PERFECT_DEPTH && t.categoryLeft.every((c) => c === null);
    perfectDepth[i] = perfect ? depth : -1;
    nodeOffset[i] = nNodes;
    leafOffset[i] = nLeaves;
    nNodes += perfect ? (1 << depth) - 1 : t.nInternal;
    nLeaves += perfect ? 1 << depth : t.nLeaves;
  });
  const flat: FlatEnsemble = {
    nOutputs,
    outputOf: Int32Array.from({ length: T }, (_, i) => i % nOutputs),
    perfectDepth,
    nodeOffset,
    leafOffset,
    feature: new Int32Array(nNodes),
    threshold: new Float64Array(nNodes).fill(Infinity),
    defaultRight: new Uint8Array(nNodes),
    left: new Int32Array(nNodes),
    right: new Int32Array(nNodes),
    categorySet: new Int32Array(nNodes).fill(-1),
    categorySets: [],
    leafValue: new Float64Array(nLeaves),
  };
  trees.forEach((t, i) => {
    if (perfectDepth[i] >= 0) placePerfect(flat, t, perfectDepth[i], nodeOffset[i], leafOffset[i], scale);
    else placePointers(flat, t, nodeOffset[i], leafOffset[i], scale);
  });
  return flat;
}

function placePerfect(flat: FlatEnsemble, t: Tree, depth: number, nodeBase: number, leafBase: number, scale: number): void {
  const firstLeaf = (1 << depth) - 1;
  const place = (child: number, pos: number, d: number): void => {
    if (child < 0) {
      // A real leaf above the bottom: padding nodes below it (threshold +∞, missing left) always
      // go left; every bottom slot under it gets its value, whichever path is taken.
      const span = 1 << (depth - d);
      let first = pos;
      for (let k = d; k < depth; k++) first = 2 * first + 1;
      for (let s = 0; s < span; s++) flat.leafValue[leafBase + first - firstLeaf + s] = t.leafValue[~child] * scale;
      return;
    }
    flat.feature[nodeBase + pos] = t.splitFeature[child];
    flat.threshold[nodeBase + pos] = t.threshold[child];
    flat.defaultRight[nodeBase + pos] = t.defaultLeft[child] ? 0 : 1;
    place(t.leftChild[child], 2 * pos + 1, d + 1);
    place(t.rightChild[child], 2 * pos + 2, d + 1);
  };
  place(t.nInternal === 0 ? ~0 : 0, 0, 0);
}

function placePointers(flat: FlatEnsemble, t: Tree, nodeBase: number, leafBase: number, scale: number): void {
  for (let n = 0; n < t.nInternal; n++) {
    const k = nodeBase + n;
    flat.feature[k] = t.splitFeature[n];
    flat.threshold[k] = t.threshold[n];
    flat.defaultRight[k] = t.defaultLeft[n] ? 0 : 1;
    flat.left[k] = t.leftChild[n];
    flat.right[k] = t.rightChild[n];
    const cats = t.categoryLeft[n];
    if (cats) {
      flat.categorySet[k] = flat.categorySets.length;
      flat.categorySets.push(new Set(cats));
    }
  }
  for (let l = 0; l < t.nLeaves; l++) flat.leafValue[leafBase + l] = t.leafValue[l] * scale;
}

/**
 * Adds the ensemble's raw outputs to `out` (row-major nRows × nOutputs).
 */
export function predictFlat(flat: FlatEnsemble, X: Matrix, out: Float64Array): Float64Array {
  const nF = Math.max(1, X.columns.length);
  const nOut = flat.nOutputs;
  const block = new Float64Array(BLOCK_ROWS * nF);
  const node = new Int32Array(BLOCK_ROWS);
  const { outputOf, perfectDepth, nodeOffset, leafOffset, feature, threshold, defaultRight, leafValue } = flat;
  for (let start = 0; start < X.nRows; start += BLOCK_ROWS) {
    const m = Math.min(BLOCK_ROWS, X.nRows - start);
    let hasMissing = false;
    for (let f = 0; f < X.columns.length; f++) hasMissing = copyColumn(X.columns[f], start, m, block, f, nF) || hasMissing;
    for (let t = 0; t < outputOf.length; t++) {
      const depth = perfectDepth[t];
      const o = start * nOut + outputOf[t];
      if (depth < 0) {
        walkPointers(flat, t, block, nF, m, out, o, nOut);
        continue;
      }
      const nodes = nodeOffset[t];
      const leaves = leafOffset[t] - ((1 << depth) - 1);
      node.fill(0, 0, m);
      if (hasMissing) walkPerfectWithMissing(feature, threshold, defaultRight, nodes, depth, block, nF, m, node);
      else walkPerfect(feature, threshold, nodes, depth, block, nF, m, node);
      for (let i = 0; i < m; i++) out[o + i * nOut] += leafValue[leaves + node[i]];
    }
  }
  return out;
}

/**
 * Level by level over the block: every row's step is independent of the previous row's, and
 * branch-free; measured ~1.7x faster than walking one row down the whole tree at a time.
 * Blocks without missing values (the common case) skip the default-direction test.
 */
function walkPerfect(feature: Int32Array, threshold: Float64Array, nodes: number, depth: number, block: Float64Array, nF: number, m: number, node: Int32Array): void {
  for (let d = 0; d < depth; d++) {
    for (let i = 0; i < m; i++) {
      const c = node[i];
      const k = nodes + c;
      node[i] = 2 * c + 1 + +(block[i * nF + feature[k]] > threshold[k]);
    }
  }
}

function walkPerfectWithMissing(
  feature: Int32Array,
  threshold: Float64Array,
  defaultRight: Uint8Array,
  nodes: number,
  depth: number,
  block: Float64Array,
  nF: number,
  m: number,
  node: Int32Array,
): void {
  for (let d = 0; d < depth; d++) {
    for (let i = 0; i < m; i++) {
      const c = node[i];
      const k = nodes + c;
      const v = block[i * nF + feature[k]];
      node[i] = 2 * c + 1 + (+(v > threshold[k]) | (defaultRight[k] & +(v !== v)));
    }
  }
}

function walkPointers(flat: FlatEnsemble, t: number, block: Float64Array, nF: number, m: number, out: Float64Array, o: number, nOut: number): void {
  const { feature, threshold, defaultRight, left, right, categorySet, categorySets, leafValue } = flat;
  const nodes = flat.nodeOffset[t];
  const leaves = flat.leafOffset[t];
  // Pointer-layout trees always have a root split: single leaves take the perfect layout.
  for (let i = 0; i < m; i++) {
    let node = 0;
    const base = i * nF;
    while (node >= 0) {
      const k = nodes + node;
      const v = block[base + feature[k]];
      let goLeft: boolean;
      if (v !== v) goLeft = defaultRight[k] === 0;
      else if (categorySet[k] >= 0) goLeft = categorySets[categorySet[k]].has(v);
      else goLeft = v <= threshold[k];
      node = goLeft ? left[k] : right[k];
    }
    out[o + i * nOut] += leafValue[leaves + ~node];
  }
}

/** Copies rows start..start+m of a column into the block; returns whether any value was missing. */
function copyColumn(col: ArrayLike<number>, start: number, m: number, block: Float64Array, f: number, stride: number): boolean {
  let missing = false;
  for (let i = 0; i < m; i++) {
    const v = col[start + i];
    block[i * stride + f] = v;
    if (v !== v) missing = true;
  }
  return missing;
}
