import { describe, expect, it } from 'vitest';
import { loadModel } from '../load-model';
import type { Matrix } from '../matrix';
import { auroc } from '../metric/auroc';
import { binMatrix } from '../dataset/binned-dataset';
import { makeClassification, makeRegression, makeWeightedGrid, makeWide, repeatRows, splitFeatures, splitGainsFromRows } from '../../../test/fixtures/tree-data';
import { fitGbdt } from './train-gbdt';

function subset(X: Matrix, from: number, to: number): Matrix {
  return { ...X, nRows: to - from, columns: X.columns.map((c) => c.subarray(from, to)) };
}

const structure = (m: { trees: { splitFeature: number[]; threshold: number[] }[] }) => m.trees.map((t) => ({ f: t.splitFeature, t: t.threshold }));

describe('fitGbdt', () => {
  it('never increases the training loss across rounds (binary, multiclass, regression, huber)', () => {
    const cases = [
      { ...makeClassification(600, 1), objective: undefined },
      { ...makeClassification(600, 2, 3), objective: undefined },
      { ...makeRegression(600, 3), objective: undefined },
      { ...makeRegression(600, 4), objective: 'huber' as const },
    ];
    for (const c of cases) {
      const losses: number[] = [];
      fitGbdt(c.X, c.labels, { trees: 30, maxLeaves: 8, learningRate: 0.1, objective: c.objective }, {
        monitorTrainLoss: true,
        onIteration: (p) => void losses.push(p.trainLoss!),
      });
      expect(losses).toHaveLength(30);
      for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThanOrEqual(losses[i - 1] + 1e-12);
      expect(losses[29]).toBeLessThan(losses[0] * 0.9);
    }
  });

  it('learns a binary problem and generalises', () => {
    const { X, labels } = makeClassification(3000, 5);
    const model = fitGbdt(subset(X, 0, 2000), { ...labels, y: labels.y.subarray(0, 2000) }, { trees: 60, maxLeaves: 15 });
    const p = model.predict(subset(X, 2000, 3000));
    expect(auroc(labels.y.subarray(2000), p)).toBeGreaterThan(0.9);
    for (const v of p) expect(v > 0 && v < 1).toBe(true);
    // The pure-noise feature matters least.
    const imp = model.featureImportance();
    expect(imp[2]).toBeLessThan(imp[0]);
    expect(imp[2]).toBeLessThan(imp[1]);
  });

  it('routes missing values the way they were learned', () => {
    // Feature x: missing exactly when the label is positive; otherwise uninformative.
    const n = 1000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = i % 3 === 0 ? 1 : 0;
      x[i] = y[i] === 1 ? NaN : (i * 7919) % 100;
    }
    const X: Matrix = { nRows: n, columns: [x], featureNames: ['x'] };
    const model = fitGbdt(X, { task: 'binary', y }, { trees: 20, maxLeaves: 4, minDataInLeaf: 5 });
    const p = model.predict({ nRows: 3, columns: [Float64Array.of(NaN, 10, 55)], featureNames: ['x'] });
    expect(p[0]).toBeGreaterThan(0.9);
    expect(p[1]).toBeLessThan(0.1);
    expect(p[2]).toBeLessThan(0.1);
    // Missing values never seen in training go to the bigger side instead of failing.
    const noMissing = fitGbdt({ nRows: n, columns: [Float64Array.from(x, (v, i) => (v === v ? v : 200 + i))], featureNames: ['x'] }, { task: 'binary', y }, { trees: 5 });
    expect(Number.isFinite(noMissing.predict({ nRows: 1, columns: [Float64Array.of(NaN)], featureNames: ['x'] })[0])).toBe(true);
  });

  it('gives multiclass probabilities that sum to 1 and fits the classes', () => {
    const { X, labels } = makeClassification(900, 6, 3);
    const model = fitGbdt(X, labels, { trees: 40, maxLeaves: 8 });
    const p = model.predict(X);
    expect(p.length).toBe(900 * 3);
    let correct = 0;
    for (let i = 0; i < 900; i++) {
      const row = [p[3 * i], p[3 * i + 1], p[3 * i + 2]];
      expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 12);
      if (row.indexOf(Math.max(...row)) === labels.y[i]) correct++;
    }
    expect(correct / 900).toBeGreaterThan(0.85);
  });

  it('is deterministic for a seed, with bagging and feature sampling', () => {
    const { X, labels } = makeClassification(800, 7);
    const params = { trees: 15, maxLeaves: 8, baggingFraction: 0.7, featureFraction: 0.67, seed: 42 };
    const a = fitGbdt(X, labels, params).predictRaw(X);
    const b = fitGbdt(X, labels, params).predictRaw(X);
    expect(Array.from(a)).toEqual(Array.from(b));
    const c = fitGbdt(X, labels, { ...params, seed: 43 }).predictRaw(X);
    expect(Array.from(c)).not.toEqual(Array.from(a));
  });

  it('keeps training scores equal to the predictions of the fitted trees under bagging', () => {
    // The out-of-bag rows are updated by walking bins; predictions walk real thresholds.
    const { X, labels } = makeRegression(500, 8);
    const losses: number[] = [];
    const model = fitGbdt(X, labels, { trees: 10, maxLeaves: 6, baggingFraction: 0.5, seed: 3 }, {
      monitorTrainLoss: true,
      onIteration: (p) => void losses.push(p.trainLoss!),
    });
    const pred = model.predict(X);
    let se = 0;
    for (let i = 0; i < 500; i++) se += (pred[i] - labels.y[i]) ** 2;
    expect(se / 500 / 2).toBeCloseTo(losses[9], 10);
  });

  it('round-trips through JSON with identical predictions and contributions', () => {
    const { X, labels } = makeClassification(500, 9, 3);
    const model = fitGbdt(X, labels, { trees: 10, maxLeaves: 6 });
    const loaded = loadModel(JSON.parse(JSON.stringify(model.toJSON())));
    expect(Array.from(loaded.predict(X))).toEqual(Array.from(model.predict(X)));
    expect(Array.from(loaded.contributions(subset(X, 0, 20)))).toEqual(Array.from(model.contributions(subset(X, 0, 20))));
    expect(Array.from(loaded.featureImportance())).toEqual(Array.from(model.featureImportance()));
  });

  it('gives TreeSHAP contributions that sum to the raw score', () => {
    for (const { X, labels } of [makeClassification(400, 10), makeClassification(400, 11, 3), makeRegression(400, 12)]) {
      const model = fitGbdt(X, labels, { trees: 8, maxLeaves: 8 });
      const raw = model.predictRaw(X);
      const phi = model.contributions(X);
      const nF = X.columns.length;
      const K = raw.length / X.nRows;
      for (let i = 0; i < X.nRows; i++) {
        for (let k = 0; k < K; k++) {
          let s = 0;
          for (let j = 0; j <= nF; j++) s += phi[(i * K + k) * (nF + 1) + j];
          expect(s).toBeCloseTo(raw[i * K + k], 9);
        }
      }
    }
  });

  it('stops early when the validation loss stops improving, keeping the best round', () => {
    const { X, labels } = makeRegression(1200, 13);
    // Noisy labels make later rounds overfit.
    const y = labels.y.map((v, i) => v + ((i * 7919) % 13) - 6);
    const train = subset(X, 0, 600);
    const valid = subset(X, 600, 1200);
    const seen: number[] = [];
    const model = fitGbdt(train, { task: 'regression', y: y.subarray(0, 600) }, { trees: 500, maxLeaves: 31, minDataInLeaf: 2, learningRate: 0.3, earlyStoppingRounds: 5 }, {
      validation: { X: valid, labels: { task: 'regression', y: y.subarray(600) } },
      onIteration: (p) => void seen.push(p.validLoss!),
    });
    expect(seen.length).toBeLessThan(500);
    const best = model.info.bestIteration as number;
    expect(model.trees.length).toBe(best + 1);
    expect(seen.length).toBe(best + 1 + 5);
    expect(Math.min(...seen)).toBe(seen[best]);
  });

  it('respects maxDepth, maxLeaves and minDataInLeaf', () => {
    const { X, labels } = makeRegression(1000, 14);
    const model = fitGbdt(X, labels, { trees: 5, maxLeaves: 64, maxDepth: 3, minDataInLeaf: 40 });
    for (const t of model.trees) {
      expect(t.maxDepth()).toBeLessThanOrEqual(3);
      expect(t.nLeaves).toBeLessThanOrEqual(8);
      for (const c of t.leafCount) expect(c).toBeGreaterThanOrEqual(40);
    }
    const wide = fitGbdt(X, labels, { trees: 2, maxLeaves: 5 });
    for (const t of wide.trees) expect(t.nLeaves).toBe(5);
  });

  it('splits categorical features by category sets', () => {
    const n = 900;
    const cat = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      cat[i] = i % 6;
      y[i] = [0, 3, 5].includes(cat[i]) ? 10 : 0;
    }
    const X: Matrix = { nRows: n, columns: [cat], featureNames: ['c'], categorical: [true] };
    const model = fitGbdt(X, { task: 'regression', y }, { trees: 30, maxLeaves: 2, learningRate: 0.5, catL2: 0, catSmooth: 0 });
    const left = model.trees[0].categoryLeft[0];
    expect([[0, 3, 5], [1, 2, 4]]).toContainEqual(left);
    const p = model.predict({ nRows: 6, columns: [Float64Array.of(0, 1, 2, 3, 4, 5)], featureNames: ['c'], categorical: [true] });
    expect(Array.from(p, (v) => Math.round(v))).toEqual([10, 0, 0, 10, 0, 10]);
  });

  it('applies L1 and L2 regularisation to leaf values', () => {
    const { X, labels } = makeRegression(400, 15);
    const plain = fitGbdt(X, labels, { trees: 1, maxLeaves: 4, learningRate: 1 });
    const l2 = fitGbdt(X, labels, { trees: 1, maxLeaves: 4, learningRate: 1, lambdaL2: 1000 });
    const l1 = fitGbdt(X, labels, { trees: 1, maxLeaves: 4, learningRate: 1, lambdaL1: 1e6 });
    const spread = (m: typeof plain) => Math.max(...m.trees[0].leafValue.map(Math.abs));
    expect(spread(l2)).toBeLessThan(spread(plain));
    expect(l1.trees[0].nLeaves).toBe(1);
  });

  it('treats integer sample weights as repeated rows and ignores weight-0 rows', () => {
    // Exact here, not just close: binning ignores weights, but the grid features have fewer
    // distinct values than bins, so the cut points (midpoints between distinct values) are the
    // same with repeated or dropped rows; weights 1 and 2 keep float32 gradients × weight exact,
    // and the gradient sums stay exact in float64 for this data. minDataInLeaf is 1 because row
    // counts are estimated from hessian shares (the weighted data has fewer rows than the repeated
    // one), which only decides splits when a side holds a row or two; maxLeaves 8 keeps leaves big.
    // Not compared: the side that missing values never seen in training take (the one with more
    // estimated rows), which those estimates can tip the other way for rows versus copies.
    const { X, regression, binary, weights } = makeWeightedGrid(600, 3);
    const params = { trees: 20, maxLeaves: 8, minDataInLeaf: 1, quantizedGradients: false };
    for (const labels of [regression, binary]) {
      const repeated = repeatRows(X, labels, weights);
      expect(binMatrix(repeated.X).mappers).toEqual(binMatrix(X).mappers);
      const weighted = fitGbdt(X, { ...labels, weights }, params);
      const copies = fitGbdt(repeated.X, repeated.labels, params);
      expect(structure(weighted)).toEqual(structure(copies));
      expect(weighted.initScores).toEqual(copies.initScores);
      expect(Array.from(weighted.predict(X))).toEqual(Array.from(copies.predict(X)));
      // The weights matter …
      expect(Array.from(fitGbdt(X, labels, params).predict(X))).not.toEqual(Array.from(weighted.predict(X)));
      // … and the labels of weight-0 rows do not (whatever minDataInLeaf).
      const y = Float64Array.from(labels.y, (v, i) => (weights[i] === 0 ? 1 - v : v));
      const relabelled = fitGbdt(X, { ...labels, y, weights }, { ...params, minDataInLeaf: 20 });
      expect(JSON.stringify(relabelled.toJSON().trees)).toBe(JSON.stringify(fitGbdt(X, { ...labels, weights }, { ...params, minDataInLeaf: 20 }).toJSON().trees));
    }
  });

  it('stops splitting on minSumHessianInLeaf: every leaf keeps that much hessian, a huge value leaves one leaf', () => {
    // Squared error: every row has hessian 1, so a leaf's hessian sum is its row count.
    const { X, labels } = makeRegression(400, 17);
    const base = { trees: 5, maxLeaves: 16, minDataInLeaf: 1 };
    const free = fitGbdt(X, labels, base);
    const bounded = fitGbdt(X, labels, { ...base, minSumHessianInLeaf: 60 });
    for (const t of bounded.trees) for (const c of t.leafCount) expect(c).toBeGreaterThanOrEqual(60);
    expect(Math.min(...free.trees[0].leafCount)).toBeLessThan(60);
    const sumLeaves = (m: typeof free) => m.trees.reduce((s, t) => s + t.nLeaves, 0);
    expect(sumLeaves(bounded)).toBeLessThan(sumLeaves(free));
    const none = fitGbdt(X, labels, { ...base, minSumHessianInLeaf: 201 });
    for (const t of none.trees) expect(t.nLeaves).toBe(1);
    // Binary: hessians p(1 − p) ≤ 1/4 make the same row count carry much less hessian.
    const cls = makeClassification(400, 18);
    const binary = fitGbdt(cls.X, cls.labels, { ...base, minSumHessianInLeaf: 51 });
    for (const t of binary.trees) expect(t.nLeaves).toBe(1);
    expect(fitGbdt(cls.X, cls.labels, { ...base, minSumHessianInLeaf: 5 }).trees[0].nLeaves).toBeGreaterThan(1);
  });

  it('stops splitting on minSplitGain: every split gains more, a value above the best gain leaves one leaf', () => {
    const { X, labels } = makeRegression(400, 19);
    const base = { trees: 5, maxLeaves: 16, minDataInLeaf: 5 };
    const free = fitGbdt(X, labels, base);
    const gains = free.trees.flatMap((t) => t.splitGain).sort((a, b) => a - b);
    const threshold = gains[Math.floor(gains.length / 2)];
    const bounded = fitGbdt(X, labels, { ...base, minSplitGain: threshold });
    for (const t of bounded.trees) for (const g of t.splitGain) expect(g).toBeGreaterThan(threshold);
    const sumLeaves = (m: typeof free) => m.trees.reduce((s, t) => s + t.nLeaves, 0);
    expect(sumLeaves(bounded)).toBeLessThan(sumLeaves(free));
    // The root's best split is the largest gain the first tree can have; without it the scores
    // barely move, so later roots gain the same up to rounding (hence the margin).
    const none = fitGbdt(X, labels, { ...base, minSplitGain: free.trees[0].splitGain[0] + 1 });
    for (const t of none.trees) expect(t.nLeaves).toBe(1);
  });

  it('is deterministic for a seed with extra trees and round-trips through JSON', () => {
    const { X, labels } = makeClassification(600, 20, 3);
    const params = { trees: 8, maxLeaves: 8, extraTrees: true, seed: 7 };
    const a = fitGbdt(X, labels, params);
    const b = fitGbdt(X, labels, params);
    expect(JSON.stringify(b.toJSON())).toBe(JSON.stringify(a.toJSON()));
    const c = fitGbdt(X, labels, { ...params, seed: 8 });
    expect(JSON.stringify(c.toJSON().trees)).not.toBe(JSON.stringify(a.toJSON().trees));
    // Random thresholds: not the exhaustive search's tree.
    expect(structure(a)).not.toEqual(structure(fitGbdt(X, labels, { ...params, extraTrees: false })));
    const loaded = loadModel(JSON.parse(JSON.stringify(a.toJSON())));
    expect(Array.from(loaded.predict(X))).toEqual(Array.from(a.predict(X)));
    expect(Array.from(loaded.contributions(subset(X, 0, 20)))).toEqual(Array.from(a.contributions(subset(X, 0, 20))));
  });

  it('stores each split gain as recomputed from the rows, and gain importance is their sum per feature', () => {
    const { X, labels } = makeRegression(500, 21);
    const noise = Float64Array.from({ length: 500 }, (_, i) => (i * 7919) % 101);
    const X3: Matrix = { nRows: 500, columns: [...X.columns, noise], featureNames: ['a', 'b', 'noise'] };
    const lambdaL2 = 2;
    const model = fitGbdt(X3, labels, { trees: 6, maxLeaves: 8, minDataInLeaf: 5, lambdaL2, learningRate: 0.3 });
    // Replay the boosting rounds: squared-error gradients (float32, as the learner stores them), hessian 1.
    const scores = new Float64Array(500).fill(model.initScores[0]);
    const hess = new Float32Array(500).fill(1);
    const expected = new Float64Array(3);
    let nSplits = 0;
    for (const tree of model.trees) {
      const grad = Float32Array.from(scores, (s, i) => s - labels.y[i]);
      const recomputed = splitGainsFromRows(tree, X3, grad, hess, lambdaL2);
      recomputed.forEach((g, node) => {
        expect(Math.abs(tree.splitGain[node] - g)).toBeLessThanOrEqual(1e-9 * Math.abs(g));
        expected[tree.splitFeature[node]] += g;
        nSplits++;
      });
      for (let i = 0; i < 500; i++) scores[i] += tree.leafValue[tree.leafOf((f) => X3.columns[f][i])];
    }
    expect(nSplits).toBeGreaterThan(20);
    const imp = model.featureImportance();
    for (let f = 0; f < 3; f++) expect(Math.abs(imp[f] - expected[f])).toBeLessThanOrEqual(1e-9 * expected[f]);
    // The same from the serialised trees.
    const fromJson = new Float64Array(3);
    for (const t of model.toJSON().trees as { splitFeature: number[]; splitGain: number[] }[]) t.splitFeature.forEach((f, k) => (fromJson[f] += t.splitGain[k]));
    expect(Array.from(imp)).toEqual(Array.from(fromJson));
  });

  it('uses at most ceil(featureFraction × F) distinct features per tree', () => {
    const { X, labels } = makeWide(600, 12, 22);
    const base = { trees: 20, maxLeaves: 16, minDataInLeaf: 5, seed: 3 };
    // Unrestricted trees use many features, so the bound below is a real restriction.
    const free = fitGbdt(X, labels, base);
    expect(Math.min(...free.trees.map((t) => splitFeatures(t).size))).toBeGreaterThan(4);
    for (const featureFraction of [0.1, 0.25]) {
      const model = fitGbdt(X, labels, { ...base, featureFraction });
      const bound = Math.ceil(featureFraction * 12);
      const union = new Set<number>();
      for (const t of model.trees) {
        expect(splitFeatures(t).size).toBeLessThanOrEqual(bound);
        for (const f of splitFeatures(t)) union.add(f);
      }
      // A new sample every tree.
      expect(union.size).toBeGreaterThan(bound);
      // Sampling per split draws from the tree's sample, so the bound still holds with both.
      const both = fitGbdt(X, labels, { ...base, featureFraction, featureFractionByNode: 0.5 });
      for (const t of both.trees) expect(splitFeatures(t).size).toBeLessThanOrEqual(bound);
    }
  });

  it('samples the candidate features of every split with featureFractionByNode', () => {
    // Feature 0 is by far the best root split; with one candidate per split the root often cannot use it.
    const { X, labels } = makeWide(600, 10, 23, 10);
    const base = { trees: 40, maxLeaves: 4, minDataInLeaf: 5, learningRate: 0.02, seed: 4 };
    const rootOnFirst = (m: ReturnType<typeof fitGbdt>) => m.trees.filter((t) => t.splitFeature[0] === 0).length;
    expect(rootOnFirst(fitGbdt(X, labels, base))).toBe(40);
    const sampled = fitGbdt(X, labels, { ...base, featureFractionByNode: 0.1 });
    expect(rootOnFirst(sampled)).toBeGreaterThan(0);
    expect(rootOnFirst(sampled)).toBeLessThan(20);
  });

  it('rejects unknown and invalid parameters and bad labels with clear messages', () => {
    const { X, labels } = makeRegression(50, 16);
    expect(() => fitGbdt(X, labels, { maxLeafs: 4 })).toThrow(/unknown gbdt parameter "maxLeafs"/);
    expect(() => fitGbdt(X, labels, { learningRate: -1 })).toThrow(/"learningRate" must be positive/);
    expect(() => fitGbdt(X, labels, { bins: 300 })).toThrow(/"bins" must be an integer from 2 to 255/);
    expect(() => fitGbdt(X, { task: 'binary', y: labels.y })).toThrow(/label of row 1/);
  });
});
