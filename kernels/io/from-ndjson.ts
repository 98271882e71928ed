// NDJSON / JSON Lines reader: one JSON object a line, blank lines skipped. Errors name the line.
import { DataError, type DataTable } from '../table/types';
import { decodeWhole } from './decode-text';
import { parseJsonText } from './from-json';
import { tableFromRecords } from './records-to-table';
import { assertText, utf16Encoding } from './sniff-format';

export function readNdjson(bytes: Uint8Array, fileName: string, onProgress?: (fraction: number, phase: string) => void): DataTable {
  if (!utf16Encoding(bytes)) assertText(bytes, fileName, 'NDJSON');
  const text = decodeWhole(bytes);
  const records: unknown[] = [];
  const lines: number[] = [];
  let line = 0;
  let pos = 0;
  let nextProgress = 1 << 22;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(pos, end);
    pos = end + 1;
    if (raw.trim() === '') continue;
    records.push(parseJsonText(raw, fileName, line - 1));
    lines.push(line);
    if (pos > nextProgress) {
      onProgress?.((pos / text.length) * 0.8, 'parsing');
      nextProgress = pos + (1 << 22);
    }
  }
  if (records.length === 0) throw new DataError(`${fileName} is empty`, { file: fileName });
  return tableFromRecords(records, fileName, (i) => lines[i]);
}
