// One chunk of a CSV's data rows, scanned on its own (in a worker) with the header and dialect
// of the whole file. A chunk cannot know a column's final kind: a column all numbers here may
// hold text in another chunk. So scanning reports each column's mode first (summarizeChunk);
// once every chunk has reported, the modes are resolved across chunks (resolveChunkModes) and
// each chunk re-reads as strings the columns that became strings (takeChunkColumns), exactly as
// a single pass would have interned them.
import { ByteInterner, type InternedPart } from './byte-interner';
import { MODE_STRING, scanRows, toStringColumn, type ScanState } from './csv-scan';

/** What every chunk shares with the file it comes from. */
export interface CsvDialect {
  fileName: string;
  /** Delimiter byte (sniffed once, on the whole file). */
  delimiter: number;
  /** Columns in the header. */
  columnCount: number;
}

export interface ChunkScan {
  rows: number;
  state: ScanState;
}

/** Per column: mode (MODE_NUMBER / MODE_DATE / MODE_STRING) and whether a number column holds only missing cells. */
export interface ChunkSummary {
  rows: number;
  modes: number[];
  allMissing: boolean[];
}

export type ChunkColumn =
  /** `placed`: the numbers were written into the merged column (see NumberPlacement), `numbers` is empty. */
  | { mode: number; fractional: boolean; hasTime: boolean; numbers: Float64Array; placed?: boolean; interned?: undefined }
  | { mode: number; interned: InternedPart };

/** Where a chunk writes its number columns in the merged table: shared arrays of every row, at `offset`. */
export interface NumberPlacement {
  into: (Float64Array | null)[];
  offset: number;
}

export interface ChunkColumns {
  rows: number;
  columns: ChunkColumn[];
}

/** Scans data rows only (no header); errors name lines counted from the chunk's start. */
export function scanCsvChunk(bytes: Uint8Array, dialect: CsvDialect): ChunkScan {
  const { rows, state } = scanRows(bytes, 0, dialect.delimiter, dialect.columnCount, dialect.fileName, undefined);
  return { rows, state };
}

export function summarizeChunk(scan: ChunkScan): ChunkSummary {
  const { rows, state } = scan;
  const modes: number[] = [];
  const allMissing: boolean[] = [];
  for (const col of state.columns) {
    modes.push(col.mode);
    let missing = col.mode !== MODE_STRING;
    for (let r = 0; missing && r < rows; r++) if (col.numbers[r] === col.numbers[r]) missing = false;
    allMissing.push(missing);
  }
  return { rows, modes, allMissing };
}

/**
 * The chunk's columns in their resolved modes, detached from its bytes: numbers (a view of
 * exactly `rows` values) or interned strings. Columns resolved to strings that this chunk read
 * as numbers or dates are re-scanned as strings first.
 */
export function takeChunkColumns(scan: ChunkScan, modes: ArrayLike<number>, placement?: NumberPlacement): ChunkColumns {
  const { rows, state } = scan;
  const columns = state.columns.map((col, j): ChunkColumn => {
    if (modes[j] === MODE_STRING) {
      const interner: ByteInterner = col.interner ?? toStringColumn(state, j, rows);
      const interned = interner.toPart(rows);
      col.interner = undefined;
      return { mode: MODE_STRING, interned };
    }
    // A view, not a copy: its whole buffer is moved to the merging thread, which copies it once;
    // or this thread copies it straight into the merged column.
    const numbers = col.numbers.subarray(0, rows);
    col.numbers = new Float64Array(0);
    const into = placement?.into[j];
    if (into) {
      into.set(numbers, placement!.offset);
      return { mode: modes[j], fractional: col.fractional, hasTime: col.hasTime, numbers: new Float64Array(0), placed: true };
    }
    return { mode: modes[j], fractional: col.fractional, hasTime: col.hasTime, numbers };
  });
  return { rows, columns };
}

/** The buffers of a ChunkColumns, to transfer (not copy) it to another thread. */
export function chunkTransferables(chunk: ChunkColumns): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const col of chunk.columns) {
    if (col.interned) {
      const { codes, arena, starts, lengths, raw } = col.interned;
      out.push(codes.buffer as ArrayBuffer, arena.buffer as ArrayBuffer, starts.buffer as ArrayBuffer, lengths.buffer as ArrayBuffer, raw.buffer as ArrayBuffer);
    } else out.push(col.numbers.buffer as ArrayBuffer);
  }
  return out;
}
