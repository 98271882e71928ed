// The loader worker: reads and parses one file, then hands the table straight to the data worker
// through the port it was given. One load per worker, so Cancel is simply terminate(): nothing
// half-parsed can leak into the store, and tables already loaded are untouched.
import { readTable, type ReadTableOptions } from '../kernels/io';
import type { CsvWorkerApi } from './csv-chunk.worker';
import { PARALLEL_CSV_MIN_BYTES, readCsvParallel } from './csv/read-csv-parallel';
import { WorkerPool } from './pool/pool';
import { webCoreCount, webWorkerSpawner } from './pool/web';
import { toLoadFailure } from './data/load-failure';
import { throttleProgress } from './data/progress-throttle';
import type { LoaderMessage, LoaderRequest } from './data/protocol';
import { readSource } from './data/read-source';
import { sendTable, sendTableFailure } from './data/table-transfer';

/** Share of the progress bar given to reading the bytes (a download is slower than a disk read). */
const READ_SHARE = { blob: 0.1, bytes: 0, url: 0.3 } as const;

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LoaderRequest>) => void, options?: { once: boolean }): void;
}

const scope = self as unknown as WorkerScope;
const post = (message: LoaderMessage) => scope.postMessage(message);

scope.addEventListener('message', (event: MessageEvent<LoaderRequest>) => void load(event.data), { once: true });

const PARALLEL_CSV_MAX_BYTES = 512 * 1024 * 1024;

/**
 * Large CSV/TSV files are scanned in chunks on CSV workers started for this load (they end with
 * it: terminating this worker on Cancel terminates them too); the table is the same.
 */
function parallelCsvReader(size: number): ReadTableOptions['csvReader'] {
  const cores = webCoreCount();
  // Chunks are copies here (no shared memory): past this size the extra copy is not worth the risk.
  if (size < PARALLEL_CSV_MIN_BYTES || size > PARALLEL_CSV_MAX_BYTES || cores < 2) return undefined;
  return async (bytes, options) => {
    const pool = new WorkerPool<CsvWorkerApi>({
      size: Math.min(cores, 4),
      spawn: webWorkerSpawner(() => new Worker(new URL('./csv-chunk.worker.ts', import.meta.url), { type: 'module', name: 'tourney-csv' })),
    });
    try {
      return await readCsvParallel(bytes, options, pool);
    } finally {
      pool.close();
    }
  };
}

async function load(request: LoaderRequest): Promise<void> {
  const { source, fileName, tablePort } = request;
  const readShare = READ_SHARE[source.kind];
  const progress = throttleProgress((phase, fraction) => post({ type: 'progress', phase, fraction }));
  try {
    const bytes = await readSource(source, (fraction) => progress('reading', fraction * readShare));
    const started = performance.now();
    const table = await readTable(bytes, {
      fileName,
      csvReader: parallelCsvReader(bytes.length),
      format: request.format,
      maxBytes: request.maxBytes,
      typeOverrides: request.typeOverrides,
      onProgress: (fraction: number, phase: string) => progress(phase, readShare + (1 - readShare) * fraction),
    });
    const parseMs = performance.now() - started;
    progress('storing', 1);
    sendTable(tablePort, { table, source: fileName, sourceBytes: bytes.length, parseMs });
    post({ type: 'done', rowCount: table.rowCount, columnCount: table.columns.length, parseMs });
  } catch (error) {
    const failure = toLoadFailure(error, fileName);
    sendTableFailure(tablePort, failure.message);
    post({ type: 'error', failure });
  }
}
