// Leaf-wise (best-first) tree growth on a binned dataset, LightGBM's serial tree learner: keep the
// best split of every leaf, split the leaf with the largest gain until maxLeaves, maxDepth or no
// positive gain. Row indices are partitioned in place per leaf; only the smaller child's histogram
// is built from rows, the larger one is the parent's minus the smaller (the subtraction trick).
import type { BinnedDataset } from '../dataset/binned-dataset';
import type { Random } from '../../random/random';
import { addAll, buildHistogramColumnWise, clearHistogram, HIST_LANES, subtractAll, subtractHistogram, UNIFORM_BINS } from './histogram';
import { decodeInto, quantizationBits, quantizeGradients, type Quantization } from './quantize';
import { decideSides, moveRows, nextSlot, packRowMajor, partitionIndexOnly, partitionRowOrdered, type RowOrderedState, type Slot } from './row-ordered';
import type { Objective } from '../objective/objective';
import { ColumnHistograms } from './column-wasm';
import { buildRowOrdered, gradientsOfRows, HELPER_MIN_ROWS, TreeHelperLink, type SharedGradients, type TreeHelperPort } from './tree-helper';
import { emptyCandidate, findBestSplitForFeature, leafOutput, type SplitCandidate, type SplitParams } from './split-finder';
import { Tree } from '../tree/tree';

export interface TreeLearnerParams extends SplitParams {
  maxLeaves: number;
  /** ≤ 0 means unlimited. */
  maxDepth: number;
  /** Gain a split must exceed. */
  minSplitGain: number;
  /** Fraction of the tree's features considered at each split (random forests). */
  featureFractionByNode: number;
  /**
   * Keep a row-major copy of the bins that is partitioned along with the rows, so every leaf's
   * rows are contiguous and histograms are built in one sequential pass (fast when trees use all
   * features; histograms always cover every feature in this mode).
   */
  rowOrdered?: boolean;
  /**
   * Row-ordered mode only: build histograms from stochastically rounded gradients packed in one
   * number per row (one addition per bin instead of two); leaf values still use exact gradients.
   */
  quantizedGradients?: boolean;
}

export interface TreeLearnerOptions {
  /**
   * A helper thread (workers/tree-helper.worker.ts) that takes half of every large leaf's
   * partition and histogram; row-ordered mode with at least HELPER_MIN_ROWS rows only. Trees are
   * bit-identical with and without it. Call release() when done so the helper is free again.
   */
  helper?: TreeHelperPort;
  /**
   * A one-output boosting loop's labels (row-ordered mode): the learner then keeps the loop's
   * per-row arrays (`loopArrays`) where its WebAssembly kernels and its helper reach them, so
   * gradients are computed there (on two threads with a helper) and read without a copy.
   */
  loop?: { objective: SharedGradients['objective']; y: Float64Array; weights?: Float64Array };
}

/** Histogram memory the learner may keep for open leaves; past it leaves rebuild from rows. */
const HISTOGRAM_POOL_BYTES = 512 * 1024 * 1024;
/** Up to this many features, every feature gets 256 histogram bins (needed by the row-ordered mode). */
const UNIFORM_LAYOUT_MAX_FEATURES = 512;

