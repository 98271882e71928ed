import { describe, expect, it } from 'vitest';
import { loadModel } from '../load-model';
import type { Matrix } from '../matrix';
import { auroc } from '../metric/auroc';
import { binMatrix } from '../dataset/binned-dataset';
import { makeClassification, makeRegression, makeWeightedGrid, makeWide, repeatRows, splitGainsFromRows } from '../../../test/fixtures/tree-data';
import { fitForest } from './train-forest';

function subset(X: Matrix, from: number, to: number): Matrix {
  return { ...X, nRows: to - from, columns: X.columns.map((c) => c.subarray(from, to)) };
}

describe('fitForest', () => {
  it('classifies a binary problem with probabilities in [0, 1]', () => {
    const { X, labels } = makeClassification(1500, 21);
    for (const extraTrees of [false, true]) {
      const model = fitForest(subset(X, 0, 1000), { ...labels, y: labels.y.subarray(0, 1000) }, { trees: 30, extraTrees, seed: 1 });
      const p = model.predict(subset(X, 1000, 1500));
      for (const v of p) expect(v >= 0 && v <= 1).toBe(true);
      expect(auroc(labels.y.subarray(1000), p)).toBeGreaterThan(0.9);
    }
  });

  it('gives multiclass probabilities that sum to 1', () => {
    const { X, labels } = makeClassification(600, 22, 3);
    const model = fitForest(X, labels, { trees: 20 });
    const p = model.predict(X);
    let correct = 0;
    for (let i = 0; i < 600; i++) {
      const row = [p[3 * i], p[3 * i + 1], p[3 * i + 2]];
      expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 12);
      if (row.indexOf(Math.max(...row)) === labels.y[i]) correct++;
    }
    expect(correct / 600).toBeGreaterThan(0.85);
  });

  it('regresses better than the mean, deterministically, and round-trips', () => {
    const { X, labels } = makeRegression(1000, 23);
    const train = subset(X, 0, 700);
    const test = subset(X, 700, 1000);
    const yTrain = labels.y.subarray(0, 700);
    const yTest = labels.y.subarray(700);
    const model = fitForest(train, { task: 'regression', y: yTrain }, { trees: 25, seed: 5 });
    const p = model.predict(test);
    const mean = yTrain.reduce((a, b) => a + b, 0) / 700;
    let se = 0;
    let seMean = 0;
    for (let i = 0; i < 300; i++) {
      se += (p[i] - yTest[i]) ** 2;
      seMean += (mean - yTest[i]) ** 2;
    }
    expect(se).toBeLessThan(0.2 * seMean);
    const again = fitForest(train, { task: 'regression', y: yTrain }, { trees: 25, seed: 5 });
    expect(Array.from(again.predict(test))).toEqual(Array.from(p));
    const loaded = loadModel(JSON.parse(JSON.stringify(model.toJSON())));
    expect(Array.from(loaded.predict(test))).toEqual(Array.from(p));
    // Contributions sum to the averaged raw output.
    const phi = model.contributions(subset(test, 0, 10));
    const raw = model.predictRaw(subset(test, 0, 10));
    for (let i = 0; i < 10; i++) expect(phi[i * 3] + phi[i * 3 + 1] + phi[i * 3 + 2]).toBeCloseTo(raw[i], 9);
  });

  it('treats integer sample weights as repeated rows and ignores weight-0 rows (leaves of many rows)', () => {
    // Exact: the grid features bin the same with repeated or dropped rows (fewer distinct values
    // than bins), labels and weights are small integers, so every gradient and hessian sum is
    // exact. Leaves are capped at 16 per tree: fully grown trees can differ, because row counts are
    // estimated from hessian shares (LightGBM's convention) and for a side of one or two rows the
    // rounded estimate for weighted rows can reach 0 where the copies count ≥ 1.
    const { X, regression, binary, weights } = makeWeightedGrid(600, 3);
    const params = { trees: 3, maxLeaves: 16, minDataInLeaf: 1, bootstrap: false, featureFractionByNode: 1 };
    for (const labels of [regression, binary]) {
      const repeated = repeatRows(X, labels, weights);
      expect(binMatrix(repeated.X).mappers).toEqual(binMatrix(X).mappers);
      const weighted = fitForest(X, { ...labels, weights }, params);
      const copies = fitForest(repeated.X, repeated.labels, params);
      const structure = (m: typeof weighted) => m.trees.map((t) => ({ f: t.splitFeature, t: t.threshold, v: t.leafValue }));
      expect(structure(weighted)).toEqual(structure(copies));
      expect(Array.from(weighted.predict(X))).toEqual(Array.from(copies.predict(X)));
      expect(Array.from(fitForest(X, labels, params).predict(X))).not.toEqual(Array.from(weighted.predict(X)));
    }
  });

  it('never lets weight-0 rows influence fully grown, bootstrapped trees', () => {
    const { X, regression, binary, weights } = makeWeightedGrid(600, 4);
    for (const labels of [regression, binary]) {
      for (const extraTrees of [false, true]) {
        const params = { trees: 5, extraTrees, seed: 9 };
        const fit = (y: Float64Array) => JSON.stringify(fitForest(X, { ...labels, y, weights }, params).toJSON().trees);
        const flip = (keep: (i: number) => boolean) => Float64Array.from(labels.y, (v, i) => (keep(i) ? v : labels.task === 'binary' ? 1 - v : v + 7));
        const reference = fit(labels.y);
        expect(fit(flip((i) => weights[i] !== 0))).toBe(reference);
        // A row that has weight does change the trees.
        const weightedRow = weights.findIndex((w, i) => w > 0 && i >= 40);
        expect(fit(flip((i) => i !== weightedRow))).not.toBe(reference);
      }
    }
  });

  it('stops splitting on minSumHessianInLeaf and on minSplitGain', () => {
    // Without bootstrap every row has hessian 1: a leaf's hessian sum is its row count.
    const { X, labels } = makeRegression(400, 25);
    const base = { trees: 2, minDataInLeaf: 1, bootstrap: false };
    const free = fitForest(X, labels, base);
    expect(Math.min(...free.trees[0].leafCount)).toBeLessThan(40);
    const leaves = (m: typeof free) => m.trees.reduce((s, t) => s + t.nLeaves, 0);
    const hessian = fitForest(X, labels, { ...base, minSumHessianInLeaf: 40 });
    for (const t of hessian.trees) for (const c of t.leafCount) expect(c).toBeGreaterThanOrEqual(40);
    expect(leaves(hessian)).toBeLessThan(leaves(free));
    for (const t of fitForest(X, labels, { ...base, minSumHessianInLeaf: 201 }).trees) expect(t.nLeaves).toBe(1);
    const gains = free.trees.flatMap((t) => t.splitGain).sort((a, b) => a - b);
    const threshold = gains[Math.floor(gains.length * 0.9)];
    const gain = fitForest(X, labels, { ...base, minSplitGain: threshold });
    for (const t of gain.trees) for (const g of t.splitGain) expect(g).toBeGreaterThan(threshold);
    expect(leaves(gain)).toBeLessThan(leaves(free));
    const maxRoot = Math.max(...free.trees.map((t) => t.splitGain[0]));
    for (const t of fitForest(X, labels, { ...base, minSplitGain: maxRoot + 1 }).trees) expect(t.nLeaves).toBe(1);
  });

  it('classifies deterministically for a seed, random forest and extra trees, and round-trips', () => {
    for (const nClasses of [2, 3]) {
      const { X, labels } = makeClassification(400, 26, nClasses);
      for (const extraTrees of [false, true]) {
        const params = { trees: 8, extraTrees, seed: 11 };
        const a = fitForest(X, labels, params);
        const json = JSON.stringify(a.toJSON());
        expect(JSON.stringify(fitForest(X, labels, params).toJSON())).toBe(json);
        expect(JSON.stringify(fitForest(X, labels, { ...params, seed: 12 }).toJSON().trees)).not.toBe(JSON.stringify(a.toJSON().trees));
        const loaded = loadModel(JSON.parse(json));
        expect(Array.from(loaded.predict(X))).toEqual(Array.from(a.predict(X)));
        expect(Array.from(loaded.contributions(subset(X, 0, 10)))).toEqual(Array.from(a.contributions(subset(X, 0, 10))));
      }
      // Extra trees draw thresholds: a different forest from the same seed.
      const rf = fitForest(X, labels, { trees: 8, seed: 11 });
      const et = fitForest(X, labels, { trees: 8, seed: 11, extraTrees: true });
      expect(JSON.stringify(et.toJSON().trees)).not.toBe(JSON.stringify(rf.toJSON().trees));
    }
  });

  it('stores each split gain as recomputed from the rows, and gain importance is their sum per feature', () => {
    const { X, labels } = makeClassification(400, 27);
    const lambdaL2 = 0.5;
    // Without bootstrap a tree fits gradient −y, hessian 1 (per class indicator for multiclass).
    const model = fitForest(X, labels, { trees: 4, maxLeaves: 24, bootstrap: false, lambdaL2, featureFractionByNode: 0.67, seed: 2 });
    const grad = Float32Array.from(labels.y, (v) => -v);
    const hess = new Float32Array(400).fill(1);
    const expected = new Float64Array(3);
    for (const tree of model.trees) {
      const recomputed = splitGainsFromRows(tree, X, grad, hess, lambdaL2);
      expect(recomputed.length).toBeGreaterThan(10);
      recomputed.forEach((g, node) => {
        expect(Math.abs(tree.splitGain[node] - g)).toBeLessThanOrEqual(1e-9 * Math.abs(g));
        expected[tree.splitFeature[node]] += g;
      });
    }
    const imp = model.featureImportance();
    for (let f = 0; f < 3; f++) expect(Math.abs(imp[f] - expected[f])).toBeLessThanOrEqual(1e-9 * expected[f]);
    // Feature 2 is noise.
    expect(imp[2]).toBeLessThan(imp[0]);
    expect(imp[2]).toBeLessThan(imp[1]);
  });

  it('samples the candidate features of every split with featureFractionByNode', () => {
    const { X, labels } = makeWide(500, 10, 28, 10);
    const rootOnFirst = (featureFractionByNode: number) =>
      fitForest(X, labels, { trees: 30, maxLeaves: 4, featureFractionByNode, seed: 5 }).trees.filter((t) => t.splitFeature[0] === 0).length;
    expect(rootOnFirst(1)).toBe(30);
    const sampled = rootOnFirst(0.1);
    expect(sampled).toBeGreaterThan(0);
    expect(sampled).toBeLessThan(15);
  });

  it('trains on rows with missing values and routes missing values deterministically', () => {
    // x is missing exactly when the label is positive: the trees learn where missing values go.
    const n = 600;
    const x = new Float64Array(n);
    const z = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = i % 3 === 0 ? 1 : 0;
      x[i] = y[i] === 1 ? NaN : (i * 7919) % 100;
      z[i] = i % 5 === 0 ? NaN : (i * 104729) % 37;
    }
    const X: Matrix = { nRows: n, columns: [x, z], featureNames: ['x', 'z'] };
    const model = fitForest(X, { task: 'binary', y }, { trees: 20, seed: 3 });
    const p = model.predict(X);
    for (const v of p) expect(Number.isFinite(v)).toBe(true);
    const probe: Matrix = { nRows: 3, columns: [Float64Array.of(NaN, 10, NaN), Float64Array.of(5, NaN, NaN)], featureNames: ['x', 'z'] };
    const q = model.predict(probe);
    expect(q[0]).toBeGreaterThan(0.9);
    expect(q[1]).toBeLessThan(0.1);
    expect(q[2]).toBeGreaterThan(0.9);
    // Each tree sends a missing value along its nodes' default directions; repeated and
    // round-tripped predictions agree exactly.
    for (let r = 0; r < 3; r++) {
      let sum = 0;
      for (const t of model.trees) sum += t.leafValue[t.leafOf((f) => probe.columns[f][r])];
      expect(model.predictRaw(subset(probe, r, r + 1))[0]).toBeCloseTo(sum / model.trees.length, 12);
    }
    expect(Array.from(model.predict(probe))).toEqual(Array.from(q));
    expect(Array.from(loadModel(JSON.parse(JSON.stringify(model.toJSON()))).predict(probe))).toEqual(Array.from(q));
  });

  it('sends missing values never seen in training to the side with more rows', () => {
    // Without bootstrap the hessians are 1, so the split finder's row counts are exact.
    const { X, labels } = makeRegression(400, 29);
    const model = fitForest(X, labels, { trees: 2, maxLeaves: 20, bootstrap: false });
    const count = (t: (typeof model.trees)[number], child: number) => (child < 0 ? t.leafCount[~child] : t.internalCount[child]);
    let nodes = 0;
    for (const t of model.trees) {
      for (let node = 0; node < t.nInternal; node++) {
        expect(t.defaultLeft[node]).toBe(count(t, t.leftChild[node]) >= count(t, t.rightChild[node]));
        nodes++;
      }
    }
    expect(nodes).toBeGreaterThan(20);
    const p = model.predict({ nRows: 1, columns: [Float64Array.of(NaN), Float64Array.of(NaN)], featureNames: ['a', 'b'] });
    expect(Number.isFinite(p[0])).toBe(true);
  });

  it('limits leaves and depth when asked and rejects bad parameters', () => {
    const { X, labels } = makeRegression(400, 24);
    const model = fitForest(X, labels, { trees: 3, maxLeaves: 6, maxDepth: 4 });
    for (const t of model.trees) {
      expect(t.nLeaves).toBeLessThanOrEqual(6);
      expect(t.maxDepth()).toBeLessThanOrEqual(4);
    }
    expect(() => fitForest(X, labels, { maxLeaves: 1 })).toThrow(/maxLeaves/);
    expect(() => fitForest(X, labels, { maxLeaves: '8' })).toThrow(/"maxLeaves" must be 0 \(unlimited\) or an integer ≥ 2, got "8"/);
    // 0 (the default) means unlimited, also when given explicitly.
    const unlimited = fitForest(X, labels, { trees: 2, maxLeaves: 0, seed: 1 });
    expect(JSON.stringify(unlimited.toJSON().trees)).toBe(JSON.stringify(fitForest(X, labels, { trees: 2, seed: 1 }).toJSON().trees));
    expect(() => fitForest(X, labels, { bootstrap: 'yes' })).toThrow(/"bootstrap" must be true or false/);
  });
});
