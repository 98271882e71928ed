// Small seeded data sets for the tree learners' tests.
import { createRandom } from '../dataset/random';
import type { Labels, Matrix } from '../matrix';
import type { Tree } from './tree';

export function makeClassification(n: number, seed: number, nClasses = 2): { X: Matrix; labels: Labels } {
  const random = createRandom(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const noise = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = random() * 4 - 2;
    b[i] = random() * 4 - 2;
    noise[i] = random();
    const score = a[i] * a[i] - b[i] + 0.8 * (random() - 0.5);
    if (nClasses === 2) y[i] = score > 0.5 ? 1 : 0;
    else y[i] = Math.min(nClasses - 1, Math.max(0, Math.floor((score + 2) / 2)));
  }
  return {
    X: { nRows: n, columns: [a, b, noise], featureNames: ['a', 'b', 'noise'] },
    labels: { task: nClasses === 2 ? 'binary' : 'multiclass', y, classes: Array.from({ length: nClasses }, (_, k) => `c${k}`) },
  };
}

export function makeRegression(n: number, seed: number): { X: Matrix; labels: Labels } {
  const random = createRandom(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = random() * 6 - 3;
    b[i] = random() * 6 - 3;
    y[i] = Math.sin(a[i]) * 3 + (b[i] > 0 ? 2 : -1) + 0.3 * (random() - 0.5);
  }
  return { X: { nRows: n, columns: [a, b], featureNames: ['a', 'b'] }, labels: { task: 'regression', y } };
}

/**
 * Integer-valued features on a small grid (≤ 40 distinct values, so every bin boundary is a
 * midpoint between neighbouring values whatever the row counts), integer labels and sample
 * weights 0, 1 or 2 for the weights-versus-repeated-rows tests. Every grid value also occurs in
 * a row of positive weight, so dropping the weight-0 rows leaves the same distinct values.
 */
export function makeWeightedGrid(n: number, seed: number): { X: Matrix; regression: Labels; binary: Labels; weights: Float64Array } {
  const random = createRandom(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  const yr = new Float64Array(n);
  const yb = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = i % 40;
    b[i] = Math.floor(random() * 25);
    c[i] = Math.floor(random() * 10);
    yr[i] = Math.round(3 * Math.sin(a[i] / 6) + (b[i] > 12 ? 4 : -2) + 2 * (random() - 0.5));
    yb[i] = a[i] / 40 + (b[i] > 12 ? 0.4 : 0) + 0.4 * random() > 0.8 ? 1 : 0;
    // Rows 0..39 hold every value of a with weight ≥ 1; b and c are checked by the tests.
    weights[i] = i < 40 ? 1 + (i % 2) : Math.floor(random() * 3);
  }
  return {
    X: { nRows: n, columns: [a, b, c], featureNames: ['a', 'b', 'c'] },
    regression: { task: 'regression', y: yr },
    binary: { task: 'binary', y: yb, classes: ['c0', 'c1'] },
    weights,
  };
}

/** The rows of X and labels repeated weights[i] times each (weight 0: dropped), without weights. */
export function repeatRows(X: Matrix, labels: Labels, weights: ArrayLike<number>): { X: Matrix; labels: Labels } {
  const keep: number[] = [];
  for (let i = 0; i < X.nRows; i++) for (let r = 0; r < weights[i]; r++) keep.push(i);
  return {
    X: { ...X, nRows: keep.length, columns: X.columns.map((col) => Float64Array.from(keep, (i) => col[i])) },
    labels: { task: labels.task, y: Float64Array.from(keep, (i) => labels.y[i]), ...(labels.classes ? { classes: labels.classes } : {}) },
  };
}

/** The distinct features a tree splits on. */
export function splitFeatures(tree: Tree): Set<number> {
  return new Set(tree.splitFeature);
}

/**
 * The gain of every internal node recomputed from the training rows that reach it (routed by the
 * tree's real thresholds): GL²/(HL+λ) + GR²/(HR+λ) − G²/(H+λ), the split finder's formula without L1.
 */
export function splitGainsFromRows(tree: Tree, X: Matrix, grad: ArrayLike<number>, hess: ArrayLike<number>, lambdaL2: number): number[] {
  const m = tree.nInternal;
  const sums = Array.from({ length: m }, () => ({ lg: 0, lh: 0, rg: 0, rh: 0 }));
  for (let i = 0; i < X.nRows && m > 0; i++) {
    for (let node = 0; ;) {
      const left = tree.goesLeft(node, X.columns[tree.splitFeature[node]][i]);
      const s = sums[node];
      if (left) {
        s.lg += grad[i];
        s.lh += hess[i];
      } else {
        s.rg += grad[i];
        s.rh += hess[i];
      }
      const next = left ? tree.leftChild[node] : tree.rightChild[node];
      if (next < 0) break;
      node = next;
    }
  }
  const score = (g: number, h: number) => (g * g) / (h + lambdaL2);
  return sums.map((s) => score(s.lg, s.lh) + score(s.rg, s.rh) - score(s.lg + s.rg, s.lh + s.rh));
}

/**
 * nFeatures uniform features in [-1, 1], every one informative for a regression label; feature 0
 * adds a step of ±`step`, which makes it the best split of the root by far when step is large.
 */
export function makeWide(n: number, nFeatures: number, seed: number, step = 0): { X: Matrix; labels: Labels } {
  const random = createRandom(seed);
  const columns = Array.from({ length: nFeatures }, () => new Float64Array(n));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < nFeatures; j++) {
      const v = random() * 2 - 1;
      columns[j][i] = v;
      s += (1 + (j % 3)) * Math.sin(2 * v);
    }
    y[i] = s + (columns[0][i] > 0 ? step : -step) + 0.2 * (random() - 0.5);
  }
  return { X: { nRows: n, columns, featureNames: columns.map((_, j) => `x${j}`) }, labels: { task: 'regression', y } };
}
