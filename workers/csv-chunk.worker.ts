// A CSV worker: scans one chunk of a file's data rows (reporting each column's mode), then hands
// the chunk's columns back in the modes resolved across all chunks, transferred, not copied; and
// profiles numeric columns. Runs as a worker thread in the CLI and a Web Worker in the app.
import { transfer } from 'comlink';
import { scanCsvChunk, summarizeChunk, takeChunkColumns, chunkTransferables, type ChunkColumns, type ChunkScan, type ChunkSummary, type CsvDialect, type NumberPlacement } from '../kernels/io/csv-chunk';
import { profileColumn, type ColumnProfile } from '../kernels/profile';
import type { NumericColumn } from '../kernels/table/types';
import { exposeInWorker } from './pool/expose';

/** The chunk scanned last, held until its columns are taken. */
let scan: ChunkScan | undefined;

const api = {
  scan(bytes: Uint8Array, dialect: CsvDialect): ChunkSummary {
    scan = scanCsvChunk(bytes, dialect);
    return summarizeChunk(scan);
  },
  take(modes: number[], placement?: NumberPlacement): ChunkColumns {
    if (!scan) throw new Error('csv worker: take() before scan()');
    const chunk = takeChunkColumns(scan, modes, placement);
    scan = undefined;
    return transfer(chunk, chunkTransferables(chunk));
  },
  /** Drops the scanned chunk (its columns are not needed: another chunk failed). */
  release(): void {
    scan = undefined;
  },
  profile(columns: NumericColumn[]): ColumnProfile[] {
    return columns.map(profileColumn);
  },
};

export type CsvWorkerApi = typeof api;
void exposeInWorker(api);
