// What the pool needs from one worker, whatever runs it (worker_threads in Node, Web Workers in
// the app): a comlink proxy to call, and a way to stop it now.
import type { Remote } from 'comlink';

export interface WorkerHandle<T> {
  api: Remote<T>;
  /** Stops the worker immediately, whatever it is doing (this is how jobs are cancelled). */
  terminate(): void;
  /** Calls `listener` if the worker dies on its own (uncaught error, failed start, exit). */
  onFailure(listener: (error: Error) => void): void;
}

/** Starts one worker running the module at `url`. */
export type SpawnWorker<T> = () => WorkerHandle<T>;

/** Raised for jobs that were cancelled (pool cancelled, closed, or the job's signal aborted). */
export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}
