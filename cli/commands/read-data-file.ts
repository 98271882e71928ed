// Reads a data file for a command: file-system errors become one clear line naming the file.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readTable } from '../../kernels/io/read-table';
import type { DataTable } from '../../kernels/table/types';
import { fileProblem } from './file-problem';

export async function readDataFile(path: string): Promise<DataTable> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new Error(fileProblem(path, err), { cause: err });
  }
  return readTable(bytes, { fileName: basename(path) });
}
