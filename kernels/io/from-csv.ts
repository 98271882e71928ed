// CSV/TSV reader (RFC 4180): delimiter sniffed among , ; TAB |, double-quoted fields with ""
// escapes and embedded newlines, UTF-8 BOM, LF / CRLF / CR line endings, blank lines skipped.
//
// Speed: one pass over the bytes, row by row. Each column starts as "numeric": its cells are
// parsed straight from the bytes into a Float64Array (no strings, no regexes). The first cell
// that is not a number turns the column into a "string" column, which from then on only records
// its cells' byte ranges; the ranges of the rows already read are recovered from the saved row
// starts. String columns are decoded and interned afterwards, one column at a time.
import { DataError, type Column, type DataTable } from '../table/types';
import { parseNumberBytes, numberParse, parseNumberText } from '../table/parse-number';
import { isMissingText } from '../table/missing';
import { numericColumn, stringColumn } from '../table/infer-type';
import { StringInterner } from '../table/string-stats';
import { TextSource, decodeSmall } from './decode-text';
import { assertText, utf16Encoding } from './sniff-format';

export interface CsvOptions {
  fileName: string;
  /** Forced delimiter (TSV passes a tab); otherwise sniffed. */
  delimiter?: string;
  onProgress?: (fraction: number, phase: string) => void;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** High bit of a start offset: the cell is a raw quoted field that needs unquoting. */
const RAW = 0x80000000;
const PROGRESS_BYTES = 1 << 23;

/** Physical line (1-based) of a byte offset, counting LF, CRLF and lone CR. Only used for errors. */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    const b = bytes[i];
    if (b === LF) line++;
    else if (b === CR && bytes[i + 1] !== LF) line++;
  }
  return line;
}

/** Removes RFC 4180 quoting from a raw field: `"a ""b"" c"` → `a "b" c` (text after the closing quote is kept). */
export function unquoteField(raw: string): string {
  if (raw.charCodeAt(0) !== QUOTE) return raw;
  let out = '';
  let i = 1;
  for (;;) {
    const j = raw.indexOf('"', i);
    if (j < 0) return out + raw.slice(i);
    out += raw.slice(i, j);
    if (raw.charCodeAt(j + 1) === QUOTE) {
      out += '"';
      i = j + 2;
      continue;
    }
    return out + raw.slice(j + 1);
  }
}

/**
 * Scans one field starting at `i`. Writes [start, end) into out[0], out[1] (start | RAW when the
 * field needs unquoting) and returns the position of the byte after the field (a delimiter, a
 * line break, or the end). Shared by the header, recovery and sniffing paths; the hot loop in
 * readCsv inlines the same logic.
 */
function scanField(bytes: Uint8Array, i: number, delimiter: number, out: Uint32Array | number[], fileName: string): number {
  const n = bytes.length;
  if (i < n && bytes[i] === QUOTE) {
    const open = i;
    let j = i + 1;
    let clean = true;
    for (;;) {
      const q = bytes.indexOf(QUOTE, j);
      if (q < 0) throw unbalancedQuote(bytes, open, fileName);
      if (bytes[q + 1] === QUOTE) { clean = false; j = q + 2; continue; }
      j = q + 1;
      break;
    }
    let end = j;
    let c: number;
    if (end < n && (c = bytes[end]) !== delimiter && c !== LF && c !== CR) {
      clean = false;
      while (end < n && (c = bytes[end]) !== delimiter && c !== LF && c !== CR) end++;
    }
    if (clean) { out[0] = open + 1; out[1] = j - 1; } else { out[0] = (open | RAW) >>> 0; out[1] = end; }
    return end;
  }
  const start = i;
  let c: number;
  while (i < n && (c = bytes[i]) !== delimiter && c !== LF && c !== CR) i++;
  out[0] = start;
  out[1] = i;
  return i;
}

function unbalancedQuote(bytes: Uint8Array, open: number, fileName: string): DataError {
  const line = lineOfOffset(bytes, open);
  return new DataError(`${fileName}: line ${line}: a quoted field opens here but its closing quote is missing (unbalanced ")`, { file: fileName, line });
}

