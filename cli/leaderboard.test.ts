import { describe, expect, it } from 'vitest';
import { candidateName, distinguishingParams, formatLeaderboard } from './leaderboard';

const entry = (id: number, model: string, params: Record<string, unknown>, cvScore = 0.8) => ({ id, model, params, cvScore, fitSeconds: 0.5 }) as never;

describe('the CLI leaderboard', () => {
  it('names candidates by id; the ensemble by its members', () => {
    expect(candidateName({ id: 3, model: 'forest' })).toBe('forest#3');
    expect(candidateName({ id: -1, model: 'ensemble' })).toBe('ensemble');
  });

  it('shows only the parameters that differ within a family', () => {
    const board = [
      entry(3, 'forest', { trees: 100, maxFeatures: 0.5, seed: 1 }),
      entry(7, 'forest', { trees: 300, maxFeatures: 0.5, seed: 1 }),
      entry(2, 'gbdt', { trees: 50, learningRate: 0.1 }),
      entry(-1, 'ensemble', { members: [{ id: 3, model: 'forest', weight: 0.75 }, { id: 2, model: 'gbdt', weight: 0.25 }] }),
    ];
    expect(distinguishingParams(board)).toEqual(['trees=100', 'trees=300', '', 'forest#3 0.75 + gbdt#2 0.25']);
  });

  it('rounds numbers and lines up the columns', () => {
    const lines = formatLeaderboard([entry(1, 'linear', { l2: 0.000123456 }, 0.91234), entry(12, 'linear', { l2: 3 }, 0.9)], 'auroc');
    expect(lines).toEqual([
      'rank  candidate  cv auroc   fit s  params',
      '   1  linear#1     0.9123    0.50  l2=0.000123',
      '   2  linear#12    0.9000    0.50  l2=3',
    ]);
  });
});
