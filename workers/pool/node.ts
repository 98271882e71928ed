// Spawning pool workers on Node's worker_threads, behind comlink (entry points: node-entry.ts).
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SpawnWorker } from './types';
import { nodeWorkerEntry } from './node-entry';
import { usableCores } from './cores';

export function nodeWorkerSpawner<T>(url: URL): SpawnWorker<T> {
  const entry = nodeWorkerEntry(url);
  return () => {
    const worker = new Worker(entry);
    // An idle pool must not keep the process alive; the pool owns the lifetime explicitly.
    worker.unref();
    return {
      api: wrap<T>(nodeEndpoint(worker)),
      terminate: () => void worker.terminate(),
      onFailure: (listener) => {
        worker.on('error', listener);
        worker.on('exit', (code) => listener(new Error(`worker exited with code ${code}`)));
      },
    };
  };
}

/** The cores this process can use (a container's CPU quota counts, see cores.ts). */
export function nodeCoreCount(): number {
  return usableCores();
}
