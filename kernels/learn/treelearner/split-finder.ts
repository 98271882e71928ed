// Best split of one leaf on one feature from its histogram. Numerical features scan the bins in
// order and try sending the missing bin both ways (the learned default direction); categorical
// features sort their categories by gradient/hessian ratio and scan that order (LightGBM's
// many-vs-many split). Extra trees evaluate a single random threshold instead of the full scan.
import type { BinMapper } from '../dataset/bin-mapper';
import type { Random } from '../../random/random';

export interface SplitParams {
  minDataInLeaf: number;
  minSumHessianInLeaf: number;
  lambdaL1: number;
  lambdaL2: number;
  /** Extra L2 on categorical splits and smoothing of their ordering (LightGBM's cat_l2, cat_smooth). */
  catL2: number;
  catSmooth: number;
  /** At most this many categories on the smaller side of a categorical split. */
  maxCatThreshold: number;
  extraTrees: boolean;
}

/** The best split found so far for a leaf; reused objects, so no allocation per evaluation. */
export interface SplitCandidate {
  gain: number;
  feature: number;
  /** Numerical: last bin that goes left. */
  thresholdBin: number;
  defaultLeft: boolean;
  categorical: boolean;
  /** Categorical: the bins that go left (missing bin included when missing goes left). */
  leftBins: number[];
  leftG: number;
  leftH: number;
  leftCount: number;
  rightG: number;
  rightH: number;
  rightCount: number;
}

export function emptyCandidate(): SplitCandidate {
  return {
    gain: -Infinity, feature: -1, thresholdBin: 0, defaultLeft: false, categorical: false, leftBins: [],
    leftG: 0, leftH: 0, leftCount: 0, rightG: 0, rightH: 0, rightCount: 0,
  };
}

export function thresholdL1(g: number, l1: number): number {
  if (l1 <= 0) return g;
  return g > l1 ? g - l1 : g < -l1 ? g + l1 : 0;
}

/** The leaf's contribution to the objective reduction: T(G)² / (H + λ2). */
export function leafScore(g: number, h: number, l1: number, l2: number): number {
  const t = thresholdL1(g, l1);
  return (t * t) / (h + l2);
}

/** Newton step of a leaf: -T(G) / (H + λ2). */
export function leafOutput(g: number, h: number, l1: number, l2: number): number {
  return -thresholdL1(g, l1) / (h + l2);
}

/**
 * Evaluates feature f for a leaf with totals (G, H, C) and updates `best` when it finds a split
 * with a larger gain. Gains are relative to not splitting (LightGBM's convention, no 1/2 factor).
 */
export function findBestSplitForFeature(
  hist: Float64Array,
  offset: number,
  f: number,
  mapper: BinMapper,
  G: number,
  H: number,
  C: number,
  p: SplitParams,
  random: Random | null,
  best: SplitCandidate,
): void {
  if (mapper.kind === 'categorical') findCategoricalSplit(hist, offset, f, mapper.nBins, mapper.missingBin, G, H, C, p, best);
  else findNumericalSplit(hist, offset, f, mapper.missingBin, G, H, C, p, random, best);
}

function findNumericalSplit(
  hist: Float64Array,
  offset: number,
  f: number,
  missingBin: number,
  G: number,
  H: number,
  C: number,
  p: SplitParams,
  random: Random | null,
  best: SplitCandidate,
): void {
  const { minDataInLeaf, minSumHessianInLeaf, lambdaL1: l1, lambdaL2: l2 } = p;
  const base = offset << 1;
  const mo = base + (missingBin << 1);
  // Row counts are estimated from hessians (see histogram.ts).
  const cntFactor = H > 0 ? C / H : 0;
  const mG = hist[mo];
  const mH = hist[mo + 1];
  const mC = Math.round(mH * cntFactor);
  const parent = leafScore(G, H, l1, l2);
  // Bins that hold data: a split threshold lies between the first and last of them.
  let first = -1;
  let last = -1;
  for (let b = 0; b < missingBin; b++) {
    if (Math.round(hist[base + (b << 1) + 1] * cntFactor) > 0) {
      if (first < 0) first = b;
      last = b;
    }
  }
  if (first < 0 || first === last) return;
  let lo = first;
  let hi = last - 1;
  if (random) {
    lo = hi = first + Math.floor(random() * (last - first));
  }
  let lG = 0;
  let lH = 0;
  let lC = 0;
  for (let b = 0; b < lo; b++) {
    const o = base + (b << 1);
    lG += hist[o];
    lH += hist[o + 1];
    lC += Math.round(hist[o + 1] * cntFactor);
  }
  for (let b = lo; b <= hi; b++) {
    const o = base + (b << 1);
    lG += hist[o];
    lH += hist[o + 1];
    lC += Math.round(hist[o + 1] * cntFactor);
    // Missing goes right: left is the prefix.
    let cL = lC;
    let hL = lH;
    let gL = lG;
    let cR = C - cL;
    let hR = H - hL;
    if (cL >= minDataInLeaf && cR >= minDataInLeaf && hL >= minSumHessianInLeaf && hR >= minSumHessianInLeaf) {
      const gain = leafScore(gL, hL, l1, l2) + leafScore(G - gL, hR, l1, l2) - parent;
      // Without missing values in this leaf, send future missing values to the bigger side.
      if (gain > best.gain) setNumerical(best, gain, f, b, mC > 0 ? false : cL >= cR, gL, hL, cL, G, H, C);
    }
    if (mC > 0) {
      // Missing goes left.
      cL = lC + mC;
      hL = lH + mH;
      gL = lG + mG;
      cR = C - cL;
      hR = H - hL;
      if (cL >= minDataInLeaf && cR >= minDataInLeaf && hL >= minSumHessianInLeaf && hR >= minSumHessianInLeaf) {
        const gain = leafScore(gL, hL, l1, l2) + leafScore(G - gL, hR, l1, l2) - parent;
        if (gain > best.gain) setNumerical(best, gain, f, b, true, gL, hL, cL, G, H, C);
      }
    }
  }
  // Missing versus everything else: the split "value present or not".
  if (mC > 0 && !random) {
    const cL = C - mC;
    const hL = H - mH;
    const gL = G - mG;
    if (cL >= minDataInLeaf && mC >= minDataInLeaf && hL >= minSumHessianInLeaf && mH >= minSumHessianInLeaf) {
      const gain = leafScore(gL, hL, l1, l2) + leafScore(mG, mH, l1, l2) - parent;
      if (gain > best.gain) setNumerical(best, gain, f, last, false, gL, hL, cL, G, H, C);
    }
  }
}

