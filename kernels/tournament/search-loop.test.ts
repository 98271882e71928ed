// Which finished candidates the search keeps refit time for when it decides to stop.
import { describe, expect, it } from 'vitest';
import type { ModelFamily } from '../learn/model';
import { runsToReserve, type CandidateRun } from './search-loop';

function run(id: number, family: ModelFamily, score: number, finished = true): CandidateRun {
  return {
    candidate: { id, family, params: {}, origin: 'default' },
    results: [], remaining: 0, controller: new AbortController(), settled: true,
    done: Promise.resolve(), resolve: () => {},
    score,
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
