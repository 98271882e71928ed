// The final phase's guard on multiclass blends: chosen by accuracy, a blend must not bring worse
// probabilities than the single candidate that would ship instead.
import { describe, expect, it } from 'vitest';
import { createRandom, TOURNAMENT_STREAM } from '../random/random';
import { worseProbabilities } from './finalize';

const n = 600;
const k = 4;
const random = createRandom(3, TOURNAMENT_STREAM);
const y = Float64Array.from({ length: n }, () => Math.floor(random() * k));
/** Probabilities with the true class on top (wrong on every 12th row), `top` of the mass on the top class. */
function predictions(top: number): Float64Array {
  const p = new Float64Array(n * k).fill((1 - top) / (k - 1));
  for (let i = 0; i < n; i++) p[i * k + (i % 12 === 0 ? (y[i] + 1) % k : y[i])] = top;
  return p;
}

describe('worseProbabilities', () => {
  it('refuses a blend whose log loss is worse even after temperature scaling, not one that is as good', () => {
    const single = predictions(0.9);
    // The same top classes, but half the rows blurred and half not: one temperature cannot undo it.
    const blurred = predictions(0.9);
    for (let i = 1; i < n; i += 2) for (let c = 0; c < k; c++) blurred[i * k + c] = 1 / k + (blurred[i * k + c] - 1 / k) * 0.05;
    expect(worseProbabilities(single, blurred, y, k)).toBe(true);
    expect(worseProbabilities(single, predictions(0.9), y, k)).toBe(false);
    // Uniformly flatter probabilities are what temperature scaling fixes: not refused.
    expect(worseProbabilities(single, predictions(0.6), y, k)).toBe(false);
  });
});
