// Trees flattened into typed arrays for fast batch prediction. Shallow trees (depth ≤ 10, no
// categorical splits) are stored as perfect binary trees in heap order, padded with nodes that
// always go left, so a row walks exactly `depth` steps of `node = 2 node + 1 + goRight` with no
// child pointers and no data-dependent branch. Other trees keep child pointers.
//
// Rows go through in blocks. When every feature that numerical trees split on has at most
// MAX_CUTS distinct thresholds (models trained with ≤ 255 bins), the block is quantized once into
// byte bins (threshold-bins.ts) and trees compare bytes against thresholds stored as bins, one
// packed word per node; perfect trees walk eight rows in lockstep for instruction-level
// parallelism, deep ones one row at a time. Otherwise, and for trees with categorical splits,
// rows are copied into a row-major Float64Array block and compared as doubles. Either way each tree runs over the whole block, so
// its nodes stay in cache, and each row's output adds the trees in order, so sums are the same.
import type { Matrix } from '../matrix';
import { binRows, binScratch, buildThresholdBins, MISSING_BIN, thresholdBin, type ThresholdBins } from './threshold-bins';
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
  /** Quantized form of the perfect-layout trees, or null when they must compare doubles. */
  binned: BinnedNodes | null;
  /** Whether any tree has the pointer layout (then blocks are also copied as doubles). */
  hasPointerTrees: boolean;
}

/**
 * Perfect-layout nodes over binned input, one word per node: binned feature |
 * missing-goes-left << 23 | threshold bin << 24. Padding nodes have threshold bin MISSING_BIN,
 * so every value including missing goes left.
 */
export interface BinnedNodes {
  bins: ThresholdBins;
  /**
   * Per tree, a view of its words in heap order from 1 (the children of c are 2c and 2c + 1,
   * index 0 unused), so a walk indexes the view by c with no offset; empty for pointer trees.
   */
  treeWords: Int32Array[];
  /**
   * The same for blocks with missing values. Where missing goes left the walk shifts bins up by
   * one mod 256 (MISSING_BIN becomes 0, below everything) and the threshold bin is stored plus
   * one, so one comparison routes real and missing values alike.
   */
  treeWordsMissing: Int32Array[];
  /**
   * Per tree: 1 for a pointer-layout tree without categorical splits, walked over bins too; its
   * views above are indexed by node (from 0), its children are in `children`.
   */
  pointerTree: Uint8Array;
  /** Per node of the arrays above: left child at 2k, right child at 2k + 1 (as in `left`/`right`). */
  children: Int32Array;
  /** Whether some tree still needs the double block (categorical pointer trees). */
  needsDoubles: boolean;
}

const FEATURE_MASK = (1 << 23) - 1;
const LOCKSTEP_ROWS = 8;

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
    binned: null,
    hasPointerTrees: perfectDepth.some((d) => d < 0),
  };
  trees.forEach((t, i) => {
    if (perfectDepth[i] >= 0) placePerfect(flat, t, perfectDepth[i], nodeOffset[i], leafOffset[i], scale);
    else placePointers(flat, t, nodeOffset[i], leafOffset[i], scale);
  });
  flat.binned = binNodes(flat, trees);
  return flat;
}

/**
 * Thresholds of the numerical trees' nodes (perfect layout, and pointer layout without
 * categorical splits) as bins, or null when some feature has too many.
 */
