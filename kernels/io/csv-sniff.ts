// CSV step 1, what comes before the data rows: UTF-16 transcoded to UTF-8, the bytes checked to
// be text (and not JSON), a BOM and leading blank lines skipped, the delimiter sniffed among
// , TAB ; | and the header read into checked column names.
import { DataError } from '../table/types';
import { CR, LF, lineOfOffset, RAW, scanRow, unquoteField } from './csv-scan';
import { decodeSmall } from './decode-text';
import { assertText, jsonExtensionFor, utf16Encoding } from './sniff-format';
import { checkNames } from './table-names';

export interface CsvOptions {
  fileName: string;
  /** Forced delimiter (TSV passes a tab); otherwise sniffed. */
  delimiter?: string;
  onProgress?: (fraction: number, phase: string) => void;
  /** See StringInferenceOptions.strictNumbers (the scorer reads request bodies so). */
  strictNumbers?: boolean;
}

/**
 * Picks the delimiter among , TAB ; | whose field count is the same on (nearly) every one of the
 * first lines, preferring more fields; quotes are respected.
 */
export function sniffDelimiter(bytes: Uint8Array, start: number): string {
  const sample = bytes.subarray(start, Math.min(bytes.length, start + 65536));
  const truncated = start + sample.length < bytes.length;
  let best = ',';
  let bestScore = 0;
  for (const candidate of [',', '\t', ';', '|']) {
    const d = candidate.charCodeAt(0);
    const counts: number[] = [];
    let i = 0;
    try {
      while (i < sample.length && counts.length < 30) {
        if (sample[i] === LF || sample[i] === CR) { i++; continue; }
        const { fields, next } = scanRow(sample, i, d, '');
        if (next >= sample.length && truncated) break;
        counts.push(fields.length / 2);
        i = next;
      }
    } catch {
      // A quote left open inside the sample: judge on the lines read so far.
    }
    if (counts.length === 0) continue;
    const frequency = new Map<number, number>();
    for (const c of counts) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    let mode = 0;
    let modeCount = 0;
    for (const [c, f] of frequency) if (f > modeCount || (f === modeCount && c > mode)) { mode = c; modeCount = f; }
    const consistent = modeCount >= 0.9 * counts.length && counts[0] === mode;
    const score = consistent && mode > 1 ? mode : 0;
    if (score > bestScore) { best = candidate; bestScore = score; }
  }
  return best;
}

/** Transcodes UTF-16 text (by its byte-order mark) to UTF-8 bytes, which the reader works on. */
function toUtf8(bytes: Uint8Array): Uint8Array {
  const utf16 = utf16Encoding(bytes);
  if (!utf16) return bytes;
  return new TextEncoder().encode(new TextDecoder(utf16).decode(bytes));
}

/** What precedes the data rows: the bytes (as UTF-8), the delimiter, the column names, where row 1 starts. */
export interface CsvHead {
  bytes: Uint8Array;
  delimiter: number;
  names: string[];
  dataStart: number;
}

/** Transcodes, checks the bytes are text, skips a BOM and leading blank lines, sniffs the delimiter and reads the header. */
export function readCsvHead(input: Uint8Array, options: CsvOptions): CsvHead {
  const { fileName } = options;
  const bytes = toUtf8(input);
  assertText(bytes, fileName);
  const n = bytes.length;
  let pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (pos < n && (bytes[pos] === LF || bytes[pos] === CR || bytes[pos] === 32 || bytes[pos] === 9)) pos++;
  if (pos >= n) throw new DataError(`${fileName} is empty`, { file: fileName });
  const json = jsonExtensionFor(bytes, pos);
  if (json) {
    const what = options.delimiter === '\t' ? 'TSV' : 'CSV';
    throw new DataError(`${fileName} looks like ${json === 'json' ? 'JSON' : 'NDJSON (one JSON object per line)'}, not ${what}: rename it to .${json}`, { file: fileName, line: lineOfOffset(bytes, pos) });
  }
  const delimiterText = options.delimiter ?? sniffDelimiter(bytes, pos);
  const delimiter = delimiterText.charCodeAt(0);

  const header = scanRow(bytes, pos, delimiter, fileName);
  const names: string[] = [];
  for (let f = 0; f < header.fields.length; f += 2) {
    const s = header.fields[f];
    const raw = decodeSmall(bytes.subarray(s & 0x7fffffff, header.fields[f + 1]));
    names.push((s >= RAW ? unquoteField(raw) : raw).trim());
  }
  checkNames(names, fileName);
  return { bytes, delimiter, names, dataStart: header.next };
}
