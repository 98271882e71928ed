// The tournament executor for Node (the CLI, benchmarks, tests): tournament workers on
// worker_threads, one per core unless told otherwise.
import { createPoolExecutor, type PoolExecutor } from './pool-executor';
import { nodeCoreCount, nodeWorkerSpawner } from './pool/node';
import type { TournamentWorkerApi } from './tournament.worker';

export function createNodeExecutor(size = nodeCoreCount()): PoolExecutor {
  return createPoolExecutor(nodeWorkerSpawner<TournamentWorkerApi>(new URL('./tournament.worker.ts', import.meta.url)), size);
}
