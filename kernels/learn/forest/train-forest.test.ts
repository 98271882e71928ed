import { describe, expect, it } from 'vitest';
import { loadModel } from '../load-model';
import type { Matrix } from '../matrix';
import { auroc } from '../metric/auroc';
import { makeClassification, makeRegression } from '../tree/test-data';
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

  it('limits leaves and depth when asked and rejects bad parameters', () => {
    const { X, labels } = makeRegression(400, 24);
    const model = fitForest(X, labels, { trees: 3, maxLeaves: 6, maxDepth: 4 });
    for (const t of model.trees) {
      expect(t.nLeaves).toBeLessThanOrEqual(6);
      expect(t.maxDepth()).toBeLessThanOrEqual(4);
    }
    expect(() => fitForest(X, labels, { maxLeaves: 1 })).toThrow(/maxLeaves/);
    expect(() => fitForest(X, labels, { bootstrap: 'yes' })).toThrow(/"bootstrap" must be true or false/);
  });
});
