import { describe, expect, it } from 'vitest';
import { fitForest } from '../forest/train-forest';
import { fitGbdt } from '../gbdt/train-gbdt';
import type { Matrix } from '../matrix';
import { makeRegression } from '../../../test/fixtures/tree-data';
import { flattenTrees, predictFlat } from './flat-ensemble';
import { Tree } from './tree';
import { createRandom } from '../../random/random';

function walkTrees(trees: Tree[], X: Matrix): Float64Array {
  const out = new Float64Array(X.nRows);
  for (let i = 0; i < X.nRows; i++) for (const t of trees) out[i] += t.leafValue[t.leafOf((f) => X.columns[f][i])];
  return out;
}

describe('flattened prediction', () => {
  it('matches walking the trees, for shallow (perfect layout) and deep (pointer layout) trees with missing values', () => {
    const { X, labels } = makeRegression(2000, 31);
    // Holes in the data so default directions are exercised.
    const a = Float64Array.from(X.columns[0], (v, i) => (i % 7 === 0 ? NaN : v));
    const Xm: Matrix = { ...X, columns: [a, X.columns[1]] };
    const shallow = fitGbdt(Xm, labels, { trees: 5, maxLeaves: 16, maxDepth: 4 });
    const deep = fitForest(Xm, labels, { trees: 3, minDataInLeaf: 1 });
    expect(Math.max(...deep.trees.map((t) => t.maxDepth()))).toBeGreaterThan(10);
    for (const trees of [shallow.trees, deep.trees]) {
      const flat = flattenTrees(trees, 1);
      const got = predictFlat(flat, Xm, new Float64Array(Xm.nRows));
      const want = walkTrees(trees, Xm);
      for (let i = 0; i < Xm.nRows; i++) expect(got[i]).toBeCloseTo(want[i], 10);
    }
  });
});

/** A random tree: splits on random leaves up to `maxDepth`, thresholds from `pool` (so rows tie with them), random default directions. */
function randomTree(random: () => number, nF: number, pool: number[], maxDepth: number, nSplits: number, categorical = false): Tree {
  const tree = new Tree();
  const depthOf = [0];
  tree.leafValue[0] = random() - 0.5;
  for (let s = 0; s < nSplits; s++) {
    const leaf = Math.floor(random() * tree.nLeaves);
    if (depthOf[leaf] >= maxDepth) continue;
    const feature = Math.floor(random() * nF);
    const cats = categorical && random() < 0.3 ? [0, 2, 3].filter(() => random() < 0.6) : null;
    const threshold = pool[Math.floor(random() * pool.length)];
    const right = tree.split(leaf, feature, threshold, cats, random() < 0.5, new Uint8Array(0), 1, random() - 0.5, random() - 0.5, 1, 1);
    depthOf[leaf]++;
    depthOf[right] = depthOf[leaf];
  }
  return tree;
}

describe('binned prediction', () => {
  const random = createRandom(11);
  const pool = [-Infinity, -3, -1.5, -0.25, 0, 1e-9, 0.1, 0.30000000000000004, 0.7, 1, 2.5, 1e6, Infinity];
  const nF = 5;
  const n = 3001; // not a multiple of the block or of the lockstep width
  // Values tie with thresholds, sit next to them, round to the same float32, or are missing.
  const value = (): number => {
    const u = random();
    const t = pool[Math.floor(random() * pool.length)];
    if (u < 0.3) return t;
    if (u < 0.4) return t * (1 + 1e-16 * (random() < 0.5 ? -1 : 1)) + (random() < 0.5 ? 1e-300 : -1e-300);
    if (u < 0.5) return Math.fround(t) + (random() - 0.5) * Math.abs(t) * 2 ** -24;
    if (u < 0.55) return NaN;
    if (u < 0.6) return [0, 1, 2, 3, 4][Math.floor(random() * 5)];
    return (random() - 0.5) * 8;
  };
  const columns = Array.from({ length: nF }, () => Float64Array.from({ length: n }, value));
  const X: Matrix = { nRows: n, columns, featureNames: columns.map((_, j) => `f${j}`) };
  const noMissing: Matrix = { ...X, columns: columns.map((c) => c.map((v) => (v !== v ? 0.5 : v))) };

  it('chooses the same leaf as the pointer walk for every row: ties, neighbours, ±∞, missing values, float32 input', () => {
    const trees = Array.from({ length: 12 }, (_, t) => randomTree(random, nF, pool, t % 7, 80));
    const flat = flattenTrees(trees, 1);
    expect(flat.binned).not.toBeNull();
    expect(flat.hasPointerTrees).toBe(false);
    for (const data of [X, noMissing, { ...X, columns: X.columns.map((c) => Float32Array.from(c)) }]) {
      expect(predictFlat(flat, data, new Float64Array(n))).toEqual(walkTrees(trees, data));
    }
  });

  it('mixes binned perfect trees with categorical and deep pointer trees, over several outputs', () => {
    const trees = Array.from({ length: 9 }, (_, t) => randomTree(random, nF, pool, t % 3 === 0 ? 14 : 6, t % 3 === 0 ? 400 : 60, t % 3 === 1));
    expect(trees.some((t) => t.maxDepth() > 10)).toBe(true);
    expect(trees.some((t) => t.categoryLeft.some((c) => c !== null))).toBe(true);
    const flat = flattenTrees(trees, 3, 0.5);
    expect(flat.binned).not.toBeNull();
    expect(flat.hasPointerTrees).toBe(true);
    // Deep numerical trees walk the bins; categorical ones still need doubles.
    expect(flat.binned!.pointerTree.some((p) => p === 1)).toBe(true);
    expect(flat.binned!.needsDoubles).toBe(true);
    for (const data of [X, noMissing]) {
      const got = predictFlat(flat, data, new Float64Array(n * 3));
      const want = new Float64Array(n * 3);
      for (let i = 0; i < n; i++) trees.forEach((t, k) => (want[i * 3 + (k % 3)] += t.leafValue[t.leafOf((f) => data.columns[f][i])] * 0.5));
      expect(got).toEqual(want);
    }
  });

  it('walks deep numerical trees over bins alone, with and without missing values', () => {
    const trees = Array.from({ length: 6 }, () => randomTree(random, nF, pool, 16, 600));
    expect(trees.every((t) => t.maxDepth() > 10)).toBe(true);
    const flat = flattenTrees(trees, 1);
    expect(flat.binned!.needsDoubles).toBe(false);
    expect([...flat.binned!.pointerTree]).toEqual(trees.map(() => 1));
    for (const data of [X, noMissing]) expect(predictFlat(flat, data, new Float64Array(n))).toEqual(walkTrees(trees, data));
  });

  it('falls back to comparing doubles when a feature has too many distinct thresholds', () => {
    const fine = Array.from({ length: 600 }, (_, i) => -3 + i / 100);
    const trees = Array.from({ length: 40 }, () => randomTree(random, 2, fine, 6, 80));
    const flat = flattenTrees(trees, 1);
    expect(flat.binned).toBeNull();
    expect(predictFlat(flat, X, new Float64Array(n))).toEqual(walkTrees(trees, X));
  });
});
