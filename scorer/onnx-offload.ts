// An onnxruntime-node session on a worker thread, for big runs. onnxruntime-node's run() blocks
// the thread that calls it, so a 10,000-row batch scored on the event loop leaves every other step
// of the request (validating the next rows, writing the last rows' predictions, monitoring) waiting
// for the model. Scored here, the model runs while the event loop works on the rest of the batch:
// the two overlap on two cores. Runs are answered in the order they were sent.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface OffloadedSession {
  /** False once the worker has stopped (crashed or released): runs then reject. */
  readonly alive: boolean;
  /** The output tensor's values for `rows` × `features` row-major doubles (the buffer is moved). */
  run(input: Float64Array, rows: number, features: number): Promise<Float64Array>;
  release(): Promise<void>;
}

// Plain JavaScript evaluated in the worker (no bundling, no TypeScript at run time there).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ort = require(workerData.runtime);
ort.InferenceSession.create(workerData.bytes, { intraOpNumThreads: workerData.threads, interOpNumThreads: 1, executionMode: 'sequential' }).then((session) => {
  parentPort.on('message', ({ id, input, rows, features, release }) => {
    if (release) {
      // The session is released here, before the thread ends: a session still open while the
      // thread is torn down made onnxruntime abort the whole process.
      Promise.resolve(session.release()).finally(() => parentPort.close());
      return;
    }
    try {
      session.run({ [workerData.input]: new ort.Tensor('float64', input, [rows, features]) }, [workerData.output]).then((out) => {
        const values = out[workerData.output].data;
        parentPort.postMessage({ id, values }, [values.buffer]);
      }, (err) => parentPort.postMessage({ id, error: String(err && err.message || err) }));
    } catch (err) {
      parentPort.postMessage({ id, error: String(err && err.message || err) });
    }
  });
  parentPort.postMessage({ ready: true });
}, (err) => parentPort.postMessage({ ready: false, error: String(err && err.message || err) }));
`;

/** How long release() waits for the thread to end by itself before terminating it. */
const RELEASE_TIMEOUT_MS = 5000;

export interface OffloadOptions {
  /** Intra-op threads of the worker's session. */
  threads: number;
  /** The model's input and output names. */
  input: string;
  output: string;
}

/** Starts the worker and resolves once its session is created (rejects with onnxruntime's reason). */
export async function createOffloadedSession(bytes: Uint8Array, options: OffloadOptions): Promise<OffloadedSession> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { runtime: onnxRuntimeEntry(), bytes, threads: options.threads, input: options.input, output: options.output },
  });
  const pending = new Map<number, { resolve(v: Float64Array): void; reject(e: Error): void }>();
  let nextId = 0;
  let failed: Error | null = null;
  const failAll = (err: Error) => {
    failed = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (m: { ready: boolean; error?: string }) => (m.ready ? resolve() : reject(new Error(m.error))));
      worker.once('error', reject);
    });
  } catch (err) {
    await worker.terminate();
    throw err;
  }
  worker.on('message', (m: { id: number; values?: Float64Array; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.values) p.resolve(m.values);
    else p.reject(new Error(m.error));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the scoring thread stopped (exit code ${code})`)));
  // An idle worker must not keep the process alive after the server closes.
  worker.unref();
  return {
    get alive() {
      return failed === null;
    },
    run(input, rows, features) {
      if (failed) return Promise.reject(failed);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, input, rows, features }, [input.buffer as ArrayBuffer]);
      });
    },
    async release() {
      worker.removeAllListeners('exit');
      failAll(new Error('the scoring thread was released'));
      // Ask the thread to release its session and end; terminate it only if it does not.
      const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ release: true });
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), RELEASE_TIMEOUT_MS); });
      if ((await Promise.race([ended, late])) === 'late') await worker.terminate();
      clearTimeout(timer);
    },
  };
}

/** Where onnxruntime-node's entry file is, for the worker to require. */
function onnxRuntimeEntry(): string {
  // The bundle's server.js is CommonJS (require.resolve); tsx, vitest and dist/cli are ES modules
  // (esbuild's ESM output may define a `require` without `resolve`).
  return typeof require === 'function' && typeof require.resolve === 'function' ? require.resolve('onnxruntime-node') : fileURLToPath(import.meta.resolve('onnxruntime-node'));
}
