import { describe, expect, it } from 'vitest';
import { makeClassification } from '../../test/fixtures/tree-data';
import type { Matrix } from '../learn/matrix';
import { evaluateOnFold } from './candidate';
import type { PreparedData } from './prepare';

function rows(X: Matrix, from: number, to: number): Matrix {
  return { ...X, nRows: to - from, columns: X.columns.map((c) => c.subarray(from, to)) };
}

describe('evaluateOnFold', () => {
  const { X, labels } = makeClassification(1500, 3);
  const cut = 1200;
  const data = (validY: Float64Array): PreparedData => ({
    task: 'binary', nClasses: 2,
    folds: [{ train: rows(X, 0, cut), trainY: labels.y.subarray(0, cut), valid: rows(X, cut, 1500), validY }],
    refit: { X, y: labels.y },
  });
  const request = { candidateId: 1, family: 'gbdt' as const, params: { trees: 500, earlyStoppingRounds: 10, learningRate: 0.3 }, fold: 0, seed: 5 };

  it('a boosted candidate stops early on its training rows: the scored rows’ labels cannot change its predictions', () => {
    const validY = labels.y.slice(cut);
    const flipped = validY.map((v) => 1 - v);
    const a = evaluateOnFold(data(validY), request);
    const b = evaluateOnFold(data(flipped), request);
    expect(a.rounds).toBeGreaterThan(1);
    expect(a.rounds).toBeLessThan(500);
    expect(b.rounds).toBe(a.rounds);
    expect(Array.from(b.predictions)).toEqual(Array.from(a.predictions));
  });
});
