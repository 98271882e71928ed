import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { insightCharts, leaderboardChart } from './charts';
import type { TournamentInsights } from './insights';

const binary: TournamentInsights = {
  evaluatedOn: 'test',
  rows: 100,
  roc: { x: [0, 0.2, 1], y: [0, 0.7, 1] },
  pr: { x: [0, 0.5, 1], y: [1, 0.8, 0.4] },
  gains: { x: [0, 0.3, 1], y: [0, 0.6, 1] },
  lift: [{ bin: 1, count: 10, positives: 8, minScore: 0.8, maxScore: 0.99, rate: 0.8, lift: 2, cumulativeGain: 0.2, cumulativeLift: 2 }],
  reliability: {
    before: [{ lower: 0, upper: 0.5, count: 50, meanPredicted: 0.2, fractionPositive: 0.3 }],
    after: [{ lower: 0, upper: 0.5, count: 50, meanPredicted: 0.3, fractionPositive: 0.3 }],
  },
  confusion: { classes: ['no', 'yes'], matrix: [[40, 10], [5, 45]] },
  importance: { byFeature: [{ feature: 'x1', importance: 2 }], byColumn: [{ column: 'x', importance: 2 }] },
  aboveChance: { score: 0.8, baselineMean: 0.5, baselineQuantile95: 0.56, permutations: 199, pValue: 0.005, above: true },
};

describe('tournament charts', () => {
  it('produces valid Vega-Lite for every insight of a binary task', () => {
    const charts = insightCharts(binary);
    expect(Object.keys(charts).sort()).toEqual(['confusion', 'gains', 'importanceByColumn', 'importanceByFeature', 'lift', 'pr', 'reliability', 'roc']);
    for (const spec of Object.values(charts)) expect(() => compile(spec as never)).not.toThrow();
  });

  it('covers regression residuals and the leaderboard', () => {
    const charts = insightCharts({
      ...binary, roc: undefined, pr: undefined, gains: undefined, lift: undefined, reliability: undefined, confusion: undefined,
      residuals: { predicted: [1, 2], residual: [0.1, -0.2], histogram: [{ lower: -0.2, upper: 0, count: 1 }, { lower: 0, upper: 0.2, count: 1 }] },
    });
    expect(Object.keys(charts)).toContain('residuals');
    for (const spec of Object.values(charts)) expect(() => compile(spec as never)).not.toThrow();
    const board = leaderboardChart([{ id: 0, model: 'gbdt', params: {}, cvScore: 0.8, foldScores: [], fitSeconds: 1, origin: 'default', metrics: {} }], 'auroc');
    expect(() => compile(board as never)).not.toThrow();
  });
});