export class TreeLearner {
  readonly data: BinnedDataset;
  readonly params: TreeLearnerParams;
  /** Row indices, partitioned so each leaf owns one contiguous range (column-wise mode). */
  private readonly indices: Uint32Array;
  /** Row-ordered mode: the slot holding each leaf's rows (bins, ids, gradients). */
  private leafSlot: Uint8Array;
  /** Row-ordered mode: the slot holding each leaf's row ids (differs after an ids-only split). */
  private leafIndexSlot: Uint8Array;
  private leafBegin: Int32Array;
  private leafCount: Int32Array;
  private nLeaves = 0;
  private readonly scratch: Uint32Array;
  private readonly offsets: Int32Array;
  private readonly nBins: Int32Array;
  private readonly histSize: number;
  private readonly uniformLayout: boolean;
  /** Row-ordered mode state (null: column-wise histograms over row indices). */
  private readonly rowOrdered: RowOrderedState | null;
  /** Column-wise mode's WebAssembly histograms (null: row-ordered mode, or the JavaScript builder). */
  private readonly columns: ColumnHistograms | null;
  private readonly allFeatures: Int32Array;
  /** Quantized mode: packed one-lane histograms, decoded into `decoded` for split finding. */
  private readonly quantized: boolean;
  private readonly decoded: Float64Array;
  private quantization: Quantization | null = null;
  /** Features whose histograms are built (all of them in row-ordered mode). */
  private histFeatures: Int32Array = new Int32Array(0);
  private readonly orderedGrad: Float32Array;
  private readonly orderedHess: Float32Array;
  private readonly histFree: Float64Array[] = [];
  private histAllocated = 0;
  private readonly histLimit: number;
  private leafHist: (Float64Array | null)[];
  private leafG: Float64Array;
  private leafH: Float64Array;
  private leafDepth: Int32Array;
  private best: SplitCandidate[];
  private features: Int32Array = new Int32Array(0);
  private nFeaturesUsed = 0;
  private nodeFeatures: Int32Array;
  private readonly frontier: LeafFrontier;
  /** A leaf budget at least this large cannot bind (every leaf holds ≥ minDataInLeaf rows). */
  private readonly unlimitedLeaves: number;
  /** With a helper thread: the link to it. */
  private readonly link: TreeHelperLink | null = null;
  /** The boosting loop's arrays when `loop` was given and they could be placed (else null: the loop keeps its own). */
  readonly loopArrays: SharedGradients | null = null;
  /** The second half of a large leaf's rows is summed here, then added (see build); on shared memory with a helper. */
  private halfHist: Float64Array | null = null;

  constructor(data: BinnedDataset, params: TreeLearnerParams, options: TreeLearnerOptions = {}) {
    this.data = data;
    this.params = params;
    const n = data.nRows;
    this.allFeatures = Int32Array.from({ length: data.nFeatures }, (_, f) => f);
    this.uniformLayout = data.nFeatures <= UNIFORM_LAYOUT_MAX_FEATURES;
    const rowOrdered = !!params.rowOrdered && this.uniformLayout;
    this.quantized = rowOrdered && !!params.quantizedGradients && quantizationBits(n) !== null;
    const helped = rowOrdered && !!options.helper && n >= HELPER_MIN_ROWS;
    const loop = rowOrdered ? options.loop : undefined;
    this.rowOrdered = rowOrdered ? packRowMajor(data.bins, n, this.quantized, helped, 'wasm', loop && { weights: !!loop.weights }) : null;
    if (loop) this.loopArrays = placeLoopArrays(this.rowOrdered!, loop, helped);
    this.scratch = new Uint32Array(this.rowOrdered ? 0 : n);
    this.offsets = new Int32Array(data.nFeatures);
    this.nBins = new Int32Array(data.nFeatures);
    // Uniform layout (feature f at f * 256, padded to a multiple of 4 features) when it is small
    // enough; otherwise features packed back to back.
    let total = 0;
    for (let f = 0; f < data.nFeatures; f++) {
      this.nBins[f] = data.mappers[f].nBins;
      this.offsets[f] = this.uniformLayout ? f * UNIFORM_BINS : total;
      total += data.mappers[f].nBins;
    }
    if (this.uniformLayout) total = Math.ceil(data.nFeatures / 4) * 4 * UNIFORM_BINS;
    this.histSize = total * (this.quantized ? 1 : HIST_LANES);
    // Column-wise mode: histograms in the WebAssembly kernels when they compile (the row indices
    // then live in their memory), else the JavaScript builder over gathered gradients.
    this.columns = this.rowOrdered ? null : ColumnHistograms.create(data.bins, n, this.offsets, this.nBins, this.histSize);
    this.indices = this.rowOrdered ? this.rowOrdered.index[0] : this.columns ? this.columns.indices : new Uint32Array(n);
    const gathered = this.rowOrdered || this.columns ? 0 : n;
    this.orderedGrad = new Float32Array(gathered);
    this.orderedHess = new Float32Array(gathered);
    this.decoded = new Float64Array(this.quantized ? total * HIST_LANES : 0);
    this.histLimit = Math.max(2, Math.floor(HISTOGRAM_POOL_BYTES / (this.histSize * 8)));
    this.unlimitedLeaves = Math.max(2, Math.ceil(n / Math.max(1, params.minDataInLeaf)));
    const maxLeaves = Math.max(1, Math.min(params.maxLeaves, this.unlimitedLeaves));
    this.frontier = new LeafFrontier(maxLeaves);
    this.leafBegin = new Int32Array(maxLeaves);
    this.leafCount = new Int32Array(maxLeaves);
    this.leafHist = new Array(maxLeaves).fill(null);
    this.leafG = new Float64Array(maxLeaves);
    this.leafH = new Float64Array(maxLeaves);
    this.leafDepth = new Int32Array(maxLeaves);
    this.leafSlot = new Uint8Array(maxLeaves);
    this.leafIndexSlot = new Uint8Array(maxLeaves);
    this.best = Array.from({ length: maxLeaves }, emptyCandidate);
    this.nodeFeatures = new Int32Array(data.nFeatures);
    if (helped && this.rowOrdered && options.helper) {
      this.halfHist = new Float64Array(new SharedArrayBuffer(this.histSize * 8));
      const loopArrays = this.loopArrays ?? undefined;
      if (loopArrays && !this.rowOrdered.packed && !this.rowOrdered.wasm) {
        // Slot 0 reads the loop's shared gradients where they are: no copy per tree.
        this.rowOrdered.grad[0] = loopArrays.grad;
        this.rowOrdered.hess[0] = loopArrays.hess;
      }
      this.link = new TreeHelperLink(options.helper, this.rowOrdered, this.halfHist, loopArrays);
    }
  }

