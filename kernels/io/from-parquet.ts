// Parquet reader on hyparquet (pure JS; snappy built in, gzip/zstd/brotli/lz4 from
// hyparquet-compressors). Columns are read column-chunk by column-chunk and typed with the same
// rules as CSV (Parquet's own types decide numbers, booleans and timestamps; strings are inferred).
import { parquetMetadata, parquetRead } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { DataError, type DataTable } from '../table/types';
import { columnFromValues } from '../table/infer-type';
import { checkNames, tableName } from './table-names';

export async function readParquet(bytes: Uint8Array, fileName: string, onProgress?: (fraction: number, phase: string) => void): Promise<DataTable> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(buffer);
  } catch (err) {
    throw new DataError(`${fileName} is not a readable Parquet file (${err instanceof Error ? err.message : String(err)})`, { file: fileName });
  }
  const rowCount = Number(metadata.num_rows);
  const root = metadata.schema[0];
  const names: string[] = [];
  // Top-level fields: walk the flattened schema, skipping nested children.
  for (let i = 1, k = 0; k < (root.num_children ?? 0); k++) {
    const element = metadata.schema[i];
    names.push(element.name);
    i += 1 + countDescendants(metadata.schema, i);
  }
  checkNames(names.map((n) => n.trim()), fileName);
  const cells = new Map<string, unknown[]>(names.map((n) => [n, new Array<unknown>(rowCount)]));
  let done = 0;
  const total = Math.max(1, names.length * metadata.row_groups.length);
  try {
    await parquetRead({
      file: buffer,
      metadata,
      compressors,
      onChunk: ({ columnName, columnData, rowStart }) => {
        const target = cells.get(columnName);
        if (!target) return;
        for (let i = 0; i < columnData.length && rowStart + i < rowCount; i++) target[rowStart + i] = columnData[i];
        onProgress?.((++done / total) * 0.8, 'parsing');
      },
    });
  } catch (err) {
    throw new DataError(`${fileName}: cannot read Parquet data (${err instanceof Error ? err.message : String(err)})`, { file: fileName });
  }
  if (rowCount === 0) throw new DataError(`${fileName} has no rows`, { file: fileName });
  const columns = names.map((name) => columnFromValues(name, cells.get(name)!));
  return { name: tableName(fileName), rowCount, columns };
}

function countDescendants(schema: { num_children?: number }[], index: number): number {
  let count = 0;
  const children = schema[index].num_children ?? 0;
  let i = index + 1;
  for (let k = 0; k < children; k++) {
    const sub = 1 + countDescendants(schema, i);
    count += sub;
    i += sub;
  }
  return count;
}
