import { describe, expect, it } from 'vitest';
import { binMatrix } from '../dataset/binned-dataset';
import { createRandom } from '../../random/random';
import { fitGbdt } from '../gbdt/train-gbdt';
import { auroc } from '../metric/auroc';
import { quantizationBits } from './quantize';
import { QUANTIZED_MIN_ROWS } from '../gbdt/params';
import { makeClassification, makeRegression } from '../../../test/fixtures/tree-data';
import { TreeLearner, type TreeLearnerParams } from './tree-learner';

const params: TreeLearnerParams = {
  maxLeaves: 16, maxDepth: 5, minDataInLeaf: 10, minSumHessianInLeaf: 1e-3, lambdaL1: 0, lambdaL2: 1, minSplitGain: 0,
  featureFractionByNode: 1, extraTrees: false, catL2: 10, catSmooth: 10, maxCatThreshold: 32,
};

describe('TreeLearner', () => {
  it('grows the same tree with row-ordered and column-wise histograms', () => {
    const { X, labels } = makeRegression(3000, 41);
    const data = binMatrix(X);
    const n = X.nRows;
    const grad = Float32Array.from(labels.y, (v) => -v);
    const hess = new Float32Array(n).fill(1);
    const features = Int32Array.of(0, 1);
    const bag = Uint32Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0);
    for (const rows of [null, bag]) {
      const nRows = rows ? rows.length : n;
      const a = new TreeLearner(data, { ...params, rowOrdered: false }).train(grad, hess, rows, nRows, features, createRandom(1));
      const b = new TreeLearner(data, { ...params, rowOrdered: true }).train(grad, hess, rows, nRows, features, createRandom(1));
      expect(b.splitFeature).toEqual(a.splitFeature);
      expect(b.threshold).toEqual(a.threshold);
      expect(b.leafCount).toEqual(a.leafCount);
      b.leafValue.forEach((v, l) => expect(v).toBeCloseTo(a.leafValue[l], 9));
    }
  });

  it('reports the rows of every leaf, each training row exactly once', () => {
    const { X, labels } = makeRegression(1000, 42);
    const data = binMatrix(X);
    for (const rowOrdered of [false, true]) {
      const learner = new TreeLearner(data, { ...params, rowOrdered, quantizedGradients: rowOrdered });
      const tree = learner.train(Float32Array.from(labels.y, (v) => -v), new Float32Array(1000).fill(1), null, 1000, Int32Array.of(0, 1), createRandom(2));
      const seen = new Uint8Array(1000);
      for (let l = 0; l < tree.nLeaves; l++) {
        const rows = learner.leafRows(l);
        expect(rows.length).toBe(tree.leafCount[l]);
        for (const r of rows) {
          seen[r]++;
          expect(tree.leafOf((f) => X.columns[f][r])).toBe(l);
        }
      }
      expect(seen.every((c) => c === 1)).toBe(true);
    }
  });
});

describe('quantized gradients', () => {
  it('budget bits by row count so packed sums stay exact', () => {
    expect(quantizationBits(1_000_000)).toEqual({ gBits: 6, hBits: 6 });
    expect(quantizationBits(100)).toEqual({ gBits: 15, hBits: 15 });
    expect(quantizationBits(2 ** 26)).toBeNull();
  });

  it('learn as well as exact gradients once there are enough rows to use them', () => {
    const { X, labels } = makeClassification(QUANTIZED_MIN_ROWS + 20_000, 43);
    const cut = QUANTIZED_MIN_ROWS;
    const train = { ...X, nRows: cut, columns: X.columns.map((c) => c.subarray(0, cut)) };
    const test = { ...X, nRows: X.nRows - cut, columns: X.columns.map((c) => c.subarray(cut)) };
    const trainLabels = { ...labels, y: labels.y.subarray(0, cut) };
    const fit = (quantizedGradients: boolean) => fitGbdt(train, trainLabels, { trees: 20, maxLeaves: 15, quantizedGradients });
    const exactModel = fit(false);
    const quantizedModel = fit(true);
    expect(JSON.stringify(quantizedModel.toJSON())).not.toBe(JSON.stringify(exactModel.toJSON()));
    const exact = auroc(labels.y.subarray(cut), exactModel.predict(test));
    const quantized = auroc(labels.y.subarray(cut), quantizedModel.predict(test));
    expect(exact).toBeGreaterThan(0.9);
    expect(Math.abs(quantized - exact)).toBeLessThan(0.005);
  });

  it('are not used below QUANTIZED_MIN_ROWS, where they cost accuracy and save little', () => {
    const { X, labels } = makeClassification(3000, 44);
    const fit = (quantizedGradients: boolean) => JSON.stringify(fitGbdt(X, labels, { trees: 10, maxLeaves: 15, quantizedGradients }).toJSON().trees);
    expect(fit(true)).toBe(fit(false));
  });
});
