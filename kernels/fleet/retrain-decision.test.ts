import { describe, expect, it } from 'vitest';
import { decideRetrain } from './retrain-decision';

const scores = (champion: number, challenger: number, margin: number, higherIsBetter = true) => ({
  metric: higherIsBetter ? 'auroc' : 'rmse', higherIsBetter, champion: { version: 1, score: champion }, challenger: { version: 2, score: challenger }, rows: 100, margin,
});

describe('decideRetrain', () => {
  it('promotes only a challenger better by the margin', () => {
    expect(decideRetrain(scores(0.7, 0.75, 0.01)).promote).toBe(true);
    expect(decideRetrain(scores(0.7, 0.705, 0.01)).promote).toBe(false);
    expect(decideRetrain(scores(0.7, 0.69, 0)).promote).toBe(false);
    expect(decideRetrain(scores(0.7, 0.7, 0)).promote).toBe(false);
  });
  it('reads lower-is-better metrics the other way round', () => {
    expect(decideRetrain(scores(2, 1.5, 0.1, false))).toMatchObject({ promote: true, gain: 0.5 });
  });
  it('writes both scores and the decision into the note', () => {
    expect(decideRetrain(scores(0.7, 0.75, 0.01)).note).toBe('retrain: promoted challenger v2 over champion v1: auroc challenger 0.7500 vs champion 0.7000 on 100 fresh held-out rows (gain +0.0500, margin 0.0100)');
    expect(decideRetrain(scores(0.7, 0.6, 0.01)).note).toMatch(/^retrain: kept champion v1 over challenger v2: .*gain -0.1000/);
  });
});
