// Public API of kernels/io: load a table from a file's bytes.
export { readTable, checkFileSize, DEFAULT_MAX_BYTES } from './read-table';
export type { ReadTableOptions } from './read-table';
export { sniffFormat } from './sniff-format';
export type { TableFormat } from './sniff-format';
export { readCsv } from './from-csv';
export { sniffDelimiter } from './csv-sniff';
export { readJson } from './from-json';
export { readNdjson } from './from-ndjson';
export { readParquet } from './from-parquet';
