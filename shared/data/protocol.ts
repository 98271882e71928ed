// The small things that cross from the data and loader workers to the main thread: summaries,
// row windows, load progress and errors. Tables themselves never cross to the main thread.
import type { TableFormat } from '../../kernels/io/sniff-format';
import type { ColumnType } from '../../kernels/table/types';

export interface ColumnSummary {
  name: string;
  type: ColumnType;
  storage: 'numeric' | 'string';
  /** Missing cells (NaN or null). */
  missing: number;
}

export interface TableSummary {
  name: string;
  /** The file (or URL) the table was read from. */
  source: string;
  rowCount: number;
  columns: ColumnSummary[];
  /** Bumped each time the table changes (reload, type override), so caches keyed on it expire. */
  version: number;
  /** Size of the source file in bytes, when known. */
  sourceBytes?: number;
  /** Milliseconds spent parsing in the loader worker. */
  parseMs?: number;
  /** What the reader noticed and the user should know (e.g. "decoded as Latin-1"). */
  notes?: string[];
}

/** One column's filter. Text compares case-insensitively; ranges are inclusive unless an end says exclusive (`>5`, `<5`). */
export type ColumnFilter =
  | { column: string; kind: 'contains'; text: string }
  | { column: string; kind: 'equals'; value: string }
  | { column: string; kind: 'range'; min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean };

export interface RowSort {
  column: string;
  descending: boolean;
}

/** What the viewer shows: which rows (filters) in which order (sort). */
export interface RowQuery {
  sort?: RowSort;
  filters?: ColumnFilter[];
}

export interface RowWindow {
  /** Position of the first row in the filtered, sorted view. */
  start: number;
  /** Rows in the filtered, sorted view (what the scrollbar spans). */
  viewRowCount: number;
  /** Rows in the whole table. */
  tableRowCount: number;
  /** Row numbers in the original table (0-based) of the rows in this window. */
  rowNumbers: number[];
  /** Display text per row, per column (in table column order); null = missing. */
  cells: (string | null)[][];
}

/** Where a load failed, as far as the parser could tell. */
export interface LoadFailure {
  message: string;
  file?: string;
  line?: number;
  column?: string;
}

/** What the data worker answers when a load's table arrives, or the loader reports its failure. */
export type ReceivedTable = { ok: true; summary: TableSummary } | { ok: false; failure: LoadFailure };

/** Main thread → loader worker: what to parse and where to send the table. */
export interface LoaderRequest {
  source: { kind: 'blob'; blob: Blob } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'url'; url: string };
  fileName: string;
  format?: TableFormat;
  maxBytes?: number;
  typeOverrides?: Record<string, ColumnType>;
  /** The table goes through this port to the data worker, never to the main thread. */
  tablePort: MessagePort;
}

/** Loader worker → main thread. */
export type LoaderMessage =
  | { type: 'progress'; phase: string; fraction: number }
  | { type: 'done'; rowCount: number; columnCount: number; parseMs: number }
  | { type: 'error'; failure: LoadFailure };
