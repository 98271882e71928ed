// Dynamic micro-batching (as Triton and TF-Serving do): the rows of every request that arrives in
// one turn of the event loop go into one InputBatch, and the batch is scored by one pipeline replay
// and one model run. A model run has a large fixed cost (onnxruntime-node: ~50 µs per
// session.run for a one-row tournament graph, then a few µs a row), so sixteen concurrent
// single-row requests scored together cost little more than one.
// The wait is bounded by the event loop itself — a batch is scored in the `setImmediate` after the
// I/O pass that filled it, never on a timer — and its size by `maxBatchRows`: a request that
// would push the open batch past it closes that batch first, and a full batch is scored at once.
// A request is validated as it joins (a bad field is that request's 400 and leaves the batch as it
// was). Should scoring a batch of several requests fail, each request is scored again on its own, so
// one request's failure is not its neighbours'.
import { InputBatch, inputStats, type CompiledSchema, type InputStats } from '../input-table';
import type { DataTable } from '../../kernels/table/types';

/** One request's rows within a scored batch, and what the batch's run returned. */
export interface BatchSlice<R> {
  result: R;
  /** The request's first row in the batch, and its row count. */
  offset: number;
  count: number;
}

interface Waiter<R> {
  offset: number;
  count: number;
  unknownFields: number;
  resolve(slice: BatchSlice<R>): void;
  reject(err: unknown): void;
}

export interface ScoreBatcherOptions {
  /** Most rows in one batch made of several requests (a bigger request is scored on its own). */
  maxBatchRows?: number;
}

export const DEFAULT_MAX_BATCH_ROWS = 1024;

export class ScoreBatcher<R> {
  private batch: InputBatch | null = null;
  private waiters: Waiter<R>[] = [];
  private scheduled = false;
  readonly maxBatchRows: number;
  /** Batches scored and the rows in them (the bench reads the mean batch size). */
  batches = 0;
  rows = 0;

  /** `run` scores a validated input table (a whole batch, or one request's rows on the retry). */
  constructor(private readonly schema: CompiledSchema, private readonly run: (table: DataTable, stats: InputStats) => Promise<R>, options: ScoreBatcherOptions = {}) {
    this.maxBatchRows = Math.max(1, options.maxBatchRows ?? DEFAULT_MAX_BATCH_ROWS);
  }

  /**
   * Adds a request of `rowCount` rows, which `append` validates into the batch (throwing
   * InputError synchronously for a bad field), and resolves once the batch holding it is scored.
   */
  submit(rowCount: number, append: (batch: InputBatch) => void): Promise<BatchSlice<R>> {
    if (this.batch && this.batch.rowCount > 0 && this.batch.rowCount + rowCount > this.maxBatchRows) this.flush();
    const batch = (this.batch ??= new InputBatch(this.schema, Math.min(Math.max(rowCount, 16), this.maxBatchRows)));
    const offset = batch.rowCount;
    const unknownBefore = batch.unknownFields;
    append(batch);
    const promise = new Promise<BatchSlice<R>>((resolve, reject) => {
      this.waiters.push({ offset, count: batch.rowCount - offset, unknownFields: batch.unknownFields - unknownBefore, resolve, reject });
    });
    if (batch.rowCount >= this.maxBatchRows) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush();
      });
    }
    return promise;
  }

  /** Scores the open batch now (no-op when it is empty). */
  private flush(): void {
    const batch = this.batch;
    const waiters = this.waiters;
    this.batch = null;
    this.waiters = [];
    if (!batch || waiters.length === 0) return;
    const { table, stats } = batch.finish();
    this.batches++;
    this.rows += table.rowCount;
    void this.score(table, stats, waiters);
  }

  private async score(table: DataTable, stats: InputStats, waiters: Waiter<R>[]): Promise<void> {
    let result: R;
    try {
      result = await this.run(table, stats);
    } catch (err) {
      if (waiters.length === 1) return waiters[0].reject(err);
      await Promise.all(waiters.map(async (w) => {
        const own = sliceTable(table, w.offset, w.count);
        try {
          w.resolve({ result: await this.run(own, inputStats(this.schema, own, w.unknownFields)), offset: 0, count: w.count });
        } catch (ownErr) {
          w.reject(ownErr);
        }
      }));
      return;
    }
    for (const w of waiters) w.resolve({ result, offset: w.offset, count: w.count });
  }
}

/** Rows [offset, offset + count) of a table. */
function sliceTable(table: DataTable, offset: number, count: number): DataTable {
  return {
    name: table.name,
    rowCount: count,
    columns: table.columns.map((c) => (c.storage === 'numeric'
      ? { ...c, values: c.values.slice(offset, offset + count) }
      : { ...c, values: c.values.slice(offset, offset + count) })),
  };
}
