// Spawning pool workers as module Web Workers (the app, in Chromium or Electron).
import { wrap } from 'comlink';
import type { SpawnWorker } from './types';

export function webWorkerSpawner<T>(url: URL): SpawnWorker<T> {
  return () => {
    const worker = new Worker(url, { type: 'module' });
    return {
      api: wrap<T>(worker),
      terminate: () => worker.terminate(),
      onFailure: (listener) => {
        worker.addEventListener('error', (event) => listener(new Error(event.message || 'worker failed to start')));
      },
    };
  };
}

export function webCoreCount(): number {
  return Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 2);
}
