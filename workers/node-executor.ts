// The tournament executor for Node (the CLI, benchmarks, tests): tournament workers on
// worker_threads, one per core unless told otherwise — and never more than the cores and the
// memory can carry: each worker is a V8 isolate with its own heap and its own copy of the table
// while it fits a pipeline, so `--workers 999` once grew to 11.7 GB and ran no faster than two.
import { freemem } from 'node:os';
import { createPoolExecutor, type PoolExecutor } from './pool-executor';
import { nodeCoreCount, nodeWorkerSpawner } from './pool/node';
import type { TournamentWorkerApi } from './tournament.worker';

/** A worker's own heap (isolate, loader, learners' working set) before any data. */
export const WORKER_BASE_BYTES = 160 * 2 ** 20;
/** Share of the free memory the workers may take between them. */
const MEMORY_SHARE = 0.5;

export interface MachineLimits {
  cores: number;
  /** Memory free for this process (the smaller of the machine's free memory and a cgroup limit). */
  freeBytes: number;
}

export interface WorkerBound {
  count: number;
  /** Why the requested count was lowered; absent when it was not. */
  note?: string;
}

export function machineLimits(): MachineLimits {
  const limit = process.constrainedMemory?.() ?? 0;
  const free = freemem();
  return { cores: nodeCoreCount(), freeBytes: limit > 0 ? Math.min(limit, free) : free };
}

/**
 * How many workers to start: the request (default: one per core), at most one per core (the fits
 * are CPU-bound, so more only share the same cores) and at most what half the free memory holds at
 * `perWorkerBytes` each; at least one.
 */
export function boundWorkerCount(requested: number | undefined, perWorkerBytes: number, machine: MachineLimits = machineLimits()): WorkerBound {
  const byMemory = Math.max(1, Math.floor((MEMORY_SHARE * machine.freeBytes) / perWorkerBytes));
  const count = Math.max(1, Math.min(requested ?? machine.cores, machine.cores, byMemory));
  if (requested === undefined || count === requested) return { count };
  const gib = (b: number) => `${(b / 2 ** 30).toFixed(1)} GB`;
  const why = count === machine.cores && machine.cores <= byMemory
    ? `${machine.cores} core${machine.cores > 1 ? 's' : ''}: more workers than cores only share them`
    : `${gib(machine.freeBytes)} free memory holds ${byMemory} worker${byMemory > 1 ? 's' : ''} of about ${gib(perWorkerBytes)} for this table`;
  return { count, note: `--workers ${requested} lowered to ${count} (${why})` };
}

/** Memory one worker needs for a table of `dataBytes` (its heap plus a copy of the table while it fits a pipeline). */
export function workerBytesFor(dataBytes: number): number {
  return WORKER_BASE_BYTES + 3 * dataBytes;
}

export function createNodeExecutor(size = nodeCoreCount()): PoolExecutor {
  return createPoolExecutor(nodeWorkerSpawner<TournamentWorkerApi>(new URL('./tournament.worker.ts', import.meta.url)), size);
}
