// A small pool of comlink workers: at most `size` jobs run at once, one per worker; the rest wait
// in order. Cancelling terminates workers outright (a busy learner never polls a flag), so every
// running job stops within milliseconds; fresh workers are spawned lazily for later jobs.
import type { Remote } from 'comlink';
import { CancelledError, type SpawnWorker, type WorkerHandle } from './types';

export interface PoolOptions<T> {
  size: number;
  spawn: SpawnWorker<T>;
  /** Runs once on every new worker before its first job (e.g. loading shared training data). */
  init?: (api: Remote<T>) => Promise<void>;
}

export interface RunOptions {
  signal?: AbortSignal;
}

type Job<T> = {
  work: (api: Remote<T>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
};

interface Slot<T> {
  handle: WorkerHandle<T>;
  ready: Promise<void>;
  job?: Job<T>;
}

export class WorkerPool<T> {
  readonly size: number;
  private readonly slots: Slot<T>[] = [];
  private readonly queue: Job<T>[] = [];
  private closed = false;

  constructor(private readonly options: PoolOptions<T>) {
    if (!(options.size >= 1)) throw new Error(`pool size must be at least 1, got ${options.size}`);
    this.size = Math.floor(options.size);
  }

  /** Jobs waiting plus jobs running. */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.job).length;
  }

  get workerCount(): number {
    return this.slots.length;
  }

  run<R>(work: (api: Remote<T>) => Promise<R>, options: RunOptions = {}): Promise<R> {
    if (this.closed) return Promise.reject(new CancelledError('the worker pool is closed'));
    if (options.signal?.aborted) return Promise.reject(new CancelledError());
    return new Promise<R>((resolve, reject) => {
      const job: Job<T> = { work, resolve: resolve as (v: unknown) => void, reject, signal: options.signal };
      if (job.signal) {
        job.onAbort = () => this.abort(job);
        job.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Starts every worker now (they run `init` right away), so later jobs do not wait for start-up. */
  warm(): void {
    while (!this.closed && this.slots.length < this.size) this.spawn();
  }

  /** Terminates workers that are not running a job (new ones are spawned when needed). */
  terminateIdle(): void {
    for (const slot of this.slots.filter((s) => !s.job)) {
      this.slots.splice(this.slots.indexOf(slot), 1);
      slot.handle.terminate();
    }
  }

  /** Cancels every queued and running job (running workers are terminated). The pool stays usable. */
  cancelAll(): void {
    const queued = this.queue.splice(0);
    for (const job of queued) this.settle(job, new CancelledError(), true);
    for (const slot of [...this.slots]) if (slot.job) this.kill(slot);
  }

  /** Cancels everything and refuses new jobs. */
  close(): void {
    this.closed = true;
    this.cancelAll();
    for (const slot of this.slots.splice(0)) slot.handle.terminate();
  }

  private abort(job: Job<T>): void {
    const q = this.queue.indexOf(job);
    if (q >= 0) {
      this.queue.splice(q, 1);
      this.settle(job, new CancelledError(), true);
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (slot) this.kill(slot);
  }

  private kill(slot: Slot<T>): void {
    const job = slot.job;
    slot.job = undefined;
    slot.handle.terminate();
    this.slots.splice(this.slots.indexOf(slot), 1);
    if (job) this.settle(job, new CancelledError(), true);
    this.dispatch();
  }

  /** A worker died by itself: its job fails with the worker's error, the slot is dropped. */
  private fail(slot: Slot<T>, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // terminated by us
    this.slots.splice(index, 1);
    const job = slot.job;
    slot.job = undefined;
    if (job) this.settle(job, error, true);
    this.dispatch();
  }

  private settle(job: Job<T>, value: unknown, failed: boolean): void {
    if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
    if (failed) job.reject(value);
    else job.resolve(value);
  }

  private dispatch(): void {
    while (this.queue.length && !this.closed) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const job = this.queue.shift()!;
      this.start(slot, job);
    }
  }

  private spawn(): Slot<T> {
    const handle = this.options.spawn();
    const init = this.options.init;
    const slot: Slot<T> = { handle, ready: init ? init(handle.api) : Promise.resolve() };
    slot.ready.catch(() => undefined); // reported through the job that awaits it
    handle.onFailure((error) => this.fail(slot, error));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot<T>, job: Job<T>): void {
    slot.job = job;
    slot.ready
      .then(() => job.work(slot.handle.api))
      .then(
        (value) => this.finish(slot, job, value, false),
        (error) => this.finish(slot, job, error, true),
      );
  }

  private finish(slot: Slot<T>, job: Job<T>, value: unknown, failed: boolean): void {
    if (slot.job !== job) return; // cancelled meanwhile: already settled
    slot.job = undefined;
    this.settle(job, value, failed);
    this.dispatch();
  }
}
