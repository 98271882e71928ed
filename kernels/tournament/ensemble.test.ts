import { describe, expect, it } from 'vitest';
import { auroc } from '../learn/metric';
import { blend, selectEnsemble } from './ensemble';
import { createRandom, normal, TOURNAMENT_STREAM } from '../random/random';

function data(n: number, seed: number) {
  const random = createRandom(seed, TOURNAMENT_STREAM);
  const y = new Float64Array(n);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const signal = normal(random);
    y[i] = random() < 1 / (1 + Math.exp(-2 * signal)) ? 1 : 0;
    // Two predictors that see the same signal through independent noise: averaging helps.
    a[i] = 1 / (1 + Math.exp(-(signal + normal(random))));
    b[i] = 1 / (1 + Math.exp(-(signal + normal(random))));
  }
  return { y, a, b };
}

describe('selectEnsemble', () => {
  it('blends complementary candidates when that beats the best single one', () => {
    const { y, a, b } = data(3000, 1);
    const selection = selectEnsemble([a, b], (p) => auroc(y, p));
    expect(selection.members.length).toBe(2);
    expect(selection.score).toBeGreaterThan(selection.bestSingleScore + 0.005);
    const blended = blend([a, b], [0.5, 0.5]);
    expect(blended[0]).toBeCloseTo((a[0] + b[0]) / 2, 12);
  });

  it('keeps the single best when another candidate adds nothing', () => {
    const { y, a } = data(3000, 2);
    const useless = Float64Array.from(a, (_, i) => (i * 7919) % 1000 / 1000);
    const selection = selectEnsemble([useless, a], (p) => auroc(y, p));
    expect(selection.members).toEqual([{ index: 1, weight: 1 }]);
    expect(selection.score).toBe(selection.bestSingleScore);
  });

  it('weights sum to one', () => {
    const { y, a, b } = data(500, 3);
    const c = Float64Array.from(a, (v, i) => (v + b[i]) / 2);
    const { members } = selectEnsemble([a, b, c], (p) => auroc(y, p));
    expect(members.reduce((s, m) => s + m.weight, 0)).toBeCloseTo(1, 12);
  });
});
