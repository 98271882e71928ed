import { describe, expect, it } from 'vitest';
import { runTournament } from '../kernels/tournament/run-tournament';
import { syntheticBinaryTable } from '../test/fixtures/tournament-data';
import { createNodeExecutor } from './node-executor';

const models = ['gbdt', 'linear', 'bayes'] as ('gbdt' | 'linear' | 'bayes')[];
/** Small boosted models keep these tests fast; the scheduling is the same. */
const searchSpace = { gbdt: { fixed: { trees: 60, earlyStoppingRounds: 10 } } };

describe('the tournament on a worker_threads pool', () => {
  it('uses two workers, and the same seed gives the same leaderboard and model', async () => {
    const table = syntheticBinaryTable(300, 21);
    const settings = { target: 'target', models, searchSpace, timeBudgetSeconds: 120, maxCandidates: 5, seed: 4 };
    const runOnce = async () => {
      const executor = createNodeExecutor(2);
      try {
        const r = await runTournament(table, settings, executor);
        expect(executor.workerCount).toBe(2);
        return r;
      } finally {
        executor.close();
      }
    };
    const a = await runOnce();
    const b = await runOnce();
    expect(a.leaderboard.map((e) => [e.id, e.cvScore])).toEqual(b.leaderboard.map((e) => [e.id, e.cvScore]));
    expect(JSON.stringify(a.model)).toBe(JSON.stringify(b.model));
  });

  it('cancelling stops every worker within a second', async () => {
    const table = syntheticBinaryTable(800, 22);
    const executor = createNodeExecutor(2);
    const controller = new AbortController();
    let abortedAt = 0;
    const running = runTournament(table, { target: 'target', models, timeBudgetSeconds: 120, seed: 1 }, executor, {
      // Default (large) boosted models, so workers are busy when the cancel comes.
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'searching' && p.candidatesFinished >= 1 && !abortedAt) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    await expect(running).rejects.toThrow(/cancelled/);
    expect(performance.now() - abortedAt).toBeLessThan(1000);
    expect(executor.pendingJobs).toBe(0);
    executor.close();
    expect(executor.workerCount).toBe(0);
  });

  it('keeps wall time within the budget + 10%', async () => {
    const table = syntheticBinaryTable(2000, 23);
    const executor = createNodeExecutor(2);
    try {
      const started = performance.now();
      const r = await runTournament(table, { target: 'target', models, searchSpace, timeBudgetSeconds: 5, seed: 2 }, executor);
      const seconds = (performance.now() - started) / 1000;
      expect(r.candidatesEvaluated).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(5.5);
    } finally {
      executor.close();
    }
  });
});
