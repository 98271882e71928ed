// Spawning pool workers on Node's worker_threads. A TypeScript worker module is started from a
// tiny bootstrap that registers tsx's loader inside the thread first (on Node 20 `--import tsx`
// in a worker's execArgv does not reach the worker's own entry), so no build step is needed.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SpawnWorker } from './types';

function bootstrap(url: URL): string {
  // The ESM entry of tsx's API (require.resolve would give the CommonJS one).
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsxApi = new URL('dist/esm/api/index.mjs', pathToFileURL(tsxPackage)).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
}

export function nodeWorkerSpawner<T>(url: URL): SpawnWorker<T> {
  const isTypeScript = url.pathname.endsWith('.ts');
  const source = isTypeScript ? bootstrap(url) : url;
  return () => {
    const worker = new Worker(source, { eval: isTypeScript });
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

export function nodeCoreCount(): number {
  return Math.max(1, availableParallelism());
}
