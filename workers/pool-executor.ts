// The tournament's executor on a worker pool. Feature pipelines are fitted in the workers too
// (their matrices come back as shared memory); the assembled matrices are then posted to each
// worker once, lazily before its first candidate — shared, so N workers do not mean N copies.
// Workers are spawned up front so their start-up overlaps the target checks and splits, and
// cancelling terminates them at once.
import type { Remote } from 'comlink';
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
  let version = 0;
  const loaded = new WeakMap<Remote<TournamentWorkerApi>, number>();
  const pool = new WorkerPool<TournamentWorkerApi>({ size, spawn });
  pool.warm();
  const withData = async (api: Remote<TournamentWorkerApi>): Promise<Remote<TournamentWorkerApi>> => {
    if (!data) throw new Error('the executor has no data: call load() first');
    if (loaded.get(api) !== version) {
      await api.load(data);
      loaded.set(api, version);
    }
    return api;
  };
  return {
    parallelism: pool.size,
    get workerCount() {
      return pool.workerCount;
    },
    get pendingJobs() {
      return pool.pending;
    },
    prepare: (input, job, signal) => pool.run((api) => api.prepare(input, job), { signal }),
    async load(prepared) {
      data = prepared;
      version++;
    },
    evaluate: (request, signal) => pool.run(async (api) => (await withData(api)).evaluate(request), { signal }),
    refit: (request, signal) => pool.run(async (api) => (await withData(api)).refit(request), { signal }),
    cancel: () => pool.cancelAll(),
    close: () => pool.close(),
  };
}
