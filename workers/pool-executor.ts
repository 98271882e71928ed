// The tournament's executor on a worker pool: every worker gets the prepared matrices once (as
// shared memory, so N workers do not mean N copies), then evaluates and refits candidates.
// Workers are spawned up front so their start-up overlaps the feature pipeline fits, and
// cancelling terminates them at once.
import type { TournamentExecutor } from '../kernels/tournament/executor';
import type { PreparedData } from '../kernels/tournament/prepare';
import { WorkerPool } from './pool/pool';
import type { SpawnWorker } from './pool/types';
import type { TournamentWorkerApi } from './tournament.worker';

export interface PoolExecutor extends TournamentExecutor {
  /** Workers alive, and jobs queued or running (both 0 after cancel + close). */
  readonly workerCount: number;
  readonly pendingJobs: number;
}

export function createPoolExecutor(spawn: SpawnWorker<TournamentWorkerApi>, size: number): PoolExecutor {
  let data: PreparedData | undefined;
  let provide: (d: PreparedData) => void = () => undefined;
  let ready = new Promise<PreparedData>((resolve) => (provide = resolve));
  const pool = new WorkerPool<TournamentWorkerApi>({
    size,
    spawn,
    init: async (api) => {
      await api.load(data ?? (await ready));
    },
  });
  pool.warm();
  return {
    parallelism: pool.size,
    get workerCount() {
      return pool.workerCount;
    },
    get pendingJobs() {
      return pool.pending;
    },
    async load(prepared) {
      if (data) {
        // New data: restart the workers so none keeps the old matrices.
        pool.cancelAll();
        pool.terminateIdle();
        ready = Promise.resolve(prepared);
      }
      data = prepared;
      provide(prepared);
    },
    evaluate: (request, signal) => pool.run((api) => api.evaluate(request), { signal }),
    refit: (request, signal) => pool.run((api) => api.refit(request), { signal }),
    cancel: () => pool.cancelAll(),
    close: () => pool.close(),
  };
}
