// Starts the helper thread a tree learner shares its large leaves with (Node worker_threads).
import { Worker } from 'node:worker_threads';
import type { TreeHelperPort } from '../kernels/learn/treelearner/tree-helper';
import { usableCores } from './pool/cores';
import { nodeWorkerEntry } from './pool/node-entry';

export interface TreeHelperThread {
  port: TreeHelperPort;
  close(): Promise<void>;
}

/**
 * A helper thread when `threads` (default: the cores this process can use, a container's CPU
 * quota counted) is at least 2, else null: one model then trains on one thread as before.
 */
export function startTreeHelper(threads = usableCores()): TreeHelperThread | null {
  if (threads < 2) return null;
  const worker = new Worker(nodeWorkerEntry(new URL('./tree-helper.worker.ts', import.meta.url)));
  worker.unref();
  return {
    port: worker,
    close: async () => {
      await worker.terminate();
    },
  };
}
