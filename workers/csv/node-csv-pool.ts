// The CSV worker pool on Node's worker_threads (CLI, benchmarks, tests): one worker per core.
import { WorkerPool } from '../pool/pool';
import { nodeCoreCount, nodeWorkerSpawner } from '../pool/node';
import type { CsvWorkerApi } from '../csv-chunk.worker';

export function createNodeCsvPool(size = nodeCoreCount()): WorkerPool<CsvWorkerApi> {
  const pool = new WorkerPool<CsvWorkerApi>({ size, spawn: nodeWorkerSpawner<CsvWorkerApi>(new URL('../csv-chunk.worker.ts', import.meta.url)) });
  pool.warm();
  return pool;
}
