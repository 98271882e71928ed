import { describe, expect, it } from 'vitest';
import { Tree } from './tree';
import { addTreeShap, treeExpectedValue } from './tree-shap';

// A tiny hand-built tree over 3 features, feature 0 used twice on one path.
function tinyTree(): Tree {
  const t = new Tree();
  const table = new Uint8Array(0);
  // Arguments: leaf, feature, threshold, categories, defaultLeft, bin table, gain, values, counts.
  t.split(0, 0, 0.5, null, true, table, 1, 0, 0, 60, 40); // x0 <= 0.5: leaf 0 | leaf 1
  t.split(0, 1, 2, null, false, table, 1, 0, 0, 35, 25); // x1 <= 2: leaf 0 | leaf 2
  t.split(1, 0, 3, null, false, table, 1, 0, 0, 30, 10); // x0 <= 3: leaf 1 | leaf 3
  t.split(2, 2, -1, null, true, table, 1, 0, 0, 5, 20); // x2 <= -1: leaf 2 | leaf 4
  t.leafValue = [1.5, -2, 4, 0.25, 7];
  return t;
}

// v(S): expected output when the features in S are known, the others integrated out by cover.
function conditionalExpectation(t: Tree, x: number[], known: Set<number>): number {
  const walk = (child: number): number => {
    if (child < 0) return t.leafValue[~child];
    const f = t.splitFeature[child];
    if (known.has(f)) return walk(t.goesLeft(child, x[f]) ? t.leftChild[child] : t.rightChild[child]);
    const cover = (c: number) => (c < 0 ? t.leafCount[~c] : t.internalCount[c]);
    const l = t.leftChild[child];
    const r = t.rightChild[child];
    return (cover(l) * walk(l) + cover(r) * walk(r)) / t.internalCount[child];
  };
  return walk(0);
}

function bruteForceShapley(t: Tree, x: number[], nFeatures: number): number[] {
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const phi = new Array(nFeatures).fill(0);
  for (let i = 0; i < nFeatures; i++) {
    const others = [...Array(nFeatures).keys()].filter((j) => j !== i);
    for (let mask = 0; mask < 1 << others.length; mask++) {
      const S = new Set(others.filter((_, b) => mask & (1 << b)));
      const weight = (fact(S.size) * fact(nFeatures - S.size - 1)) / fact(nFeatures);
      const withI = new Set(S).add(i);
      phi[i] += weight * (conditionalExpectation(t, x, withI) - conditionalExpectation(t, x, S));
    }
  }
  return phi;
}

describe('TreeSHAP', () => {
  const t = tinyTree();
  const rows = [
    [0.2, 1, -3],
    [0.2, 5, 0],
    [2, 1, 9],
    [4, 0, 0],
    [NaN, 3, -2],
    [0.1, NaN, NaN],
  ];

  it('matches brute-force Shapley values of the cover-weighted conditional expectation', () => {
    for (const x of rows) {
      const phi = new Float64Array(4);
      addTreeShap(t, (f) => x[f], 3, phi, 0, 1);
      const expected = bruteForceShapley(t, x, 3);
      for (let j = 0; j < 3; j++) expect(phi[j]).toBeCloseTo(expected[j], 12);
      expect(phi[3]).toBeCloseTo(conditionalExpectation(t, x, new Set()), 12);
    }
  });

  it('sums to the prediction and scales', () => {
    for (const x of rows) {
      const phi = new Float64Array(4);
      addTreeShap(t, (f) => x[f], 3, phi, 0, 0.5);
      const pred = t.leafValue[t.leafOf((f) => x[f])];
      expect(phi[0] + phi[1] + phi[2] + phi[3]).toBeCloseTo(0.5 * pred, 12);
    }
    expect(treeExpectedValue(t)).toBeCloseTo((1.5 * 35 - 2 * 30 + 4 * 5 + 0.25 * 10 + 7 * 20) / 100, 12);
  });
});
