// Spawning pool workers as module Web Workers (the app, in Chromium or Electron). Takes a
// factory rather than a URL: bundlers only rewrite the literal
// `new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })` at the call site.
import { wrap } from 'comlink';
import type { SpawnWorker } from './types';

export function webWorkerSpawner<T>(create: () => Worker): SpawnWorker<T> {
  return () => {
    const worker = create();
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
