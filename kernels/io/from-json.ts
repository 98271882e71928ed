// JSON reader. Accepted shapes: an array of records `[{…}, …]` (pandas orient="records"), an
// array of arrays with a header row, `{"columns": [names], "data": [[…]]}` (orient="split"),
// records under a `data`/`rows`/`records` key, column arrays `{"col": […]}`, and pandas
// orient="columns" `{"col": {"0": v, …}}`.
import { DataError, type DataTable } from '../table/types';
import { decodeWhole } from './decode-text';
import { locateJsonError } from './json-error';
import { tableFromColumns, tableFromRecords } from './records-to-table';
import { assertText, utf16Encoding } from './sniff-format';

export function parseJsonText(text: string, fileName: string, lineOffset = 0): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const where = locateJsonError(text);
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    if (!where) throw new DataError(`${fileName}: invalid JSON (${detail})`, { file: fileName });
    const line = where.line + lineOffset;
    throw new DataError(`${fileName}: line ${line}, column ${where.column}: invalid JSON: ${where.message}`, { file: fileName, line });
  }
}

export function readJson(bytes: Uint8Array, fileName: string): DataTable {
  if (!utf16Encoding(bytes)) assertText(bytes, fileName, 'JSON');
  const text = decodeWhole(bytes);
  if (text.trim() === '') throw new DataError(`${fileName} is empty`, { file: fileName });
  const data = parseJsonText(text, fileName);
  if (Array.isArray(data)) return tableFromRecords(data, fileName);
  if (data !== null && typeof data === 'object') {
    const obj = data as Record<string, unknown>;
    if (Array.isArray(obj.columns) && Array.isArray(obj.data)) {
      return tableFromRecords([obj.columns, ...(obj.data as unknown[])], fileName);
    }
    for (const key of ['data', 'rows', 'records']) {
      if (Array.isArray(obj[key]) && Object.keys(obj).length <= 3) return tableFromRecords(obj[key] as unknown[], fileName);
    }
    const values = Object.values(obj);
    if (values.length > 0 && values.every(Array.isArray)) return tableFromColumns(obj as Record<string, unknown[]>, fileName);
    if (values.length > 0 && values.every((v) => v !== null && typeof v === 'object')) {
      const columns: Record<string, unknown[]> = {};
      for (const [name, cells] of Object.entries(obj)) columns[name] = Object.values(cells as object);
      return tableFromColumns(columns, fileName);
    }
  }
  throw new DataError(`${fileName}: expected an array of records (objects), got ${data === null ? 'null' : typeof data}`, { file: fileName });
}
