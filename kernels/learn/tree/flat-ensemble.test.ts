import { describe, expect, it } from 'vitest';
import { fitForest } from '../forest/train-forest';
import { fitGbdt } from '../gbdt/train-gbdt';
import type { Matrix } from '../matrix';
import { makeRegression } from './test-data';
import { flattenTrees, predictFlat } from './flat-ensemble';
import type { Tree } from './tree';

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