  /**
   * The objective's gradients: over `loopArrays` when `scores` is theirs (in the kernels' memory
   * and/or with the upper half of the rows on the helper), else over the given arrays here.
   */
  gradients(objective: Objective, y: Float64Array, scores: Float64Array, weights: Float64Array | undefined, grad: Float32Array, hess: Float32Array): void {
    const shared = this.loopArrays;
    const link = this.link;
    if (!shared || shared.scores !== scores) {
      objective.gradients(y, scores, weights, grad, hess);
      return;
    }
    if (!link) {
      gradientsOfRows(objective, shared, 0, shared.y.length);
      return;
    }
    const n = shared.y.length;
    const mid = n >> 1;
    link.gradients(mid, n);
    gradientsOfRows(objective, shared, 0, mid);
    link.wait();
  }

  /** Frees the helper thread, if any (the learner then works alone). */
  release(): void {
    this.link?.detach();
  }

  /**
   * Grows one tree on gradients `grad`/`hess` (one per dataset row). `rows` lists the rows to use in
   * increasing order (bagging), or null for all rows; `features` the usable features. Leaf values
   * are Newton steps, not yet shrunk. Afterwards `indices`, `leafBegin`, `leafCount` tell which
   * rows landed in which leaf.
   */
  train(grad: Float32Array, hess: Float32Array, rows: Uint32Array | null, nRows: number, features: Int32Array, random: Random): Tree {
    const p = this.params;
    const idx = this.indices;
    const ro = this.rowOrdered;
    let contiguousRoot = rows === null;
    this.features = features;
    this.nFeaturesUsed = features.length;
    this.histFeatures = ro ? this.allFeatures : features;
    let G = 0;
    let H = 0;
    let rootSlot: Slot = 0;
    if (ro) {
      // Slot 0 holds every row in id order with the caller's gradients; a bag is moved to slot 1.
      if (this.link || ro.wasm) {
        // The helper holds slot 0's shared arrays, the kernels their memory: the gradients are
        // copied in, not swapped (quantized mode moves the packed values only).
        if (!ro.packed && !sameMemory(ro.grad[0], grad)) {
          ro.grad[0].set(grad);
          ro.hess[0].set(hess);
        }
      } else {
        ro.grad[0] = grad;
        ro.hess[0] = hess;
      }
      const packed = ro.packed;
      if (packed) this.quantization = quantizeGradients(grad, hess, this.data.nRows, this.data.nRows, Math.floor(random() * 4294967296), packed[0]);
      if (rows) {
        const inBag = ro.mask;
        inBag.fill(0);
        for (let k = 0; k < nRows; k++) inBag[rows[k]] = 1;
        partitionRowOrdered(ro, 0, 0, this.data.nRows, -1, inBag);
        rootSlot = 1;
      }
      if (packed && this.quantization) {
        // Totals of the quantized values, so they agree exactly with the histograms.
        const pk = packed[rootSlot];
        let total = 0;
        for (let k = 0; k < nRows; k++) total += pk[k];
        const out = new Float64Array(2);
        decodeInto(total, this.quantization, out, 0);
        G = out[0];
        H = out[1];
      } else {
        const og = ro.grad[rootSlot];
        const oh = ro.hess[rootSlot];
        for (let k = 0; k < nRows; k++) {
          G += og[k];
          H += oh[k];
        }
      }
      contiguousRoot = false;
    } else {
      this.columns?.setGradients(grad, hess);
      if (rows) idx.set(rows.subarray(0, nRows));
      else for (let i = 0; i < nRows; i++) idx[i] = i;
      if (contiguousRoot) {
        for (let i = 0; i < nRows; i++) {
          G += grad[i];
          H += hess[i];
        }
      } else {
        for (let k = 0; k < nRows; k++) {
          const r = idx[k];
          G += grad[r];
          H += hess[r];
        }
      }
    }
    const tree = new Tree();
    this.leafBegin[0] = 0;
    this.leafCount[0] = nRows;
    this.leafG[0] = G;
    this.leafH[0] = H;
    this.leafDepth[0] = 0;
    this.leafSlot[0] = rootSlot;
    this.leafIndexSlot[0] = rootSlot;
    tree.leafValue[0] = leafOutput(G, H, p.lambdaL1, p.lambdaL2);
    tree.leafCount[0] = nRows;
    const maxLeaves = Math.max(1, Math.min(p.maxLeaves, this.unlimitedLeaves));
    let nLeaves = 1;
    this.best[0].gain = -Infinity;
    if (maxLeaves > 1 && this.canSplit(0)) {
      const hist = this.acquireHistogram();
      if (hist) {
        this.build(hist, 0, grad, hess, contiguousRoot);
        this.leafHist[0] = hist;
        this.findBestSplit(0, hist, random);
      }
    }

    const minGain = p.minSplitGain > 0 ? p.minSplitGain : 0;
    // Open leaves with a worthwhile split. With a leaf budget, best-first (a max-heap on gain, as
    // LightGBM); without one the order cannot change the tree, so depth-first keeps few
    // histograms alive.
    const bestFirst = maxLeaves < this.unlimitedLeaves;
    const frontier = this.frontier;
    frontier.clear();
    if (this.best[0].gain > minGain) frontier.push(0);
    while (nLeaves < maxLeaves && frontier.size > 0) {
      const leaf = bestFirst ? frontier.popMax(this.best) : frontier.popLast();
      const right = this.splitLeaf(tree, leaf, nLeaves, maxLeaves);
      nLeaves++;
      const moreSplits = nLeaves < maxLeaves;
      const leftCan = moreSplits && this.canSplit(leaf);
      const rightCan = moreSplits && this.canSplit(right);
      this.best[leaf].gain = -Infinity;
      this.best[right].gain = -Infinity;
      const parentHist = this.leafHist[leaf];
      this.leafHist[leaf] = null;
      if (!leftCan && !rightCan) {
        if (parentHist) this.releaseHistogram(parentHist);
        continue;
      }
      const smaller = this.leafCount[leaf] <= this.leafCount[right] ? leaf : right;
      const larger = smaller === leaf ? right : leaf;
      const smallerCan = smaller === leaf ? leftCan : rightCan;
      const largerCan = smaller === leaf ? rightCan : leftCan;
      const smallHist = this.acquireHistogram();
      if (parentHist && smallHist) {
        this.build(smallHist, smaller, grad, hess, false);
        if (largerCan) {
          if (this.quantized) subtractAll(parentHist, smallHist);
          else subtractHistogram(parentHist, smallHist, this.offsets, this.nBins, this.histFeatures, this.histFeatures.length);
          this.leafHist[larger] = parentHist;
          this.findBestSplit(larger, parentHist, random);
        } else this.releaseHistogram(parentHist);
        if (smallerCan) {
          this.leafHist[smaller] = smallHist;
          this.findBestSplit(smaller, smallHist, random);
        } else this.releaseHistogram(smallHist);
      } else {
        // Out of histogram memory: build what is needed directly from rows.
        if (parentHist) this.releaseHistogram(parentHist);
        if (smallHist) this.releaseHistogram(smallHist);
        for (const [l, can] of [[leaf, leftCan], [right, rightCan]] as const) {
          if (!can) continue;
          const h = this.acquireHistogram();
          if (!h) continue;
          this.build(h, l, grad, hess, false);
          this.leafHist[l] = h;
          this.findBestSplit(l, h, random);
        }
      }
      if (this.best[leaf].gain > minGain) frontier.push(leaf);
      if (this.best[right].gain > minGain) frontier.push(right);
    }
    for (let l = 0; l < nLeaves; l++) {
      const h = this.leafHist[l];
      if (h) this.releaseHistogram(h);
      this.leafHist[l] = null;
    }
    this.nLeaves = nLeaves;
    if (this.quantized) {
      // Leaf values from the exact gradients (the quantized sums only chose the splits).
      for (let l = 0; l < nLeaves; l++) {
        const ids = this.leafRows(l);
        let g = 0;
        let h = 0;
        for (let k = 0; k < ids.length; k++) {
          g += grad[ids[k]];
          h += hess[ids[k]];
        }
        tree.leafValue[l] = leafOutput(g, h, p.lambdaL1, p.lambdaL2);
      }
    }
    return tree;
  }

