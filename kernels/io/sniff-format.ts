// Which reader a file needs: from its magic bytes first (a Parquet file named .csv is still
// Parquet), then its extension, then its first characters. Binary and compressed files are
// refused here with a message that says what the file looks like.
import { DataError } from '../table/types';

export type TableFormat = 'csv' | 'tsv' | 'json' | 'ndjson' | 'parquet';

const EXTENSIONS: Record<string, TableFormat> = {
  csv: 'csv', txt: 'csv', tsv: 'tsv', tab: 'tsv', json: 'json', ndjson: 'ndjson', jsonl: 'ndjson',
  parquet: 'parquet', pq: 'parquet',
};

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Throws a DataError when the bytes are not text (NUL bytes or many control characters). */
export function assertText(bytes: Uint8Array, fileName: string, what = 'CSV'): void {
  if (startsWith(bytes, [0x1f, 0x8b])) throw new DataError(`${fileName} is gzip-compressed; decompress it first`, { file: fileName });
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw new DataError(`${fileName} is a ZIP archive (an Excel .xlsx workbook?), not ${what}; export it as CSV`, { file: fileName });
  }
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) throw new DataError(`${fileName} looks like a binary file, not ${what} (NUL byte at offset ${i})`, { file: fileName });
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (control > n * 0.05) throw new DataError(`${fileName} looks like a binary file, not ${what}`, { file: fileName });
}

/** True for a UTF-16 byte-order mark (those files are transcoded before reading). */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Picks the format: Parquet magic, then the extension, then the content. */
export function sniffFormat(bytes: Uint8Array, fileName: string): TableFormat {
  if (startsWith(bytes, [0x50, 0x41, 0x52, 0x31])) return 'parquet';
  const dot = fileName.lastIndexOf('.');
  const extension = dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  const byExtension = EXTENSIONS[extension];
  if (byExtension && byExtension !== 'json') return byExtension;
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 32 || bytes[i] === 9 || bytes[i] === 10 || bytes[i] === 13)) i++;
  if (bytes[i] === 0x5b) return 'json';
  if (bytes[i] === 0x7b) return looksLikeNdjson(bytes, i) ? 'ndjson' : 'json';
  return byExtension ?? 'csv';
}

/** `{…}\n{…}`: the first line is a whole object and the next non-blank line starts another. */
function looksLikeNdjson(bytes: Uint8Array, start: number): boolean {
  const newline = bytes.indexOf(10, start);
  if (newline < 0) return false;
  let j = newline + 1;
  while (j < bytes.length && (bytes[j] === 32 || bytes[j] === 9 || bytes[j] === 10 || bytes[j] === 13)) j++;
  if (bytes[j] !== 0x7b) return false;
  let end = newline;
  while (end > start && (bytes[end - 1] === 13 || bytes[end - 1] === 32)) end--;
  return bytes[end - 1] === 0x7d;
}

/**
 * When text meant as CSV is JSON (records exported as JSON and named .csv), the CSV reader would
 * report a duplicate column named like `"target": "no"}`; this names the real problem instead.
 * Returns the extension the file should have, or undefined when it does not look like JSON.
 */
export function jsonExtensionFor(bytes: Uint8Array, start: number): 'json' | 'ndjson' | undefined {
  const first = bytes[start];
  if (first !== 0x7b && first !== 0x5b) return undefined;
  let i = start + 1;
  while (i < bytes.length && (bytes[i] === 32 || bytes[i] === 9 || bytes[i] === 10 || bytes[i] === 13)) i++;
  const next = bytes[i];
  // `{"` / `{}` start an object; `[{`, `[[`, `["`, `[1`, `[-`, `[]`, `[t`, `[f`, `[n` an array.
  const json = first === 0x7b
    ? next === 0x22 || next === 0x7d
    : next === 0x7b || next === 0x5b || next === 0x22 || next === 0x5d || next === 0x2d || (next >= 0x30 && next <= 0x39) || next === 0x74 || next === 0x66 || next === 0x6e;
  if (!json) return undefined;
  return first === 0x7b && looksLikeNdjson(bytes, start) ? 'ndjson' : 'json';
}