function setNumerical(
  best: SplitCandidate,
  gain: number,
  f: number,
  bin: number,
  defaultLeft: boolean,
  gL: number,
  hL: number,
  cL: number,
  G: number,
  H: number,
  C: number,
): void {
  best.gain = gain;
  best.feature = f;
  best.thresholdBin = bin;
  best.defaultLeft = defaultLeft;
  best.categorical = false;
  best.leftG = gL;
  best.leftH = hL;
  best.leftCount = cL;
  best.rightG = G - gL;
  best.rightH = H - hL;
  best.rightCount = C - cL;
}

function findCategoricalSplit(
  hist: Float64Array,
  offset: number,
  f: number,
  nBins: number,
  missingBin: number,
  G: number,
  H: number,
  C: number,
  p: SplitParams,
  best: SplitCandidate,
): void {
  const { minDataInLeaf, minSumHessianInLeaf, lambdaL1: l1, catSmooth } = p;
  const l2 = p.lambdaL2 + p.catL2;
  const base = offset << 1;
  const cntFactor = H > 0 ? C / H : 0;
  // Non-empty bins (the missing bin is treated as one more category), ordered by smoothed g/h.
  const used: number[] = [];
  for (let b = 0; b < nBins; b++) if (Math.round(hist[base + (b << 1) + 1] * cntFactor) > 0) used.push(b);
  if (used.length < 2) return;
  used.sort((a, b) => {
    const ra = hist[base + (a << 1)] / (hist[base + (a << 1) + 1] + catSmooth);
    const rb = hist[base + (b << 1)] / (hist[base + (b << 1) + 1] + catSmooth);
    return ra - rb || a - b;
  });
  const parent = leafScore(G, H, l1, l2);
  const maxLeft = Math.min(used.length - 1, p.maxCatThreshold);
  // Scan prefixes from both ends of the order: the left set is the first k categories of one end.
  for (let dir = 0; dir < 2; dir++) {
    let lG = 0;
    let lH = 0;
    let lC = 0;
    for (let k = 0; k < maxLeft; k++) {
      const b = dir === 0 ? used[k] : used[used.length - 1 - k];
      const o = base + (b << 1);
      lG += hist[o];
      lH += hist[o + 1];
      lC += Math.round(hist[o + 1] * cntFactor);
      const cR = C - lC;
      const hR = H - lH;
      if (lC < minDataInLeaf || cR < minDataInLeaf || lH < minSumHessianInLeaf || hR < minSumHessianInLeaf) continue;
      const gain = leafScore(lG, lH, l1, l2) + leafScore(G - lG, hR, l1, l2) - parent;
      if (gain > best.gain) {
        const left = dir === 0 ? used.slice(0, k + 1) : used.slice(used.length - 1 - k);
        best.gain = gain;
        best.feature = f;
        best.thresholdBin = -1;
        best.categorical = true;
        best.leftBins = left;
        best.defaultLeft = left.includes(missingBin);
        best.leftG = lG;
        best.leftH = lH;
        best.leftCount = lC;
        best.rightG = G - lG;
        best.rightH = hR;
        best.rightCount = cR;
      }
    }
  }
}
