// The main thread's handle on data: it starts loads (one terminable loader worker each), keeps
// the small state the UI renders (table summaries, loads in progress, error notices) and asks
// the data worker for row windows and profiles. It never holds a table.
import { transfer, wrap, type Remote } from 'comlink';
import type { ColumnProfile } from '../../kernels/profile';
import type { TableFormat } from '../../kernels/io/sniff-format';
import type { ColumnType } from '../../kernels/table/types';
import type { DataWorkerApi } from '../../workers/data.worker';
import type { LoaderMessage, LoaderRequest, LoadFailure, RowQuery, RowWindow, TableSummary } from '../../shared/data/protocol';

export interface LoadJob {
  id: number;
  fileName: string;
  /** What the loader is doing: reading, parsing, inferring types, storing… */
  phase: string;
  /** Overall progress in [0, 1]. */
  fraction: number;
  startedAt: number;
}

export interface LoadNotice extends LoadFailure {
  id: number;
  /** The file the message is about. */
  fileName: string;
}

export interface DataState {
  tables: readonly TableSummary[];
  loads: readonly LoadJob[];
  notices: readonly LoadNotice[];
}

/** Thrown by a load the user cancelled. */
export class LoadCancelledError extends Error {
  constructor(fileName: string) {
    super(`loading ${fileName} was cancelled`);
    this.name = 'LoadCancelledError';
  }
}

/** Thrown by a load that failed; the notice is already in the state for the UI to show. */
export class LoadFailedError extends Error {
  constructor(readonly failure: LoadFailure) {
    super(describeFailure(failure));
    this.name = 'LoadFailedError';
  }
}

/** "bad.csv: line 12: reason" — the form the parser and the CLI use: the file, then the line (and
 * column) where known, then the reason; a sentence that already names the file ("x.csv is empty")
 * is kept as it is. Nothing the parser said is repeated. */
export function describeFailure(failure: LoadFailure): string {
  const { message, file, line, column } = failure;
  let body = message;
  if (file && body.startsWith(`${file}: `)) body = body.slice(file.length + 2);
  else if (file && body.includes(file)) return column !== undefined && !body.includes(column) ? `${body} (column "${column}")` : body;
  if (line !== undefined && body.startsWith(`line ${line}: `)) body = body.slice(`line ${line}: `.length);
  const place: string[] = [];
  if (file) place.push(file);
  if (line !== undefined) place.push(`line ${line}`);
  if (column !== undefined && !body.includes(column)) place.push(`column "${column}"`);
  return place.length > 0 ? `${place.join(': ')}: ${body}` : body;
}

export interface LoadOptions {
  format?: TableFormat;
  typeOverrides?: Record<string, ColumnType>;
  maxBytes?: number;
}

/** The parts of a Worker the client uses, so tests can stand in for workers. */
export interface LoaderWorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<LoaderMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface DataClientWorkers {
  dataApi: () => Remote<DataWorkerApi>;
  loader: () => LoaderWorkerLike;
}

const EMPTY: DataState = { tables: [], loads: [], notices: [] };

export class DataClient {
  private state: DataState = EMPTY;
  private readonly listeners = new Set<() => void>();
  private readonly cancels = new Map<number, () => void>();
  private readonly profiles = new Map<string, Promise<ColumnProfile>>();
  private api: Remote<DataWorkerApi> | null = null;
  private nextId = 1;

  constructor(private readonly workers: DataClientWorkers) {}

