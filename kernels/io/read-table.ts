// The one entry point for loading a table from a file's bytes, used by the UI worker and the
// CLI alike. Pure TypeScript: no Node built-ins, input is a Uint8Array.
import { DataError, type ColumnType, type DataTable } from '../table/types';
import { retypeColumn } from '../table/retype-column';
import { readCsv } from './from-csv';
import { type CsvOptions } from './csv-sniff';
import { readJson } from './from-json';
import { readNdjson } from './from-ndjson';
import { readParquet } from './from-parquet';
import { sniffFormat, type TableFormat } from './sniff-format';

export interface ReadTableOptions {
  fileName: string;
  /** Forces the format; otherwise from magic bytes, extension, then content. */
  format?: TableFormat;
  /** Called with a fraction in [0, 1] and what is happening ("parsing", "inferring types"). */
  onProgress?: (fraction: number, phase: string) => void;
  /** Largest file accepted, in bytes (default 1.5 GB): tables live in memory, several times the file size. */
  maxBytes?: number;
  /** Column types chosen by the user, applied after inference (see retypeColumn). */
  typeOverrides?: Record<string, ColumnType>;
  /** Reads CSV/TSV instead of readCsv (the workers layer passes a parallel reader giving the same table). */
  csvReader?: (bytes: Uint8Array, options: CsvOptions) => DataTable | Promise<DataTable>;
}

export const DEFAULT_MAX_BYTES = 1.5 * 1024 ** 3;

function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/**
 * Refuses a file too large to load, before anything reads it: callers that know the size up front
 * (a File in the app) check here so a huge file gets this message, not an allocation failure.
 */
export function checkFileSize(fileName: string, size: number, maxBytes = DEFAULT_MAX_BYTES): void {
  if (size > maxBytes) {
    throw new DataError(
      `${fileName} is ${formatSize(size)}, over the memory budget of ${formatSize(maxBytes)}; sample it or raise the budget`,
      { file: fileName },
    );
  }
  if (size >= 2 ** 31) throw new DataError(`${fileName} is over 2 GB, the largest file Tourney can read`, { file: fileName });
}

export async function readTable(bytes: Uint8Array, options: ReadTableOptions): Promise<DataTable> {
  const { fileName, onProgress } = options;
  checkFileSize(fileName, bytes.length, options.maxBytes);
  if (bytes.length === 0) throw new DataError(`${fileName} is empty`, { file: fileName });
  const format = options.format ?? sniffFormat(bytes, fileName);
  onProgress?.(0, 'parsing');
  const csvReader = options.csvReader ?? readCsv;
  let table: DataTable;
  switch (format) {
    case 'csv': table = await csvReader(bytes, { fileName, onProgress }); break;
    case 'tsv': table = await csvReader(bytes, { fileName, onProgress, delimiter: '\t' }); break;
    case 'json': table = readJson(bytes, fileName); break;
    case 'ndjson': table = readNdjson(bytes, fileName, onProgress); break;
    case 'parquet': table = await readParquet(bytes, fileName, onProgress); break;
    default: throw new DataError(`${fileName}: unknown format '${String(format)}'`, { file: fileName });
  }
  for (const [name, type] of Object.entries(options.typeOverrides ?? {})) {
    table = retypeColumn(table, name, type);
  }
  onProgress?.(1, 'done');
  return table;
}
