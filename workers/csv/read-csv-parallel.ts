// Reads a CSV with its data rows scanned in parallel, one chunk per pool worker, and merged into
// exactly the table readCsv gives (kernels/io/read-csv-chunked). Each chunk's job holds its
// worker across both steps — scan (report column modes), then take (columns in the modes
// resolved over every chunk) — so the pool must be free: one chunk per worker, all running.
// Any chunk that fails to scan (a fault in the file, or a split misled by a stray quote) makes
// the whole file go through one pass in this thread, which reports exactly readCsv's error.
import { transfer } from 'comlink';
import type { CsvOptions } from '../../kernels/io/csv-sniff';
import { finishCsvTable, typeNumberColumns } from '../../kernels/io/csv-finish';
import { MODE_STRING } from '../../kernels/io/csv-scan';
import { readCsv } from '../../kernels/io/from-csv';
import { chunkBytes, mergeCsvChunks, chunkCount, planCsvChunks, type CsvChunkPlan } from '../../kernels/io/read-csv-chunked';
import { resolveChunkModes } from '../../kernels/io/csv-merge';
import type { ChunkColumns, ChunkSummary } from '../../kernels/io/csv-chunk';
import type { Column, DataTable } from '../../kernels/table/types';
import type { WorkerPool } from '../pool/pool';
import { CancelledError } from '../pool/types';
import type { CsvWorkerApi } from '../csv-chunk.worker';

/** Below this many bytes one pass in this thread is faster than posting chunks to workers. */
export const PARALLEL_CSV_MIN_BYTES = 4 * 1024 * 1024;

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

export interface ParallelCsvOptions {
  /** Files smaller than this are read in one pass here (default PARALLEL_CSV_MIN_BYTES). */
  minBytes?: number;
  /** Called with each column as soon as it is typed, in order (e.g. to start profiling it). */
  onColumn?: (column: Column, index: number) => void;
  /**
   * Number columns in shared memory, written there by the workers (no merge copy; posting them to
   * other workers shares instead of copying). Off by default: tables posted between the app's
   * workers are expected to move their buffers, not share them.
   */
  sharedNumbers?: boolean;
}

/** Chunk k for a worker: a view when the bytes are shared memory, else a copy whose buffer is moved. */
function postableChunk(plan: CsvChunkPlan, k: number): Uint8Array {
  const view = chunkBytes(plan, k);
  if (typeof SharedArrayBuffer !== 'undefined' && view.buffer instanceof SharedArrayBuffer) return view;
  // A copy with a buffer of its own (Buffer#slice would share the whole file's buffer).
  const copy = new Uint8Array(view);
  return transfer(copy, [copy.buffer]);
}

export async function readCsvParallel(
  input: Uint8Array, options: CsvOptions, pool: WorkerPool<CsvWorkerApi>, parallel: ParallelCsvOptions = {},
): Promise<DataTable> {
  if (input.length < (parallel.minBytes ?? PARALLEL_CSV_MIN_BYTES) || pool.size < 2) return readCsv(input, options);
  const plan = planCsvChunks(input, options, pool.size);
  const n = chunkCount(plan);
  if (n < 2) return readCsv(input, options);
  const scanned = Array.from({ length: n }, () => deferred<ChunkSummary>());
  const resolved = deferred<{ modes: number[]; into: (Float64Array | null)[]; offsets: number[] } | undefined>();
  let scannedCount = 0;
  const jobs = scanned.map((summary, k) => pool.run(async (api): Promise<ChunkColumns | undefined> => {
    try {
      summary.resolve(await api.scan(postableChunk(plan, k), plan.dialect));
      options.onProgress?.((0.8 * ++scannedCount) / n, 'parsing');
    } catch (error) {
      summary.reject(error);
      return undefined;
    }
    const merge = await resolved.promise;
    if (merge) return api.take(merge.modes, merge.into.some(Boolean) ? { into: merge.into, offset: merge.offsets[k] } : undefined);
    await api.release();
    return undefined;
  }));
  // A job that fails before its scan reports (a worker that cannot start) fails its summary too.
  jobs.forEach((job, k) => job.catch((error: unknown) => scanned[k].reject(error)));
  let summaries: ChunkSummary[];
  try {
    summaries = await Promise.all(scanned.map((s) => s.promise));
  } catch (error) {
    resolved.resolve(undefined);
    await Promise.allSettled(jobs);
    if (error instanceof CancelledError) throw error;
    return readCsv(input, options);
  }
  const modes = resolveChunkModes(summaries);
  const offsets: number[] = [];
  let rows = 0;
  for (const s of summaries) { offsets.push(rows); rows += s.rows; }
  const shared = parallel.sharedNumbers === true && typeof SharedArrayBuffer !== 'undefined';
  const into = modes.map((mode) => (shared && mode !== MODE_STRING ? new Float64Array(new SharedArrayBuffer(rows * 8)) : null));
  resolved.resolve({ modes, into, offsets });
  let chunks: (ChunkColumns | undefined)[];
  try {
    chunks = await Promise.all(jobs);
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    return readCsv(input, options); // a worker died while handing its chunk back
  }
  const build = mergeCsvChunks(plan, chunks as ChunkColumns[], modes, into);
  typeNumberColumns(build, parallel.onColumn);
  // Let work started on the number columns (posted by onColumn) leave before the strings are typed.
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  return finishCsvTable(build, options.onProgress, parallel.onColumn);
}
