import { afterAll, describe, expect, it } from 'vitest';
import { fitGbdt } from '../kernels/learn/gbdt/train-gbdt';
import type { Labels, Matrix } from '../kernels/learn/matrix';
import { HELPER_MIN_ROWS, type TreeHelperAttach, type TreeHelperPort } from '../kernels/learn/treelearner/tree-helper';
import { createRandom } from '../kernels/random/random';
import { makeClassification, makeRegression } from '../test/fixtures/tree-data';
import { startTreeHelper, type TreeHelperThread } from './tree-helper';

/** The fixture's columns plus eight more (noise, products, a column with holes): 11 features, 3 words a row. */
function widen({ X, labels }: { X: Matrix; labels: Labels }, seed: number): { X: Matrix; labels: Labels } {
  const random = createRandom(seed);
  const n = X.nRows;
  const a = X.columns[0];
  const b = X.columns[1];
  const extra = [
    Float64Array.from(a, (v, i) => v * b[i]),
    Float64Array.from(a, (v, i) => (i % 9 === 0 ? NaN : v + 0.1 * random())),
    ...Array.from({ length: 6 }, () => Float64Array.from({ length: n }, () => random())),
  ];
  const columns = [...X.columns, ...extra];
  return { X: { nRows: n, columns, featureNames: columns.map((_, j) => `f${j}`) }, labels };
}

function weighted({ X, labels }: { X: Matrix; labels: Labels }): { X: Matrix; labels: Labels } {
  return { X, labels: { ...labels, weights: Float64Array.from({ length: X.nRows }, (_, i) => 0.5 + (i % 5) / 4) } };
}

/** A port that counts what it forwards, and keeps the control block of the last learner it served. */
function countingPort(thread: TreeHelperThread): TreeHelperPort & { attaches: number; control: Int32Array | null } {
  const port = {
    attaches: 0,
    control: null as Int32Array | null,
    postMessage(message: TreeHelperAttach) {
      port.attaches++;
      port.control = new Int32Array(message.control, 0, 4);
      thread.port.postMessage(message);
    },
  };
  return port;
}

describe('GBDT with a helper thread', () => {
  const thread = startTreeHelper(2);
  afterAll(async () => {
    await thread?.close();
  });

  it('starts only with two threads', () => {
    expect(startTreeHelper(1)).toBeNull();
    expect(thread).not.toBeNull();
  });

  const cases: [string, () => { X: Matrix; labels: Labels }, Record<string, unknown>][] = [
    ['binary, exact gradients', () => widen(makeClassification(40_000, 3), 1), { trees: 6, maxLeaves: 31, quantizedGradients: false, lambdaL2: 1 }],
    ['binary, quantized gradients, bagging', () => widen(makeClassification(120_000, 4), 2), { trees: 4, maxLeaves: 31, quantizedGradients: true, baggingFraction: 0.7, baggingFreq: 1 }],
    ['multiclass (one learner, three trees a round)', () => widen(makeClassification(40_000, 5, 3), 3), { trees: 3, maxLeaves: 15 }],
    ['regression, depth-limited, weighted rows', () => weighted(widen(makeRegression(50_000, 6), 4)), { trees: 5, maxLeaves: 64, maxDepth: 4 }],
    ['huber', () => widen(makeRegression(30_000, 9), 7), { trees: 3, objective: 'huber', huberDelta: 0.5 }],
  ];
  for (const [name, data, params] of cases) {
    it(`${name}: the same model bit for bit, the helper doing part of the work`, () => {
      const { X, labels } = data();
      const alone = fitGbdt(X, labels, params);
      const port = countingPort(thread!);
      const helped = fitGbdt(X, labels, params, { helper: port });
      expect(port.attaches).toBe(1);
      // DONE counts the commands the helper answered (a detach included).
      expect(port.control![1]).toBeGreaterThan(10);
      expect(JSON.stringify(helped.toJSON())).toBe(JSON.stringify(alone.toJSON()));
    });
  }

  it('a small table trains alone (the handshake would cost more than it saves)', () => {
    const { X, labels } = widen(makeClassification(HELPER_MIN_ROWS - 1, 7), 5);
    const port = countingPort(thread!);
    fitGbdt(X, labels, { trees: 2 }, { helper: port });
    expect(port.attaches).toBe(0);
  });

  it('trees on a feature subset (no row-ordered learner) train alone', () => {
    const { X, labels } = widen(makeClassification(40_000, 8), 6);
    const port = countingPort(thread!);
    fitGbdt(X, labels, { trees: 2, featureFraction: 0.5 }, { helper: port });
    expect(port.attaches).toBe(0);
  });
});
