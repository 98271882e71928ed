// Spawning pool workers on Node's worker_threads. The built CLI passes plain JavaScript workers
// (dist/cli/workers/*.mjs, made ahead of time by scripts/build-cli.js), which start directly.
// Run from sources (tests, `node --import tsx`), a TypeScript worker is bundled once per process
// by esbuild, in memory, and started from a data: URL: each thread starts in tens of milliseconds
// instead of transpiling the kernels file by file, and nothing is written to disk.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SpawnWorker } from './types';

const bundles = new Map<string, URL>();

/** A TypeScript worker and everything it imports as one self-contained ES module. */
function bundleFromSources(url: URL): URL {
  let bundled = bundles.get(url.href);
  if (!bundled) {
    // Loaded only here: the built CLI never bundles at run time.
    const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    const result = esbuild.buildSync({ entryPoints: [fileURLToPath(url)], bundle: true, format: 'esm', platform: 'node', target: 'node20', write: false, logLevel: 'silent' });
    bundled = new URL(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].contents).toString('base64')}`);
    bundles.set(url.href, bundled);
  }
  return bundled;
}

export function nodeWorkerSpawner<T>(url: URL): SpawnWorker<T> {
  const entry = url.pathname.endsWith('.ts') ? bundleFromSources(url) : url;
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

export function nodeCoreCount(): number {
  return Math.max(1, availableParallelism());
}
