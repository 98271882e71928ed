// The worker side: exposes an API object over comlink from either a Web Worker or a Node
// worker thread, so one worker module serves both the app and the CLI.
import { expose } from 'comlink';
// Plain JavaScript with no imports of its own, so browser bundles carry it harmlessly, and a
// worker bundled into one module (workers/pool/node.ts) needs nothing resolved at run time.
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';

export async function exposeInWorker(api: object): Promise<void> {
  const isWebWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
  if (isWebWorker) {
    expose(api);
    return;
  }
  // A variable specifier keeps browser bundlers from trying to resolve a Node module.
  const threadsModule = 'node:worker_threads';
  const { parentPort } = (await import(/* @vite-ignore */ threadsModule)) as typeof import('node:worker_threads');
  if (!parentPort) throw new Error('exposeInWorker must run inside a worker');
  expose(api, nodeEndpoint(parentPort));
}
