import { describe, expect, it } from 'vitest';
import type { LeaderboardEntry } from '../../kernels/tournament/run-tournament';
import { confusionSpec, importanceSpec, liftSpec } from './charts';
import { entryNote, foldSpread, formatParams, formatScore, rankEntries } from './format';

const entry = (id: number, cvScore: number): LeaderboardEntry => ({
  id, model: 'gbdt', params: { trees: 100, learningRate: 0.123456 }, cvScore, foldScores: [], fitSeconds: 1, origin: 'default', metrics: {},
});

describe('AutoML view formatting', () => {
  it('ranks by the metric direction, ties in proposal order', () => {
    const list = [entry(2, 0.8), entry(0, 0.9), entry(1, 0.8)];
    expect(rankEntries(list, true).map((e) => e.id)).toEqual([0, 1, 2]);
    expect(rankEntries(list, false).map((e) => e.id)).toEqual([1, 2, 0]);
  });

  it('prints parameters short and ensembles by member', () => {
    expect(formatParams({ trees: 100, learningRate: 0.123456 })).toBe('trees 100 · learningRate 0.123');
    expect(formatParams({ members: [{ id: 3, model: 'gbdt', weight: 0.75 }, { id: 5, model: 'linear', weight: 0.25 }] })).toBe('gbdt#3 ×0.75 + linear#5 ×0.25');
    expect(formatScore(0.81234)).toBe('0.8123');
    expect(formatScore(Number.NaN)).toBe('—');
    expect(foldSpread([1, 3])).toBeCloseTo(Math.SQRT2, 12);
    expect(foldSpread([1])).toBeNaN();
  });

  it('builds chart specs from insights: one cell per class pair, top-N importance bars', () => {
    const spec = confusionSpec({ classes: ['a', 'b', 'c'], matrix: [[5, 1, 0], [2, 7, 1], [0, 0, 9]] });
    const values = (spec.data as { values: { actual: string; predicted: string; count: number }[] }).values;
    expect(values).toHaveLength(9);
    expect(values.find((v) => v.actual === 'b' && v.predicted === 'a')?.count).toBe(2);
    const bars = importanceSpec('x', Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, value: i })), 5);
    expect((bars.data as { values: { name: string }[] }).values.map((v) => v.name)).toEqual(['f29', 'f28', 'f27', 'f26', 'f25']);
  });

  it('charts lift per decile', () => {
    const spec = liftSpec([
      { bin: 1, count: 10, positives: 8, minScore: 0.5, maxScore: 1, rate: 0.8, lift: 1.6, cumulativeGain: 0.8, cumulativeLift: 1.6 },
      { bin: 2, count: 10, positives: 2, minScore: 0, maxScore: 0.5, rate: 0.2, lift: 0.4, cumulativeGain: 1, cumulativeLift: 1 },
    ]);
    const layer = (spec.layer as { data: { values: { decile: number; lift: number }[] } }[])[0];
    expect(layer.data.values).toEqual([{ decile: 1, lift: 1.6 }, { decile: 2, lift: 0.4 }]);
  });

  it('says when a candidate was cut short by the budget, and nothing for a finished one', () => {
    expect(entryNote(entry(1, 0.8))).toBeUndefined();
    expect(entryNote({ ...entry(2, 0.7), truncated: true, rounds: 41.6 })).toBe('cut short by the time budget after 42 boosting rounds: its score understates this configuration');
  });
});
