// The app's one kernel: a module Web Worker wired to the data worker for tables.
import { useSyncExternalStore } from 'react';
import { dataClient } from '../data';
import { KernelClient, type KernelStatus } from '../kernel/kernel-client';

let kernel: KernelClient | null = null;

export function appKernel(): KernelClient {
  kernel ??= new KernelClient({
    createWorker: () => new Worker(new URL('../../workers/kernel.worker.ts', import.meta.url), { type: 'module', name: 'tourney-kernel' }),
    connectData: (port) => dataClient.connectKernel(port),
    tableVersions: () => Object.fromEntries(dataClient.listTables().map((table) => [table.name, table.version])),
  });
  return kernel;
}

export function useKernelStatus(): KernelStatus {
  const client = appKernel();
  return useSyncExternalStore(client.subscribeStatus, client.getStatus);
}
