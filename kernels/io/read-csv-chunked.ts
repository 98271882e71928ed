// Reading a CSV as consecutive chunks that can be scanned independently (in parallel, by the
// workers layer) and merged into exactly the table readCsv gives. This module plans the chunks
// and assembles the result; readCsvChunked runs every step in this thread (the reference the
// parallel path is tested against, and the same code path minus the threads).
import { DataError, type DataTable } from '../table/types';
import { finishCsvTable, startCsvTable, type CsvTableBuild } from './csv-finish';
import { readCsv } from './from-csv';
import { readCsvHead, type CsvHead, type CsvOptions } from './csv-sniff';
import { scanCsvChunk, summarizeChunk, takeChunkColumns, type ChunkColumns, type CsvDialect } from './csv-chunk';
import { mergeChunkColumns, resolveChunkModes } from './csv-merge';
import { splitCsvChunks } from './csv-split';

export interface CsvChunkPlan {
  head: CsvHead;
  dialect: CsvDialect;
  /** Chunk k is head.bytes[bounds[k], bounds[k + 1]). */
  bounds: number[];
}

export function planCsvChunks(input: Uint8Array, options: CsvOptions, count: number): CsvChunkPlan {
  const head = readCsvHead(input, options);
  const dialect: CsvDialect = { fileName: options.fileName, delimiter: head.delimiter, columnCount: head.names.length };
  return { head, dialect, bounds: splitCsvChunks(head.bytes, head.dataStart, count) };
}

/** The bytes of chunk k (a view of the file's bytes). */
export function chunkBytes(plan: CsvChunkPlan, k: number): Uint8Array {
  return plan.head.bytes.subarray(plan.bounds[k], plan.bounds[k + 1]);
}

export function chunkCount(plan: CsvChunkPlan): number {
  return plan.bounds.length - 1;
}

/** Merges every chunk, taken in file order with the same resolved modes, and starts typing the table. */
export function mergeCsvChunks(plan: CsvChunkPlan, chunks: ChunkColumns[], modes: number[], placed?: (Float64Array | null)[]): CsvTableBuild {
  const { rows, columns } = mergeChunkColumns(chunks, modes, placed);
  return startCsvTable(plan.head.names, rows, columns, plan.dialect.fileName, plan.head.delimiter);
}

/**
 * Whether a chunk's scan error may be an artefact of the split rather than a fault of the file:
 * then (and for any error, to report exactly the line one pass reports) read it in one pass.
 */
export function isChunkScanError(error: unknown): boolean {
  return error instanceof DataError;
}

/** readCsv through chunks in this thread: the same table, types, notes and errors. */
export function readCsvChunked(input: Uint8Array, options: CsvOptions, count: number): DataTable {
  const plan = planCsvChunks(input, options, count);
  let scans;
  try {
    scans = plan.bounds.slice(1).map((_, k) => scanCsvChunk(chunkBytes(plan, k), plan.dialect));
  } catch (error) {
    // A chunk that does not scan cleanly may start mid-field (a stray quote misled the split), or
    // the file has a real error: one pass gives exactly what readCsv gives either way.
    if (isChunkScanError(error)) return readCsv(input, options);
    throw error;
  }
  const modes = resolveChunkModes(scans.map(summarizeChunk));
  return finishCsvTable(mergeCsvChunks(plan, scans.map((s) => takeChunkColumns(s, modes)), modes), options.onProgress);
}
