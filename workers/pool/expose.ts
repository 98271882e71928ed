// The worker side: exposes an API object over comlink from either a Web Worker or a Node
// worker thread, so one worker module serves both the app and the CLI.
import { expose } from 'comlink';

export async function exposeInWorker(api: object): Promise<void> {
  const isWebWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
  if (isWebWorker) {
    expose(api);
    return;
  }
  // Variable specifiers keep browser bundlers from trying to resolve Node modules.
  const threadsModule = 'node:worker_threads';
  const adapterModule = 'comlink/dist/esm/node-adapter.mjs';
  const { parentPort } = await import(/* @vite-ignore */ threadsModule);
  const { default: nodeEndpoint } = await import(/* @vite-ignore */ adapterModule);
  if (!parentPort) throw new Error('exposeInWorker must run inside a worker');
  expose(api, nodeEndpoint(parentPort));
}
