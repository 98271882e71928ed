// Which finished candidates the search keeps refit time for when it decides to stop.
import { describe, expect, it } from 'vitest';
import type { ModelFamily } from '../learn/model';
import { getMetric } from '../learn/metric';
import { Scoring } from './scoring';
import { byScore, rankRuns, runsToReserve, type CandidateRun } from './search-loop';

function run(id: number, family: ModelFamily, score: number, finished = true, tiebreak?: number): CandidateRun {
  return {
    candidate: { id, family, params: {}, origin: 'default' },
    results: [], remaining: 0, controller: new AbortController(), settled: true,
    done: Promise.resolve(), resolve: () => {},
    score,
    ...(tiebreak === undefined ? {} : { tiebreak }),
    ...(finished ? { entry: { id, model: family, params: {}, cvScore: score, foldScores: [], fitSeconds: 0.01, origin: 'default', metrics: {} } } : {}),
  } as CandidateRun;
}

describe('runsToReserve', () => {
  // Small data: five linear models lead, the forest and the GBDT an ensemble would blend in trail.
  const runs = [
    run(0, 'linear', 0.845), run(1, 'linear', 0.844), run(2, 'linear', 0.843), run(3, 'linear', 0.842), run(4, 'linear', 0.841),
    run(5, 'forest', 0.83), run(6, 'forest', 0.835), run(7, 'gbdt', 0.82), run(8, 'bayes', 0.9, false),
  ];

  it('keeps the best four, and with an ensemble the best of every other family', () => {
    expect(runsToReserve(runs, true).map((r) => r.candidate.id)).toEqual([0, 1, 2, 3, 6, 7]);
  });

  it('keeps only the best four without an ensemble, and never an unfinished run', () => {
    expect(runsToReserve(runs, false).map((r) => r.candidate.id)).toEqual([0, 1, 2, 3]);
    expect(runsToReserve([run(9, 'gbdt', 0.9, false)], true)).toEqual([]);
  });
});

describe('ranking', () => {
  it('breaks a tie of accuracy by log loss, not by which candidate came first (penguins)', () => {
    // Four rows of three classes: both candidates get the same three rows right, the first with
    // flat probabilities and a near-zero probability for the row it gets wrong.
    const y = Float64Array.of(0, 1, 2, 0);
    const folds = [{ train: Uint32Array.of(2, 3), valid: Uint32Array.of(0, 1) }, { train: Uint32Array.of(0, 1), valid: Uint32Array.of(2, 3) }];
    const scoring = new Scoring(getMetric('accuracy'), 'multiclass', 3, y, folds);
    const flat = Float64Array.of(0.4, 0.3, 0.3, 0.3, 0.4, 0.3, 0.3, 0.3, 0.4, 1e-9, 0.5, 0.5);
    const sharp = Float64Array.of(0.9, 0.05, 0.05, 0.05, 0.9, 0.05, 0.05, 0.05, 0.9, 0.3, 0.4, 0.3);
    expect(scoring.outOfFold(flat)).toBe(scoring.outOfFold(sharp));
    expect(scoring.tiebreak(scoring.metrics(scoring.y, sharp))).toBeGreaterThan(scoring.tiebreak(scoring.metrics(scoring.y, flat)));
    const first = run(1, 'forest', scoring.outOfFold(flat), true, scoring.tiebreak(scoring.metrics(scoring.y, flat)));
    const second = run(2, 'linear', scoring.outOfFold(sharp), true, scoring.tiebreak(scoring.metrics(scoring.y, sharp)));
    expect([first, second].sort(byScore).map((r) => r.candidate.id)).toEqual([2, 1]);
    // A better score still wins whatever its log loss.
    const better = run(3, 'gbdt', scoring.outOfFold(flat) + 0.25, true, -50);
    expect([first, second, better].sort(byScore).map((r) => r.candidate.id)).toEqual([3, 2, 1]);
  });

  it('has no tie-break for continuous metrics: equal scores keep the earlier candidate', () => {
    const y = Float64Array.of(0, 1);
    const scoring = new Scoring(getMetric('logloss'), 'binary', 2, y, [{ train: Uint32Array.of(1), valid: Uint32Array.of(0) }, { train: Uint32Array.of(0), valid: Uint32Array.of(1) }]);
    expect(scoring.tiebreak(scoring.metrics(scoring.y, Float64Array.of(0.2, 0.8)))).toBe(0);
    expect([run(5, 'linear', 0.5, true, 0), run(4, 'forest', 0.5, true, 0)].sort(byScore).map((r) => r.candidate.id)).toEqual([4, 5]);
  });

  it('puts the lowest log loss within one standard error of the best accuracy first (penguins seed 3)', () => {
    // 220 out-of-fold rows: one row is 0.0045 of accuracy; one standard error at 219 right is 0.0064.
    const y = new Float64Array(220);
    const scoring = new Scoring(getMetric('accuracy'), 'multiclass', 3, y, [{ train: new Uint32Array(0), valid: Uint32Array.from({ length: 220 }, (_, i) => i) }]);
    expect(scoring.noise(219 / 220)).toBeCloseTo(Math.sqrt((220 / 222) * (2 / 222) / 220), 12);
    expect(scoring.noise(1)).toBeGreaterThan(1 / 220 - 1e-4);
    const forest = run(174, 'forest', 219 / 220, true, -0.23);
    const gbdt = run(269, 'gbdt', 218 / 220, true, -0.023);
    const linear = run(46, 'linear', 218 / 220, true, -0.026);
    const far = run(5, 'bayes', 215 / 220, true, -0.01);
    expect(rankRuns([forest, far, linear, gbdt], scoring).map((r) => r.candidate.id)).toEqual([269, 46, 174, 5]);
    // Without the scoring (or for a continuous metric) the order is by score (ties by log loss).
    expect(rankRuns([forest, far, linear, gbdt]).map((r) => r.candidate.id)).toEqual([174, 269, 46, 5]);
    const auroc = new Scoring(getMetric('auroc'), 'binary', 2, y, [{ train: new Uint32Array(0), valid: Uint32Array.from({ length: 220 }, (_, i) => i) }]);
    expect(auroc.noise(0.9)).toBe(0);
    // The reserve for refits follows the same ranking.
    expect(runsToReserve([forest, far, linear, gbdt], false, scoring)[0].candidate.id).toBe(269);
  });
});