  // ---- state for React (useSyncExternalStore) ----

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): DataState => this.state;

  listTables(): TableSummary[] {
    return [...this.state.tables];
  }

  getTable(name: string): TableSummary | undefined {
    return this.state.tables.find((t) => t.name === name);
  }

  // ---- loading ----

  /** Loads a file the user picked or dropped; the bytes are read in the loader worker. */
  loadFile(file: File | Blob, fileName = (file as File).name ?? 'data', options: LoadOptions = {}): Promise<TableSummary> {
    return this.load({ kind: 'blob', blob: file }, fileName, options);
  }

  /** Loads bytes already in hand (the Electron open dialog); the buffer is moved to the loader. */
  loadBytes(bytes: Uint8Array, fileName: string, options: LoadOptions = {}): Promise<TableSummary> {
    return this.load({ kind: 'bytes', bytes }, fileName, options);
  }

  /** Loads a URL (bundled sample data); fetched inside the loader worker. */
  loadUrl(url: string, name?: string, options: LoadOptions = {}): Promise<TableSummary> {
    const absolute = new URL(url, document.baseURI).href;
    const fileName = name ?? decodeURIComponent(new URL(absolute).pathname.split('/').pop() || 'data');
    return this.load({ kind: 'url', url: absolute }, fileName, options);
  }

  /** Stops a load in progress: its loader worker is terminated, loaded tables are untouched. */
  cancelLoad(id: number): void {
    this.cancels.get(id)?.();
  }

  dismissNotice(id: number): void {
    this.update({ notices: this.state.notices.filter((n) => n.id !== id) });
  }

  private load(source: LoaderRequest['source'], fileName: string, options: LoadOptions): Promise<TableSummary> {
    const id = this.nextId++;
    const api = this.dataApi();
    const loader = this.workers.loader();
    const { port1, port2 } = new MessageChannel();
    this.update({ loads: [...this.state.loads, { id, fileName, phase: 'starting', fraction: 0, startedAt: performance.now() }] });

    return new Promise<TableSummary>((resolve, reject) => {
      let settled = false;
      const finish = () => {
        settled = true;
        loader.terminate();
        this.cancels.delete(id);
        this.update({ loads: this.state.loads.filter((job) => job.id !== id) });
      };
      const fail = (failure: LoadFailure) => {
        if (settled) return;
        finish();
        void api.cancelReceive(id);
        this.update({ notices: [...this.state.notices, { ...failure, id: this.nextId++, fileName }] });
        reject(new LoadFailedError(failure));
      };
      this.cancels.set(id, () => {
        if (settled) return;
        finish();
        void api.cancelReceive(id);
        reject(new LoadCancelledError(fileName));
      });

      loader.onmessage = (event) => {
        const message = event.data;
        if (settled) return;
        if (message.type === 'progress') this.updateJob(id, message.phase, message.fraction);
        else if (message.type === 'done') this.updateJob(id, 'storing', 1);
        else fail(message.failure);
      };
      loader.onerror = (event) => fail({ message: `the loader stopped: ${event.message || 'unknown error'}`, file: fileName });

      api.receiveTable(transfer(port2, [port2]), id).then(
        (received) => {
          if (settled) return;
          if (!received.ok) {
            fail(received.failure);
            return;
          }
          const { summary } = received;
          finish();
          this.profiles.clear();
          this.upsertTable(summary);
          resolve(summary);
        },
        (error: unknown) => fail({ message: error instanceof Error ? error.message : String(error), file: fileName }),
      );

      const request: LoaderRequest = { source, fileName, tablePort: port1, ...options };
      const transfers: Transferable[] = [port1];
      if (source.kind === 'bytes' && source.bytes.buffer instanceof ArrayBuffer) transfers.push(source.bytes.buffer);
      loader.postMessage(request, transfers);
    });
  }

  private updateJob(id: number, phase: string, fraction: number): void {
    this.update({ loads: this.state.loads.map((job) => (job.id === id ? { ...job, phase, fraction } : job)) });
  }

  // ---- tables ----

  getRows(name: string, query: RowQuery, start: number, count: number): Promise<RowWindow> {
    return this.dataApi().getRows(name, query, start, count);
  }

  /** One column's full profile (type, missing, distinct, statistics, histogram), cached per table version. */
  getProfile(name: string, column: string): Promise<ColumnProfile> {
    const version = this.getTable(name)?.version ?? 0;
    const key = `${name}\u0000${version}\u0000${column}`;
    let profile = this.profiles.get(key);
    if (!profile) {
      profile = this.dataApi().getColumnProfile(name, column);
      profile.catch(() => this.profiles.delete(key));
      this.profiles.set(key, profile);
    }
    return profile;
  }

  /** Converts a column; rejects with the reason when its values cannot be converted. */
  async setColumnType(name: string, column: string, type: ColumnType): Promise<TableSummary> {
    const summary = await this.dataApi().setColumnType(name, column, type);
    this.upsertTable(summary);
    return summary;
  }

  async removeTable(name: string): Promise<void> {
    await this.dataApi().removeTable(name);
    this.update({ tables: this.state.tables.filter((t) => t.name !== name) });
  }

  /** Lets another worker (code-cell runner, AutoML, features) read tables straight from the data worker over `port`. */
  connectTableReader(port: MessagePort): void {
    void this.dataApi().connectTableReader(transfer(port, [port]));
  }

  private upsertTable(summary: TableSummary): void {
    const others = this.state.tables.filter((t) => t.name !== summary.name);
    const index = this.state.tables.findIndex((t) => t.name === summary.name);
    const tables = index < 0 ? [...others, summary] : [...others.slice(0, index), summary, ...others.slice(index)];
    this.update({ tables });
  }

  private dataApi(): Remote<DataWorkerApi> {
    this.api ??= this.workers.dataApi();
    return this.api;
  }

  private update(patch: Partial<DataState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** The app's data client, backed by real workers (created on first use). */
export const dataClient = new DataClient({
  dataApi: () =>
    wrap<DataWorkerApi>(new Worker(new URL('../../workers/data.worker.ts', import.meta.url), { type: 'module', name: 'tourney-data' })),
  loader: () =>
    new Worker(new URL('../../workers/loader.worker.ts', import.meta.url), { type: 'module', name: 'tourney-loader' }) as LoaderWorkerLike,
});