  /** Ids of the training rows that landed in `leaf` of the last tree. */
  leafRows(leaf: number): Uint32Array {
    if (leaf >= this.nLeaves) throw new Error(`leaf ${leaf} out of range`);
    const begin = this.leafBegin[leaf];
    const ids = this.rowOrdered ? this.rowOrdered.index[this.leafIndexSlot[leaf]] : this.indices;
    return ids.subarray(begin, begin + this.leafCount[leaf]);
  }

  private canSplit(leaf: number): boolean {
    const p = this.params;
    return (
      (p.maxDepth <= 0 || this.leafDepth[leaf] < p.maxDepth) &&
      this.leafCount[leaf] >= 2 * Math.max(1, p.minDataInLeaf) &&
      this.leafH[leaf] >= 2 * p.minSumHessianInLeaf
    );
  }

  private acquireHistogram(): Float64Array | null {
    const h = this.histFree.pop();
    if (h) return h;
    if (this.histAllocated >= this.histLimit) return null;
    this.histAllocated++;
    return new Float64Array(this.histSize);
  }

  private releaseHistogram(h: Float64Array): void {
    this.histFree.push(h);
  }

  private build(hist: Float64Array, leaf: number, grad: Float32Array, hess: Float32Array, contiguous: boolean): void {
    const ro = this.rowOrdered;
    if (ro) {
      const b = this.leafSlot[leaf] as Slot;
      const begin = this.leafBegin[leaf];
      const count = this.leafCount[leaf];
      if (count < HELPER_MIN_ROWS) {
        buildRowOrdered(hist, ro, b, begin, count);
        return;
      }
      // A large leaf is summed as two halves of its rows, first + second, whether or not a helper
      // builds the second: the same additions in the same order, so the same trees.
      const mid = count >> 1;
      const half = (this.halfHist ??= new Float64Array(this.histSize));
      const link = this.link;
      if (link) link.histogram(b, begin + mid, count - mid);
      buildRowOrdered(hist, ro, b, begin, mid);
      if (link) link.wait();
      else buildRowOrdered(half, ro, b, begin + mid, count - mid);
      addAll(hist, half);
      return;
    }
    if (this.columns) {
      this.columns.build(hist, this.offsets, this.nBins, this.features, this.nFeaturesUsed, this.leafBegin[leaf], this.leafCount[leaf], contiguous);
      return;
    }
    clearHistogram(hist, this.offsets, this.nBins, this.features, this.nFeaturesUsed);
    buildHistogramColumnWise(
      hist, this.data.bins, this.offsets, this.features, this.nFeaturesUsed, this.indices,
      this.leafBegin[leaf], this.leafCount[leaf], grad, hess, this.orderedGrad, this.orderedHess, contiguous,
    );
  }