/** Field ranges of the row at `i`; returns the position after its line break. */
function scanRow(bytes: Uint8Array, i: number, delimiter: number, fileName: string): { fields: number[]; next: number } {
  const n = bytes.length;
  const fields: number[] = [];
  const range = [0, 0];
  for (;;) {
    i = scanField(bytes, i, delimiter, range, fileName);
    fields.push(range[0], range[1]);
    if (i >= n) return { fields, next: n };
    const c = bytes[i++];
    if (c === delimiter) {
      if (i >= n) { fields.push(n, n); return { fields, next: n }; }
      continue;
    }
    if (c === CR && bytes[i] === LF) i++;
    return { fields, next: i };
  }
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

interface ColumnBuffers {
  numeric: boolean;
  fractional: boolean;
  numbers: Float64Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

/** Reads CSV/TSV bytes into a typed table. */
export function readCsv(input: Uint8Array, options: CsvOptions): DataTable {
  const { fileName, onProgress } = options;
  const bytes = toUtf8(input);
  assertText(bytes, fileName);
  const n = bytes.length;
  let pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (pos < n && (bytes[pos] === LF || bytes[pos] === CR || bytes[pos] === 32 || bytes[pos] === 9)) pos++;
  if (pos >= n) throw new DataError(`${fileName} is empty`, { file: fileName });
  const delimiterText = options.delimiter ?? sniffDelimiter(bytes, pos);
  const delimiter = delimiterText.charCodeAt(0);

  // Header.
  const header = scanRow(bytes, pos, delimiter, fileName);
  const names: string[] = [];
  for (let f = 0; f < header.fields.length; f += 2) {
    const s = header.fields[f];
    const raw = decodeSmall(bytes.subarray(s & 0x7fffffff, header.fields[f + 1]));
    names.push((s >= RAW ? unquoteField(raw) : raw).trim());
  }
  checkNames(names, fileName);
  const nCols = names.length;
  pos = header.next;

  // Capacity guess from the first data line's length; grown as needed.
  const firstLine = bytes.indexOf(LF, pos);
  const lineBytes = Math.max(8, (firstLine < 0 ? n : firstLine) - pos + 1);
  let capacity = Math.max(16, Math.ceil(((n - pos) / lineBytes) * 1.1) + 16);
  const columns: ColumnBuffers[] = [];
  for (let j = 0; j < nCols; j++) {
    columns.push({ numeric: true, fractional: false, numbers: new Float64Array(capacity), starts: new Uint32Array(0), ends: new Uint32Array(0) });
  }
  let rowStarts = new Uint32Array(capacity);
  const numericFlags = new Uint8Array(nCols).fill(1);
  const range = new Uint32Array(2);
  let rows = 0;
  let nextProgress = pos + PROGRESS_BYTES;

  const grow = (): void => {
    capacity = Math.ceil(capacity * 1.5) + 16;
    const r2 = new Uint32Array(capacity);
    r2.set(rowStarts);
    rowStarts = r2;
    for (const col of columns) {
      if (col.numeric) {
        const next = new Float64Array(capacity);
        next.set(col.numbers);
        col.numbers = next;
      } else {
        const s2 = new Uint32Array(capacity);
        s2.set(col.starts);
        col.starts = s2;
        const e2 = new Uint32Array(capacity);
        e2.set(col.ends);
        col.ends = e2;
      }
    }
  };

  // A numeric column met a non-number at row `row`: keep its byte ranges from now on and
  // recover the ranges of the rows before from their saved starts.
  const toStringColumn = (j: number, row: number): void => {
    const col = columns[j];
    col.numeric = false;
    numericFlags[j] = 0;
    col.numbers = new Float64Array(0);
    col.starts = new Uint32Array(capacity);
    col.ends = new Uint32Array(capacity);
    for (let r = 0; r < row; r++) {
      let i = rowStarts[r];
      for (let f = 0; ; f++) {
        i = scanField(bytes, i, delimiter, range, fileName);
        if (f === j) break;
        i++;
      }
      col.starts[r] = range[0];
      col.ends[r] = range[1];
    }
  };

  // Slow path for a numeric column's cell the fast parser refused: a missing token ("NA"),
  // inf, a quoted field with escapes, or a real non-number.
  const slowNumber = (s: number, e: number): number | undefined => {
    let text = latin1(bytes, s & 0x7fffffff, e);
    if (s >= RAW) text = unquoteField(text);
    if (isMissingText(text)) return NaN;
    return parseNumberText(text);
  };

  while (pos < n) {
    let c = bytes[pos];
    if (c === LF || c === CR) { pos++; continue; } // blank line
    if (rows === capacity) grow();
    const row = rows;
    rowStarts[row] = pos;
    let i = pos;
    let f = 0;
    for (;;) {
      // ---- one field, inlined scanField
      let s: number;
      let e: number;
      if (i < n && bytes[i] === QUOTE) {
        i = scanField(bytes, i, delimiter, range, fileName);
        s = range[0];
        e = range[1];
      } else {
        s = i;
        while (i < n && (c = bytes[i]) !== delimiter && c !== LF && c !== CR) i++;
        e = i;
      }
      if (f < nCols) {
        const col = columns[f];
        if (numericFlags[f] === 1) {
          let v: number;
          if (s < RAW) {
            v = parseNumberBytes(bytes, s, e);
            if (numberParse.fractional) col.fractional = true;
          } else {
            v = NaN;
            numberParse.failed = true;
          }
          if (numberParse.failed) {
            const slow = slowNumber(s, e);
            if (slow === undefined) {
              toStringColumn(f, row);
              col.starts[row] = s;
              col.ends[row] = e;
            } else {
              col.numbers[row] = slow;
            }
          } else {
            col.numbers[row] = v;
          }
        } else {
          col.starts[row] = s;
          col.ends[row] = e;
        }
      }
      f++;
      // ---- after the field: delimiter, line break or end of input
      if (i >= n) break;
      c = bytes[i++];
      if (c === delimiter) {
        if (i >= n) {
          // A trailing delimiter at the very end: one more, empty, field.
          if (f < nCols) {
            const col = columns[f];
            if (numericFlags[f] === 1) col.numbers[row] = NaN;
            else { col.starts[row] = n; col.ends[row] = n; }
          }
          f++;
          break;
        }
        continue;
      }
      if (c === CR && i < n && bytes[i] === LF) i++;
      break;
    }
    if (f !== nCols) {
      const line = lineOfOffset(bytes, pos);
      throw new DataError(
        `${fileName}: line ${line}: expected ${nCols} fields (as in the header), found ${f}`,
        { file: fileName, line },
      );
    }
    rows++;
    pos = i;
    if (pos >= nextProgress) {
      onProgress?.((pos / n) * 0.8, 'parsing');
      nextProgress = pos + PROGRESS_BYTES;
    }
  }
  if (rows === 0) throw new DataError(`${fileName} has a header but no data rows`, { file: fileName, line: 2 });
  onProgress?.(0.8, 'inferring types');

  // Columns: numbers are typed from their values; strings are decoded, interned and inferred.
  let source: TextSource | undefined;
  const notes: string[] = [];
  const out: Column[] = [];
  for (let j = 0; j < nCols; j++) {
    const col = columns[j];
    const name = names[j];
    if (col.numeric) {
      const values = col.numbers.length === rows ? col.numbers : col.numbers.slice(0, rows);
      col.numbers = new Float64Array(0);
      out.push(numericColumn(name, values, col.fractional));
    } else {
      source ??= new TextSource(bytes);
      const interner = new StringInterner(rows);
      const { starts, ends } = col;
      for (let r = 0; r < rows; r++) {
        const s = starts[r];
        const e = ends[r];
        if (s >= RAW) interner.add(unquoteField(source.text(s & 0x7fffffff, e)));
        else if (s === e) interner.add(null);
        else interner.add(source.text(s, e));
      }
      col.starts = col.ends = new Uint32Array(0);
      out.push(stringColumn(name, [], { stats: interner.finish(), notes }));
    }
    onProgress?.(0.8 + (0.2 * (j + 1)) / nCols, 'inferring types');
  }
  if (source?.encoding === 'windows-1252') notes.push(`${fileName} is not UTF-8; read it as Latin-1 (windows-1252)`);
  if (source?.lossy) notes.push(`${fileName} has bytes that are not valid UTF-8; they were replaced by \uFFFD`);
  const table: DataTable = { name: tableName(fileName), rowCount: rows, columns: out };
  if (notes.length) table.notes = notes;
  return table;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

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
