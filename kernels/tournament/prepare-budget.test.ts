import { describe, expect, it } from 'vitest';
import { createInlineExecutor, type TournamentExecutor } from './executor';
import { orderJobs, prepareWithinBudget, settle } from './prepare-budget';
import type { PreparedPart, PrepareInput, PrepareJob, RowPlan } from './prepare';

const rows = (n: number, from = 0) => Uint32Array.from({ length: n }, (_, i) => from + i);
const plan: RowPlan = {
  train: rows(80), test: rows(20, 80), search: rows(80),
  folds: [0, 1, 2].map((f) => ({ train: rows(60), valid: rows(20, f * 20) })),
};
const jobs: PrepareJob[] = [{ kind: 'fold', fold: 0 }, { kind: 'fold', fold: 1 }, { kind: 'fold', fold: 2 }, { kind: 'refit' }, { kind: 'final' }];
const part = (job: PrepareJob): PreparedPart => ({ job });

/** An executor whose pipeline fits finish when the test says so (an essential one at once). */
function controlledExecutor(instant: (job: PrepareJob) => boolean): TournamentExecutor & { started: PrepareJob[] } {
  const started: PrepareJob[] = [];
  return {
    ...createInlineExecutor(),
    parallelism: 2,
    started,
    prepare(_input, job, signal) {
      started.push(job);
      if (instant(job)) return Promise.resolve(part(job));
      return new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('cancelled')), { once: true }));
    },
  };
}

describe('pipeline fits within the budget', () => {
  it('starts the first fold and the training rows first', () => {
    expect(orderJobs(jobs).map((j) => (j.kind === 'fold' ? `fold${j.fold}` : j.kind))).toEqual(['fold0', 'refit', 'fold1', 'fold2', 'final']);
  });

  it('keeps every fold when all fits are done', () => {
    const settled = settle(plan, jobs.map(part));
    expect(settled.plan).toBe(plan);
    expect(settled.notes).toEqual([]);
  });

  it('falls back to the first fold as a holdout, and to the training-rows refit, saying so', () => {
    const settled = settle(plan, [part({ kind: 'fold', fold: 0 }), part({ kind: 'fold', fold: 2 }), part({ kind: 'refit' })]);
    expect(settled.plan.folds).toEqual([plan.folds[0]]);
    expect(settled.parts.map((p) => p.job.kind === 'fold' ? p.job.fold : p.job.kind)).toEqual([0, 'refit']);
    expect(settled.notes).toEqual([
      'out of time fitting the feature pipeline in 3 folds: candidates are validated on one holdout (the first fold) instead',
      'out of time fitting the feature pipeline on every row: the model that ships is the one refitted on the training rows',
    ]);
  });

  it('cancels the optional fits still running when the preparation share of the budget is spent', async () => {
    const executor = controlledExecutor((job) => job.kind === 'refit' || (job.kind === 'fold' && job.fold === 0));
    let now = 0;
    const done = await prepareWithinBudget(executor, { plan } as PrepareInput, jobs, { prepareBy: 10, clock: () => (now += 20) });
    expect(executor.started).toHaveLength(5);
    expect(done.plan.folds).toHaveLength(1);
    expect(done.notes).toHaveLength(2);
  });

  it('a cancelled tournament is not mistaken for time running out', async () => {
    const executor = controlledExecutor(() => false);
    const controller = new AbortController();
    const running = prepareWithinBudget(executor, { plan } as PrepareInput, jobs, { prepareBy: Infinity, clock: () => 0, signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toThrow(/cancel/);
  });
});
