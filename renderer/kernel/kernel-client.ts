// The main thread's handle on the code-cell kernel worker: one job at a time (cells run in
// order), outputs forwarded as they arrive, and interrupt = terminate the worker and start a
// fresh one (state is lost; the notebook and the tables, which live in the data worker, stay).
import { wrap, transfer, type Remote } from 'comlink';
import { isKernelOutputMessage, type ChartRequest, type ExecuteReply, type KernelApi, type MaterializedChart } from '../../workers/kernel/api';
import type { CellOutput } from '../../workers/kernel/outputs';

export type KernelStatus = 'starting' | 'idle' | 'busy' | 'failed';

/** Rejects every job that was queued or running when the kernel was interrupted. */
export class KernelInterruptedError extends Error {
  constructor() {
    super('the kernel was interrupted');
    this.name = 'KernelInterruptedError';
  }
}

export interface KernelWorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  terminate(): void;
}

export interface KernelClientOptions {
  createWorker: () => KernelWorkerLike;
  /** Gives the data worker one end of a port for the kernel's table requests. */
  connectData?: (port: MessagePort) => void;
  /** The tables the data worker holds now (name -> version), read as each job starts. */
  tableVersions?: () => Record<string, number>;
}

interface Job {
  start: (api: Remote<KernelApi>, tables: Record<string, number>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type OutputListener = (cellId: string, output: CellOutput) => void;

export class KernelClient {
  private worker: KernelWorkerLike | null = null;
  private api: Remote<KernelApi> | null = null;
  private queue: Job[] = [];
  private running: Job | null = null;
  private generation = 0;
  /** Why the worker could not start (its script failed to load); cleared by a restart. */
  private failure: string | null = null;
  private currentStatus: KernelStatus = 'starting';
  private readonly outputListeners = new Set<OutputListener>();
  private readonly statusListeners = new Set<() => void>();

  constructor(private readonly options: KernelClientOptions) {
    this.start();
  }

  get status(): KernelStatus {
    return this.currentStatus;
  }

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  getStatus = (): KernelStatus => this.currentStatus;

  onOutput(listener: OutputListener): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  /** Runs a cell after the jobs before it; `onStart` fires when it actually begins. */
  execute(cellId: string, source: string, onStart?: () => void): Promise<ExecuteReply> {
    return this.enqueue((api, tables) => {
      onStart?.();
      return api.execute({ cellId, source, tables });
    }) as Promise<ExecuteReply>;
  }

  chartData(request: Omit<ChartRequest, 'tables'>): Promise<MaterializedChart> {
    return this.enqueue((api, tables) => api.chartData({ ...request, tables })) as Promise<MaterializedChart>;
  }

  /** Stops whatever runs (even `while (true) {}`): a fresh worker replaces the old one. */
  interrupt(): void {
    const pending = [...(this.running ? [this.running] : []), ...this.queue];
    this.queue = [];
    this.running = null;
    this.worker?.terminate();
    this.start();
    for (const job of pending) job.reject(new KernelInterruptedError());
  }

  dispose(): void {
    this.generation++;
    this.worker?.terminate();
    this.worker = null;
    for (const job of this.queue) job.reject(new KernelInterruptedError());
    this.queue = [];
  }

  private start(): void {
    const generation = ++this.generation;
    this.failure = null;
    const worker = this.options.createWorker();
    let ready = false;
    // Before it is ready, an error event means the worker script itself failed.
    worker.addEventListener('error', (event) => {
      if (generation !== this.generation || ready) return;
      this.failure = `the kernel worker could not start: ${event.message || 'its script failed to load'}`;
      const pending = [...(this.running ? [this.running] : []), ...this.queue];
      this.queue = [];
      this.running = null;
      for (const job of pending) job.reject(new Error(this.failure));
      this.setStatus('failed');
    });
    worker.addEventListener('message', (event) => {
      if (generation !== this.generation || !isKernelOutputMessage(event.data)) return;
      for (const listener of this.outputListeners) listener(event.data.cellId, event.data.output);
    });
    const api = wrap<KernelApi>(worker as unknown as Worker);
    this.worker = worker;
    this.api = api;
    let port: MessagePort | null = null;
    if (this.options.connectData) {
      const channel = new MessageChannel();
      this.options.connectData(channel.port1);
      port = channel.port2;
    }
    this.setStatus('starting');
    void (port ? api.connect(transfer(port, [port])) : api.connect(null)).then(() => {
      ready = true;
      if (generation === this.generation) this.pump();
    });
  }

  private enqueue(start: Job['start']): Promise<unknown> {
    if (this.failure) return Promise.reject(new Error(`${this.failure} (interrupt to restart it)`));
    return new Promise((resolve, reject) => {
      this.queue.push({ start, resolve, reject });
      if (this.currentStatus === 'idle') this.pump();
    });
  }

  private pump(): void {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job || !this.api) {
      this.setStatus('idle');
      return;
    }
    this.running = job;
    this.setStatus('busy');
    const generation = this.generation;
    const tables = this.options.tableVersions?.() ?? {};
    job.start(this.api, tables).then(
      (value) => {
        if (generation !== this.generation) return;
        this.running = null;
        job.resolve(value);
        this.pump();
      },
      (error) => {
        if (generation !== this.generation) return;
        this.running = null;
        job.reject(error);
        this.pump();
      },
    );
  }

  private setStatus(status: KernelStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const listener of this.statusListeners) listener();
  }
}
