// Names every reader gives a table and checks its columns by (CSV, JSON, NDJSON, Parquet).
import { DataError } from '../table/types';

/** Column names must be present and unique: they are how every later step refers to a column. */
export function checkNames(names: string[], fileName: string): void {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') {
      throw new DataError(`${fileName}: column ${i + 1} has a blank name in the header`, { file: fileName, line: 1 });
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw new DataError(`${fileName}: duplicate column name '${name}' (columns ${first + 1} and ${i + 1})`, { file: fileName, line: 1, column: name });
    }
    seen.set(name, i);
  });
}

/** Table name from a file name: base name without extension. */
export function tableName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