  private findBestSplit(leaf: number, packedOrPlain: Float64Array, random: Random): void {
    const p = this.params;
    let hist = packedOrPlain;
    if (this.quantized && this.quantization) {
      hist = this.decoded;
      const q = this.quantization;
      for (let f = 0; f < this.data.nFeatures; f++) {
        const base = this.offsets[f];
        for (let b = 0; b < this.nBins[f]; b++) decodeInto(packedOrPlain[base + b], q, hist, (base + b) << 1);
      }
    }
    const best = this.best[leaf];
    best.gain = -Infinity;
    let features = this.features;
    let nFeatures = this.nFeaturesUsed;
    if (p.featureFractionByNode < 1) {
      // Random subset per split (partial Fisher–Yates over the tree's features).
      const k = Math.max(1, Math.round(p.featureFractionByNode * nFeatures));
      const pool = this.nodeFeatures;
      pool.set(features.subarray(0, nFeatures));
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(random() * (nFeatures - i));
        const t = pool[i];
        pool[i] = pool[j];
        pool[j] = t;
      }
      features = pool;
      nFeatures = k;
    }
    const G = this.leafG[leaf];
    const H = this.leafH[leaf];
    const C = this.leafCount[leaf];
    const mappers = this.data.mappers;
    const extra = p.extraTrees ? random : null;
    for (let j = 0; j < nFeatures; j++) {
      const f = features[j];
      findBestSplitForFeature(hist, this.offsets[f], f, mappers[f], G, H, C, p, extra, best);
    }
  }

  /**
   * The row-ordered partition on two threads: the helper decides and moves the upper half of the
   * range while this thread does the lower half; its rows land after ours on each side, so the
   * result is the single-thread partition exactly.
   */
  private partitionHelped(from: Slot, begin: number, count: number, f: number, goesLeft: Uint8Array): number {
    const ro = this.rowOrdered;
    const link = this.link;
    if (!ro || !link) throw new Error('internal: no helper');
    const mid = begin + (count >> 1);
    const end = begin + count;
    link.decide(from, mid, end, f, goesLeft);
    const lowerLeft = decideSides(ro, from, begin, mid, f, goesLeft);
    const upperLeft = link.wait();
    const nLeft = lowerLeft + upperLeft;
    link.move(from, mid, end, begin + lowerLeft, begin + nLeft + (mid - begin - lowerLeft));
    moveRows(ro, from, begin, mid, begin, begin + nLeft);
    link.wait();
    return nLeft;
  }

  /** Partitions the leaf's rows, records the split in the tree and returns the new right leaf. */
  private splitLeaf(tree: Tree, leaf: number, nLeaves: number, maxLeaves: number): number {
    const p = this.params;
    const s = this.best[leaf];
    const f = s.feature;
    const mapper = this.data.mappers[f];
    const goesLeft = new Uint8Array(mapper.nBins);
    let threshold = 0;
    let categoryLeft: number[] | null = null;
    if (s.categorical && mapper.kind === 'categorical') {
      categoryLeft = [];
      for (const b of s.leftBins) {
        goesLeft[b] = 1;
        if (b === mapper.missingBin) continue;
        const code = mapper.binCodes[b];
        if (code >= 0) categoryLeft.push(code);
        else for (let c = 0; c < mapper.codeToBin.length; c++) if (mapper.codeToBin[c] === b) categoryLeft.push(c);
      }
      categoryLeft.sort((a, b) => a - b);
    } else if (mapper.kind === 'numerical') {
      for (let b = 0; b <= s.thresholdBin; b++) goesLeft[b] = 1;
      goesLeft[mapper.missingBin] = s.defaultLeft ? 1 : 0;
      const ub = mapper.upperBounds[s.thresholdBin];
      threshold = ub === Infinity ? Number.MAX_VALUE : ub;
    }
    const begin = this.leafBegin[leaf];
    const count = this.leafCount[leaf];
    // Exact counts come from the partition (histogram counts are estimates).
    const ro = this.rowOrdered;
    const from = this.leafSlot[leaf] as Slot;
    const to = nextSlot(from);
    // Children that can never split only need their row ids told apart (no bins moved).
    const childrenFinal = (p.maxDepth > 0 && this.leafDepth[leaf] + 1 >= p.maxDepth) || nLeaves + 1 >= maxLeaves;
    let nLeft: number;
    if (!ro) nLeft = partition(this.indices, this.scratch, begin, count, this.data.bins[f], goesLeft);
    else if (childrenFinal) nLeft = partitionIndexOnly(ro, from, begin, count, f, goesLeft);
    else if (this.link && count >= HELPER_MIN_ROWS) nLeft = this.partitionHelped(from, begin, count, f, goesLeft);
    else nLeft = partitionRowOrdered(ro, from, begin, count, f, goesLeft);
    this.leafSlot[leaf] = this.leafSlot[nLeaves] = ro && childrenFinal ? from : to;
    this.leafIndexSlot[leaf] = this.leafIndexSlot[nLeaves] = ro ? to : 0;
    const right = tree.split(
      leaf, f, threshold, categoryLeft, s.defaultLeft, goesLeft, s.gain,
      leafOutput(s.leftG, s.leftH, p.lambdaL1, p.lambdaL2 + (s.categorical ? p.catL2 : 0)),
      leafOutput(s.rightG, s.rightH, p.lambdaL1, p.lambdaL2 + (s.categorical ? p.catL2 : 0)),
      nLeft, count - nLeft,
    );
    if (right !== nLeaves) throw new Error('internal: leaf numbering out of step');
    const depth = this.leafDepth[leaf] + 1;
    this.leafBegin[right] = begin + nLeft;
    this.leafCount[right] = count - nLeft;
    this.leafG[right] = s.rightG;
    this.leafH[right] = s.rightH;
    this.leafDepth[right] = depth;
    this.leafCount[leaf] = nLeft;
    this.leafG[leaf] = s.leftG;
    this.leafH[leaf] = s.leftH;
    this.leafDepth[leaf] = depth;
    return right;
  }
}

