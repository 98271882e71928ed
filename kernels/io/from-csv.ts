// CSV/TSV reader: sniff (csv-sniff.ts), scan the rows (csv-scan.ts), type the columns
// (csv-finish.ts). read-csv-chunked.ts runs the same steps on chunks in parallel.
import type { DataTable } from '../table/types';
import { finishCsvTable, startCsvTable } from './csv-finish';
import { scanRows } from './csv-scan';
import { readCsvHead, type CsvOptions } from './csv-sniff';

/** Reads CSV/TSV bytes into a typed table. */
export function readCsv(input: Uint8Array, options: CsvOptions): DataTable {
  const { fileName, onProgress } = options;
  const { bytes, delimiter, names, dataStart } = readCsvHead(input, options);
  const { rows, columns } = scanRows(bytes, dataStart, delimiter, names.length, fileName, onProgress);
  return finishCsvTable({ ...startCsvTable(names, rows, columns, fileName, delimiter), strictNumbers: options.strictNumbers }, onProgress);
}
