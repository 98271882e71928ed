// Reads a data file for a command: file-system errors become one clear line naming the file.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readTable } from '../../kernels/io/read-table';
import type { DataTable } from '../../kernels/table/types';

export async function readDataFile(path: string): Promise<DataTable> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `cannot read ${path}: no such file` : code === 'EISDIR' ? `cannot read ${path}: it is a directory` : `cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  return readTable(bytes, { fileName: basename(path) });
}