function sameMemory(a: Float32Array, b: Float32Array): boolean {
  return a.buffer === b.buffer && a.byteOffset === b.byteOffset && a.length === b.length;
}

/**
 * Stable in-place partition of idx[begin .. begin+count): rows whose bin goes left first. Writes
 * both destinations unconditionally and advances one cursor, so there is no unpredictable branch.
 */
export function partition(idx: Uint32Array, scratch: Uint32Array, begin: number, count: number, col: Uint8Array, goesLeft: Uint8Array): number {
  let nl = begin;
  let nr = 0;
  const end = begin + count;
  for (let k = begin; k < end; k++) {
    const r = idx[k];
    const l = goesLeft[col[r]];
    idx[nl] = r;
    scratch[nr] = r;
    nl += l;
    nr += 1 - l;
  }
  idx.set(scratch.subarray(0, nr), nl);
  return nl - begin;
}

/** The open leaves: a max-heap on split gain for best-first growth, or a stack for depth-first. */
class LeafFrontier {
  private readonly leaves: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.leaves = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(leaf: number): void {
    this.leaves[this.size++] = leaf;
  }

  popLast(): number {
    return this.leaves[--this.size];
  }

  /** Removes and returns the leaf with the largest gain (lowest leaf number among ties). */
  popMax(best: SplitCandidate[]): number {
    // Leaf counts are small where a budget binds (≤ maxLeaves), so a scan beats heap upkeep.
    const leaves = this.leaves;
    let at = 0;
    for (let i = 1; i < this.size; i++) {
      const gi = best[leaves[i]].gain;
      const ga = best[leaves[at]].gain;
      if (gi > ga || (gi === ga && leaves[i] < leaves[at])) at = i;
    }
    const leaf = leaves[at];
    leaves[at] = leaves[--this.size];
    return leaf;
  }
}

/**
 * The boosting loop's arrays for `loop`'s labels: in the kernels' memory when the row-ordered
 * state is there, else on SharedArrayBuffers when a helper computes half of the gradients, else
 * null (the loop allocates its own).
 */
function placeLoopArrays(ro: RowOrderedState, loop: NonNullable<TreeLearnerOptions['loop']>, helped: boolean): SharedGradients | null {
  const n = loop.y.length;
  if (ro.loop && ro.wasm) {
    ro.loop.y.set(loop.y);
    if (loop.weights) ro.loop.weights!.set(loop.weights);
    return { objective: loop.objective, ...ro.loop, wasm: { memory: ro.wasm.memory, shared: ro.wasm.shared } };
  }
  if (!helped) return null;
  const doubles = (from?: Float64Array) => {
    const a = new Float64Array(new SharedArrayBuffer(n * 8));
    if (from) a.set(from);
    return a;
  };
  const floats = () => new Float32Array(new SharedArrayBuffer(n * 4));
  return {
    objective: loop.objective,
    y: doubles(loop.y),
    ...(loop.weights ? { weights: doubles(loop.weights) } : {}),
    scores: doubles(),
    grad: floats(),
    hess: floats(),
  };
}