function binNodes(flat: FlatEnsemble, trees: Tree[]): BinnedNodes | null {
  const { perfectDepth, nodeOffset, feature, threshold, defaultRight, categorySet, left, right } = flat;
  const T = trees.length;
  const nodeEnd = (t: number) => (t + 1 < T ? nodeOffset[t + 1] : feature.length);
  const pointerTree = new Uint8Array(T);
  let needsDoubles = false;
  for (let t = 0; t < T; t++) {
    if (perfectDepth[t] >= 0) continue;
    const numerical = categorySet.subarray(nodeOffset[t], nodeEnd(t)).every((c) => c < 0);
    pointerTree[t] = numerical ? 1 : 0;
    needsDoubles ||= !numerical;
  }
  const isBinned = new Uint8Array(feature.length);
  const byColumn = new Map<number, number[]>();
  trees.forEach((_, t) => {
    if (perfectDepth[t] < 0 && !pointerTree[t]) return;
    const end = nodeEnd(t);
    for (let k = nodeOffset[t]; k < end; k++) {
      isBinned[k] = 1;
      // Padding, or a split only missing values could pass but they go left: always left.
      if (threshold[k] === Infinity && defaultRight[k] === 0) continue;
      let list = byColumn.get(feature[k]);
      if (!list) byColumn.set(feature[k], (list = []));
      list.push(threshold[k]);
    }
  });
  const columns = [...byColumn.keys()].sort((a, b) => a - b);
  if (columns.length > FEATURE_MASK) return null;
  const bins = buildThresholdBins(columns, columns.map((c) => byColumn.get(c)!));
  if (!bins) return null;
  const binnedOf = new Map(columns.map((c, b) => [c, b]));
  // Node k goes to word k + 1: tree t's view then starts one word before its root.
  const words = new Int32Array(feature.length + 1);
  const wordsMissing = new Int32Array(feature.length + 1);
  for (let k = 0; k < feature.length; k++) {
    if (!isBinned[k]) continue;
    const b = threshold[k] === Infinity && defaultRight[k] === 0 ? undefined : binnedOf.get(feature[k]);
    if (b === undefined) {
      // Always left: threshold bin MISSING_BIN, which no bin (shifted or not) is above.
      words[k + 1] = wordsMissing[k + 1] = MISSING_BIN << 24;
      continue;
    }
    // A real threshold bin is at most MAX_CUTS (< MISSING_BIN), so the shifted one fits a byte.
    const thr = thresholdBin(bins, b, threshold[k]);
    const missingLeft = defaultRight[k] ^ 1;
    words[k + 1] = b | (missingLeft << 23) | (thr << 24);
    wordsMissing[k + 1] = b | (missingLeft << 23) | ((thr + missingLeft) << 24);
  }
  const views = (all: Int32Array) =>
    trees.map((_, t) => {
      if (perfectDepth[t] >= 0) return all.subarray(nodeOffset[t], nodeOffset[t] + (1 << perfectDepth[t]));
      return pointerTree[t] ? all.subarray(nodeOffset[t] + 1, nodeEnd(t) + 1) : new Int32Array(0);
    });
  const children = new Int32Array(2 * feature.length);
  for (let k = 0; k < feature.length; k++) {
    children[2 * k] = left[k];
    children[2 * k + 1] = right[k];
  }
  return { bins, treeWords: views(words), treeWordsMissing: views(wordsMissing), pointerTree, children, needsDoubles };
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
  const { binned, outputOf, perfectDepth, nodeOffset, leafOffset, feature, threshold, defaultRight, leafValue } = flat;
  const useDoubles = binned === null ? true : binned.needsDoubles;
  // Buffers sized for the rows there are: a one-row request (the scorer's hot path) must not
  // allocate and collect a full block's worth each call.
  const blockRows = Math.min(BLOCK_ROWS, Math.max(1, X.nRows));
  const block = new Float64Array(useDoubles ? blockRows * nF : 0);
  const node = new Int32Array(blockRows);
  const stride = binned ? Math.max(1, binned.bins.column.length) : 0;
  const binBlock = new Uint8Array(binned ? blockRows * stride : 0);
  const scratch = binScratch(binned ? blockRows : 0);
  const allPerfectSingleOutput = nOut === 1 && perfectDepth.every((d) => d >= 0);
  for (let start = 0; start < X.nRows; start += BLOCK_ROWS) {
    const m = Math.min(BLOCK_ROWS, X.nRows - start);
    let hasMissing = false;
    if (useDoubles) for (let f = 0; f < X.columns.length; f++) hasMissing = copyColumn(X.columns[f], start, m, block, f, nF) || hasMissing;
    const binsMissing = binned !== null && binRows(binned.bins, X.columns, start, m, binBlock, stride, scratch);
    if (binned && allPerfectSingleOutput && !binsMissing) {
      walkAllBinned(binned.treeWords, perfectDepth, leafOffset, binBlock, stride, m, leafValue, out, start);
      continue;
    }
    for (let t = 0; t < outputOf.length; t++) {
      const depth = perfectDepth[t];
      const o = start * nOut + outputOf[t];
      if (depth < 0) {
        if (binned?.pointerTree[t]) {
          walkPointersBinned(binned.treeWordsMissing[t], binned.children, 2 * nodeOffset[t], binBlock, stride, m, leafValue, leafOffset[t], out, o, nOut);
        } else {
          walkPointers(flat, t, block, nF, m, out, o, nOut);
        }
        continue;
      }
      if (binned) {
        // Heap order from 1: the walk ends at c = 2^depth + leaf.
        const leaves = leafOffset[t] - (1 << depth);
        if (binsMissing) walkBinnedWithMissing(binned.treeWordsMissing[t], depth, binBlock, stride, m, leafValue, leaves, out, o, nOut);
        else walkBinned(binned.treeWords[t], depth, binBlock, stride, m, leafValue, leaves, out, o, nOut);
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
 * One perfect tree over a binned block, LOCKSTEP_ROWS rows at a time: each row's step is
 * `c = 2c + (bin > thresholdBin)`, computed as the sign bit of thresholdBin − bin (no branch,
 * no boolean); the eight independent chains keep the core busy while loads are in flight
 * (walking only, measured 1.8x faster than one row at a time and 1.1x faster than four).
 */
function walkBinned(
  words: Int32Array,
  depth: number,
  bins: Uint8Array,
  stride: number,
  m: number,
  leafValue: Float64Array,
  leaves: number,
  out: Float64Array,
  o: number,
  nOut: number,
): void {
  // Every row starts at the root: its word is read once per block, not once per row.
  const root = depth > 0 ? words[1] : 0;
  const rootFeature = root & FEATURE_MASK;
  const rootBin = root >>> 24;
  const first = depth > 0 ? 1 : 0;
  let i = 0;
  for (; i + LOCKSTEP_ROWS <= m; i += LOCKSTEP_ROWS) {
    const r0 = i * stride;
    const r1 = r0 + stride;
    const r2 = r1 + stride;
    const r3 = r2 + stride;
    const r4 = r3 + stride;
    const r5 = r4 + stride;
    const r6 = r5 + stride;
    const r7 = r6 + stride;
    let c0 = 1, c1 = 1, c2 = 1, c3 = 1, c4 = 1, c5 = 1, c6 = 1, c7 = 1;
    if (first) {
      c0 = 2 + ((rootBin - bins[r0 + rootFeature]) >>> 31);
      c1 = 2 + ((rootBin - bins[r1 + rootFeature]) >>> 31);
      c2 = 2 + ((rootBin - bins[r2 + rootFeature]) >>> 31);
      c3 = 2 + ((rootBin - bins[r3 + rootFeature]) >>> 31);
      c4 = 2 + ((rootBin - bins[r4 + rootFeature]) >>> 31);
      c5 = 2 + ((rootBin - bins[r5 + rootFeature]) >>> 31);
      c6 = 2 + ((rootBin - bins[r6 + rootFeature]) >>> 31);
      c7 = 2 + ((rootBin - bins[r7 + rootFeature]) >>> 31);
    }
    for (let d = first; d < depth; d++) {
      const w0 = words[c0], w1 = words[c1], w2 = words[c2], w3 = words[c3];
      const w4 = words[c4], w5 = words[c5], w6 = words[c6], w7 = words[c7];
      c0 = 2 * c0 + (((w0 >>> 24) - bins[r0 + (w0 & FEATURE_MASK)]) >>> 31);
      c1 = 2 * c1 + (((w1 >>> 24) - bins[r1 + (w1 & FEATURE_MASK)]) >>> 31);
      c2 = 2 * c2 + (((w2 >>> 24) - bins[r2 + (w2 & FEATURE_MASK)]) >>> 31);
      c3 = 2 * c3 + (((w3 >>> 24) - bins[r3 + (w3 & FEATURE_MASK)]) >>> 31);
      c4 = 2 * c4 + (((w4 >>> 24) - bins[r4 + (w4 & FEATURE_MASK)]) >>> 31);
      c5 = 2 * c5 + (((w5 >>> 24) - bins[r5 + (w5 & FEATURE_MASK)]) >>> 31);
      c6 = 2 * c6 + (((w6 >>> 24) - bins[r6 + (w6 & FEATURE_MASK)]) >>> 31);
      c7 = 2 * c7 + (((w7 >>> 24) - bins[r7 + (w7 & FEATURE_MASK)]) >>> 31);
    }
    const k = o + i * nOut;
    out[k] += leafValue[leaves + c0];
    out[k + nOut] += leafValue[leaves + c1];
    out[k + 2 * nOut] += leafValue[leaves + c2];
    out[k + 3 * nOut] += leafValue[leaves + c3];
    out[k + 4 * nOut] += leafValue[leaves + c4];
    out[k + 5 * nOut] += leafValue[leaves + c5];
    out[k + 6 * nOut] += leafValue[leaves + c6];
    out[k + 7 * nOut] += leafValue[leaves + c7];
  }
  for (; i < m; i++) {
    const r = i * stride;
    let c = 1;
    for (let d = 0; d < depth; d++) {
      const w = words[c];
      c = 2 * c + (((w >>> 24) - bins[r + (w & FEATURE_MASK)]) >>> 31);
    }
    out[o + i * nOut] += leafValue[leaves + c];
  }
}

/**
 * The common case (one output, every tree perfect, no missing value in the block) with the loops
 * swapped: for each group of eight rows, all trees in order, the eight sums kept in registers and
 * written once (~5 % faster than a pass per tree); each row still adds the trees in order.
 */
function walkAllBinned(
  treeWords: Int32Array[],
  perfectDepth: Int32Array,
  leafOffset: Int32Array,
  bins: Uint8Array,
  stride: number,
  m: number,
  leafValue: Float64Array,
  out: Float64Array,
  start: number,
): void {
  const T = treeWords.length;
  let i = 0;
  for (; i + LOCKSTEP_ROWS <= m; i += LOCKSTEP_ROWS) {
    const r0 = i * stride;
    const r1 = r0 + stride;
    const r2 = r1 + stride;
    const r3 = r2 + stride;
    const r4 = r3 + stride;
    const r5 = r4 + stride;
    const r6 = r5 + stride;
    const r7 = r6 + stride;
    const o = start + i;
    let s0 = out[o], s1 = out[o + 1], s2 = out[o + 2], s3 = out[o + 3], s4 = out[o + 4], s5 = out[o + 5], s6 = out[o + 6], s7 = out[o + 7];
    for (let t = 0; t < T; t++) {
      const words = treeWords[t];
      const depth = perfectDepth[t];
      const leaves = leafOffset[t] - (1 << depth);
      let c0 = 1, c1 = 1, c2 = 1, c3 = 1, c4 = 1, c5 = 1, c6 = 1, c7 = 1;
      for (let d = 0; d < depth; d++) {
        const w0 = words[c0], w1 = words[c1], w2 = words[c2], w3 = words[c3];
        const w4 = words[c4], w5 = words[c5], w6 = words[c6], w7 = words[c7];
        c0 = 2 * c0 + (((w0 >>> 24) - bins[r0 + (w0 & FEATURE_MASK)]) >>> 31);
        c1 = 2 * c1 + (((w1 >>> 24) - bins[r1 + (w1 & FEATURE_MASK)]) >>> 31);
        c2 = 2 * c2 + (((w2 >>> 24) - bins[r2 + (w2 & FEATURE_MASK)]) >>> 31);
        c3 = 2 * c3 + (((w3 >>> 24) - bins[r3 + (w3 & FEATURE_MASK)]) >>> 31);
        c4 = 2 * c4 + (((w4 >>> 24) - bins[r4 + (w4 & FEATURE_MASK)]) >>> 31);
        c5 = 2 * c5 + (((w5 >>> 24) - bins[r5 + (w5 & FEATURE_MASK)]) >>> 31);
        c6 = 2 * c6 + (((w6 >>> 24) - bins[r6 + (w6 & FEATURE_MASK)]) >>> 31);
        c7 = 2 * c7 + (((w7 >>> 24) - bins[r7 + (w7 & FEATURE_MASK)]) >>> 31);
      }
      s0 += leafValue[leaves + c0];
      s1 += leafValue[leaves + c1];
      s2 += leafValue[leaves + c2];
      s3 += leafValue[leaves + c3];
      s4 += leafValue[leaves + c4];
      s5 += leafValue[leaves + c5];
      s6 += leafValue[leaves + c6];
      s7 += leafValue[leaves + c7];
    }
    out[o] = s0;
    out[o + 1] = s1;
    out[o + 2] = s2;
    out[o + 3] = s3;
    out[o + 4] = s4;
    out[o + 5] = s5;
    out[o + 6] = s6;
    out[o + 7] = s7;
  }
  for (; i < m; i++) {
    const r = i * stride;
    let sum = out[start + i];
    for (let t = 0; t < T; t++) {
      const words = treeWords[t];
      const depth = perfectDepth[t];
      let c = 1;
      for (let d = 0; d < depth; d++) {
        const w = words[c];
        c = 2 * c + (((w >>> 24) - bins[r + (w & FEATURE_MASK)]) >>> 31);
      }
      sum += leafValue[leafOffset[t] - (1 << depth) + c];
    }
    out[start + i] = sum;
  }
}

/**
 * As walkBinned for blocks with missing values, over `treeWordsMissing`: a missing value has bin
 * MISSING_BIN, above every real threshold bin, so it goes right; where the node's
 * missing-goes-left bit is set, bin + 1 mod 256 makes it 0 and it goes left.
 */
function walkBinnedWithMissing(
  words: Int32Array,
  depth: number,
  bins: Uint8Array,
  stride: number,
  m: number,
  leafValue: Float64Array,
  leaves: number,
  out: Float64Array,
  o: number,
  nOut: number,
): void {
  let i = 0;
  for (; i + LOCKSTEP_ROWS <= m; i += LOCKSTEP_ROWS) {
    const r0 = i * stride;
    const r1 = r0 + stride;
    const r2 = r1 + stride;
    const r3 = r2 + stride;
    const r4 = r3 + stride;
    const r5 = r4 + stride;
    const r6 = r5 + stride;
    const r7 = r6 + stride;
    let c0 = 1, c1 = 1, c2 = 1, c3 = 1, c4 = 1, c5 = 1, c6 = 1, c7 = 1;
    for (let d = 0; d < depth; d++) {
      const w0 = words[c0], w1 = words[c1], w2 = words[c2], w3 = words[c3], w4 = words[c4], w5 = words[c5], w6 = words[c6], w7 = words[c7];
      const b0 = bins[r0 + (w0 & FEATURE_MASK)], b1 = bins[r1 + (w1 & FEATURE_MASK)], b2 = bins[r2 + (w2 & FEATURE_MASK)], b3 = bins[r3 + (w3 & FEATURE_MASK)], b4 = bins[r4 + (w4 & FEATURE_MASK)], b5 = bins[r5 + (w5 & FEATURE_MASK)], b6 = bins[r6 + (w6 & FEATURE_MASK)], b7 = bins[r7 + (w7 & FEATURE_MASK)];
      c0 = 2 * c0 + goesRight(w0, b0);
      c1 = 2 * c1 + goesRight(w1, b1);
      c2 = 2 * c2 + goesRight(w2, b2);
      c3 = 2 * c3 + goesRight(w3, b3);
      c4 = 2 * c4 + goesRight(w4, b4);
      c5 = 2 * c5 + goesRight(w5, b5);
      c6 = 2 * c6 + goesRight(w6, b6);
      c7 = 2 * c7 + goesRight(w7, b7);
    }
    const k = o + i * nOut;
    out[k] += leafValue[leaves + c0];
    out[k + nOut] += leafValue[leaves + c1];
    out[k + 2 * nOut] += leafValue[leaves + c2];
    out[k + 3 * nOut] += leafValue[leaves + c3];
    out[k + 4 * nOut] += leafValue[leaves + c4];
    out[k + 5 * nOut] += leafValue[leaves + c5];
    out[k + 6 * nOut] += leafValue[leaves + c6];
    out[k + 7 * nOut] += leafValue[leaves + c7];
  }
  for (; i < m; i++) {
    const r = i * stride;
    let c = 1;
    for (let d = 0; d < depth; d++) {
      const w = words[c];
      c = 2 * c + goesRight(w, bins[r + (w & FEATURE_MASK)]);
    }
    out[o + i * nOut] += leafValue[leaves + c];
  }
}

/** 1 when a row with this bin goes right at the node of `treeWordsMissing` word w. */
function goesRight(w: number, bin: number): number {
  return ((w >>> 24) - ((bin + ((w >>> 23) & 1)) & 255)) >>> 31;
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

/**
 * A pointer-layout tree over a binned block, one row at a time: the missing-value words route
 * every bin (missing or not) with one comparison, and the comparison picks the child by index.
 */
function walkPointersBinned(
  words: Int32Array,
  children: Int32Array,
  childBase: number,
  bins: Uint8Array,
  stride: number,
  m: number,
  leafValue: Float64Array,
  leaves: number,
  out: Float64Array,
  o: number,
  nOut: number,
): void {
  let i = 0;
  // Four rows at a time, each stepping until it reaches a leaf: independent chains in flight.
  for (; i + 4 <= m; i += 4) {
    const r0 = i * stride;
    const r1 = r0 + stride;
    const r2 = r1 + stride;
    const r3 = r2 + stride;
    let n0 = 0, n1 = 0, n2 = 0, n3 = 0;
    // Leaves are negative: loop until all four are.
    while ((n0 & n1 & n2 & n3) >= 0) {
      if (n0 >= 0) {
        const w = words[n0];
        n0 = children[childBase + 2 * n0 + goesRight(w, bins[r0 + (w & FEATURE_MASK)])];
      }
      if (n1 >= 0) {
        const w = words[n1];
        n1 = children[childBase + 2 * n1 + goesRight(w, bins[r1 + (w & FEATURE_MASK)])];
      }
      if (n2 >= 0) {
        const w = words[n2];
        n2 = children[childBase + 2 * n2 + goesRight(w, bins[r2 + (w & FEATURE_MASK)])];
      }
      if (n3 >= 0) {
        const w = words[n3];
        n3 = children[childBase + 2 * n3 + goesRight(w, bins[r3 + (w & FEATURE_MASK)])];
      }
    }
    const k = o + i * nOut;
    out[k] += leafValue[leaves + ~n0];
    out[k + nOut] += leafValue[leaves + ~n1];
    out[k + 2 * nOut] += leafValue[leaves + ~n2];
    out[k + 3 * nOut] += leafValue[leaves + ~n3];
  }
  for (; i < m; i++) {
    const r = i * stride;
    let node = 0;
    while (node >= 0) {
      const w = words[node];
      node = children[childBase + 2 * node + goesRight(w, bins[r + (w & FEATURE_MASK)])];
    }
    out[o + i * nOut] += leafValue[leaves + ~node];
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
