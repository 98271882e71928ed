// The main thread's handle on the code-cell runner worker: one job at a time (cells run in
// order), outputs forwarded as they arrive. Interrupt first asks the running cell to stop through a
// shared flag its loop guards read (the runner keeps its variables, as Jupyter's does); only a cell
// that does not stop within a grace period gets the worker terminated and a fresh one started
// (state is lost; the notebook and the tables, which live in the data worker, stay).
import { wrap, transfer, type Remote } from 'comlink';
import { isRunnerOutputMessage, type ChartRequest, type ExecuteReply, type RunnerApi, type MaterializedChart } from '../../workers/runner/api';
import type { CellOutput } from '../../shared/runner/outputs';

export type RunnerStatus = 'starting' | 'idle' | 'busy' | 'failed';

/** Rejects every job that was queued or running when the runner was interrupted. */
export class RunnerInterruptedError extends Error {
  /** `restarted`: the job was running and its worker was terminated; else it had not started. */
  constructor(readonly restarted = false) {
    super(restarted ? 'the kernel was interrupted and restarted' : 'interrupted before it ran');
    this.name = 'RunnerInterruptedError';
  }
}

export interface RunnerWorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  terminate(): void;
}

export interface RunnerClientOptions {
  createWorker: () => RunnerWorkerLike;
  /** Gives the data worker one end of a port for the runner's table requests. */
  connectData?: (port: MessagePort) => void;
  /** The tables the data worker holds now (name -> version), read as each job starts. */
  tableVersions?: () => Record<string, number>;
  /** How long Interrupt waits for the running cell to stop by itself before terminating the worker. */
  interruptGraceMs?: number;
}

/**
 * What Interrupt did: nothing was running ('idle'), the cell stopped and the variables are kept
 * ('stopped'), or the worker had to be terminated and a fresh one started ('restarted').
 */
export type InterruptOutcome = 'idle' | 'stopped' | 'restarted';

const DEFAULT_INTERRUPT_GRACE_MS = 1500;

/** A flag in shared memory where the page may share it (cross-origin isolated), else null. */
function createInterruptFlag(): Int32Array | null {
  if (typeof SharedArrayBuffer === 'undefined') return null;
  if ((globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === false) return null;
  return new Int32Array(new SharedArrayBuffer(4));
}

interface Job {
  start: (api: Remote<RunnerApi>, tables: Record<string, number>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** Resolves once the job has answered, whichever way. */
  settled: Promise<void>;
}

type OutputListener = (cellId: string, output: CellOutput) => void;

export class RunnerClient {
  private worker: RunnerWorkerLike | null = null;
  private api: Remote<RunnerApi> | null = null;
  private queue: Job[] = [];
  private running: Job | null = null;
  private generation = 0;
  private readonly interruptFlag = createInterruptFlag();
  /** Why the worker could not start (its script failed to load); cleared by a restart. */
  private failure: string | null = null;
  private currentStatus: RunnerStatus = 'starting';
  private readonly outputListeners = new Set<OutputListener>();
  private readonly statusListeners = new Set<() => void>();

  constructor(private readonly options: RunnerClientOptions) {
    this.start();
  }

  get status(): RunnerStatus {
    return this.currentStatus;
  }

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  getStatus = (): RunnerStatus => this.currentStatus;

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

  /**
   * Stops whatever runs (even `while (true) {}`). Queued jobs are dropped; the running cell is asked
   * to stop through the shared flag and, if it has not within the grace period (a loop-free busy
   * call, or no shared memory), the worker is replaced by a fresh one.
   */
  async interrupt(): Promise<InterruptOutcome> {
    if (this.failure) {
      this.worker?.terminate();
      this.start();
      return 'restarted';
    }
    const queued = this.queue;
    this.queue = [];
    for (const job of queued) job.reject(new RunnerInterruptedError());
    const running = this.running;
    if (!running) return 'idle';
    if (this.interruptFlag) {
      Atomics.store(this.interruptFlag, 0, 1);
      const grace = this.options.interruptGraceMs ?? DEFAULT_INTERRUPT_GRACE_MS;
      const stopped = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), grace);
        running.settled.then(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (stopped) return 'stopped';
    }
    if (this.running === running) {
      this.running = null;
      this.worker?.terminate();
      this.start();
      running.reject(new RunnerInterruptedError(true));
    }
    return 'restarted';
  }

  dispose(): void {
    this.generation++;
    this.worker?.terminate();
    this.worker = null;
    for (const job of this.queue) job.reject(new RunnerInterruptedError());
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
      if (generation !== this.generation || !isRunnerOutputMessage(event.data)) return;
      for (const listener of this.outputListeners) listener(event.data.cellId, event.data.output);
    });
    const api = wrap<RunnerApi>(worker as unknown as Worker);
    this.worker = worker;
    this.api = api;
    let port: MessagePort | null = null;
    if (this.options.connectData) {
      const channel = new MessageChannel();
      this.options.connectData(channel.port1);
      port = channel.port2;
    }
    this.setStatus('starting');
    void (port ? api.connect(transfer(port, [port]), this.interruptFlag) : api.connect(null, this.interruptFlag)).then(() => {
      ready = true;
      if (generation === this.generation) this.pump();
    });
  }

  private enqueue(start: Job['start']): Promise<unknown> {
    if (this.failure) return Promise.reject(new Error(`${this.failure} (interrupt to restart it)`));
    return new Promise((resolve, reject) => {
      let markSettled!: () => void;
      const settled = new Promise<void>((done) => (markSettled = done));
      const settle = <T>(fn: (value: T) => void) => (value: T) => {
        markSettled();
        fn(value);
      };
      this.queue.push({ start, resolve: settle(resolve), reject: settle(reject), settled });
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
    if (this.interruptFlag) Atomics.store(this.interruptFlag, 0, 0);
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

  private setStatus(status: RunnerStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const listener of this.statusListeners) listener();
  }
}
