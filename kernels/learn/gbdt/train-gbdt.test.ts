import { describe, expect, it } from 'vitest';
import { loadModel } from '../load-model';
import type { Matrix } from '../matrix';
import { auroc } from '../metric/auroc';
import { makeClassification, makeRegression } from '../tree/test-data';
import { fitGbdt } from './train-gbdt';

function subset(X: Matrix, from: number, to: number): Matrix {
  return { ...X, nRows: to - from, columns: X.columns.map((c) => c.subarray(from, to)) };
}

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

  it('rejects unknown and invalid parameters and bad labels with clear messages', () => {
    const { X, labels } = makeRegression(50, 16);
    expect(() => fitGbdt(X, labels, { maxLeafs: 4 })).toThrow(/unknown gbdt parameter "maxLeafs"/);
    expect(() => fitGbdt(X, labels, { learningRate: -1 })).toThrow(/"learningRate" must be positive/);
    expect(() => fitGbdt(X, labels, { bins: 300 })).toThrow(/"bins" must be an integer from 2 to 255/);
    expect(() => fitGbdt(X, { task: 'binary', y: labels.y })).toThrow(/label of row 1/);
  });
});
