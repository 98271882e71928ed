import { describe, expect, it } from 'vitest';
import { binaryLogloss } from './binary-logloss';
import { huber } from './huber';
import { multiclassSoftmax } from './multiclass-softmax';
import type { Objective } from './objective';
import { regressionL2 } from './regression-l2';

// Per-row loss (unweighted, one row): mean loss over a single-row problem.
function rowLoss(obj: Objective, y: number, scores: number[]): number {
  const K = obj.nOutputs;
  const s = new Float64Array(K);
  for (let k = 0; k < K; k++) s[k] = scores[k];
  return obj.loss(Float64Array.of(y), s);
}

function checkDerivatives(obj: Objective, y: number, scores: number[], { checkHessian = true } = {}): void {
  const K = obj.nOutputs;
  const grad = new Float32Array(K);
  const hess = new Float32Array(K);
  obj.gradients(Float64Array.of(y), Float64Array.from(scores), undefined, grad, hess);
  const eps = 1e-4;
  for (let k = 0; k < K; k++) {
    const up = scores.slice();
    const down = scores.slice();
    up[k] += eps;
    down[k] -= eps;
    const f0 = rowLoss(obj, y, scores);
    const fUp = rowLoss(obj, y, up);
    const fDown = rowLoss(obj, y, down);
    expect(grad[k]).toBeCloseTo((fUp - fDown) / (2 * eps), 4);
    if (checkHessian) expect(hess[k]).toBeCloseTo((fUp - 2 * f0 + fDown) / (eps * eps), 2);
  }
}

describe('objectives', () => {
  it('binary logloss gradient and hessian match finite differences', () => {
    for (const [y, s] of [[0, -1.3], [1, 0.2], [1, 2.5], [0, 0]]) checkDerivatives(binaryLogloss, y, [s]);
  });

  it('softmax gradient and diagonal hessian match finite differences', () => {
    const obj = multiclassSoftmax(3);
    checkDerivatives(obj, 0, [0.1, -0.5, 0.7]);
    checkDerivatives(obj, 2, [1.5, 0.3, -2]);
  });

  it('L2 gradient and hessian match finite differences', () => {
    checkDerivatives(regressionL2, 3, [1.25]);
    checkDerivatives(regressionL2, -2, [4]);
  });

  it('Huber gradient matches everywhere; hessian is exact on the quadratic part and 1 beyond', () => {
    const obj = huber(1.5);
    checkDerivatives(obj, 2, [2.7]); // |r| < delta
    checkDerivatives(obj, 2, [6], { checkHessian: false }); // linear part
    const grad = new Float32Array(1);
    const hess = new Float32Array(1);
    obj.gradients(Float64Array.of(2), Float64Array.of(6), undefined, grad, hess);
    expect(grad[0]).toBeCloseTo(1.5);
    expect(hess[0]).toBe(1);
  });

  it('weights scale gradients and hessians', () => {
    const grad = new Float32Array(2);
    const hess = new Float32Array(2);
    binaryLogloss.gradients(Float64Array.of(1, 1), Float64Array.of(0, 0), Float64Array.of(1, 3), grad, hess);
    expect(grad[1]).toBeCloseTo(3 * grad[0]);
    expect(hess[1]).toBeCloseTo(3 * hess[0]);
  });

  it('initial scores reproduce the label average', () => {
    const y = Float64Array.of(0, 1, 1, 1);
    expect(1 / (1 + Math.exp(-binaryLogloss.initScores(y)[0]))).toBeCloseTo(0.75);
    const soft = multiclassSoftmax(3);
    const init = soft.initScores(Float64Array.of(0, 1, 1, 2, 2, 2));
    const p = soft.transform(Float64Array.from(init), 1);
    expect(Array.from(p)).toEqual([expect.closeTo(1 / 6), expect.closeTo(2 / 6), expect.closeTo(3 / 6)]);
    expect(regressionL2.initScores(Float64Array.of(1, 2, 6))[0]).toBeCloseTo(3);
    expect(huber().initScores(Float64Array.of(1, 2, 600))[0]).toBe(2);
  });
});
