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
import { dateColumn, inferNumericType, numericColumn, stringColumn } from '../table/infer-type';
import { ByteInterner, FNV_OFFSET, FNV_PRIME, hashBytes, internRange } from './byte-interner';
import { chooseDecoder, decodeSmall } from './decode-text';
import { assertText, jsonExtensionFor, utf16Encoding } from './sniff-format';

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

export const MODE_STRING = 0;
export const MODE_NUMBER = 1;
export const MODE_DATE = 2;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** What the row scanner built for one column. */
export interface ColumnBuffers {
  mode: number;
  /** A number was written with a fraction or exponent ("3.0"). */
  fractional: boolean;
  /** A date column had a time of day other than midnight. */
  hasTime: boolean;
  /** Numbers, or epoch ms for dates (NaN = missing). */
  numbers: Float64Array;
  /** String columns: their cells, interned from the bytes as they are scanned. */
  interner?: ByteInterner;
}

/** Everything the row scanner shares with its rarely-called helpers (kept out of closures so the hot loop's variables stay in registers). */
export interface ScanState {
  bytes: Uint8Array;
  delimiter: number;
  fileName: string;
  capacity: number;
  rowStarts: Uint32Array;
  columns: ColumnBuffers[];
  /** Per column mode, mirrored from columns[j].mode for the hot loop. */
  modes: Uint8Array;
  range: Uint32Array;
}

function growScan(state: ScanState): void {
  const capacity = Math.ceil(state.capacity * 1.5) + 16;
  state.capacity = capacity;
  const rowStarts = new Uint32Array(capacity);
  rowStarts.set(state.rowStarts);
  state.rowStarts = rowStarts;
  for (const col of state.columns) {
    if (col.interner) col.interner.grow(capacity);
    else {
      const next = new Float64Array(capacity);
      next.set(col.numbers);
      col.numbers = next;
    }
  }
}

/** Interns one cell given by its scanned range (start | RAW for a quoted field that needs unquoting). */
function internCell(interner: ByteInterner, bytes: Uint8Array, row: number, s: number, e: number): void {
  if (s >= RAW) {
    const start = s & 0x7fffffff;
    interner.add(row, start, e, hashBytes(bytes, start, e), true);
  } else internRange(interner, bytes, row, s, e);
}

/**
 * A numeric or date column met a cell of another kind at row `row`: intern its cells from now on,
 * starting with the rows before, re-scanned from their saved starts.
 */
export function toStringColumn(state: ScanState, j: number, row: number): ByteInterner {
  const { bytes, delimiter, fileName, range, rowStarts } = state;
  const col = state.columns[j];
  col.mode = MODE_STRING;
  state.modes[j] = MODE_STRING;
  col.numbers = new Float64Array(0);
  const interner = new ByteInterner(bytes, state.capacity);
  col.interner = interner;
  for (let r = 0; r < row; r++) {
    let i = rowStarts[r];
    for (let f = 0; ; f++) {
      i = scanField(bytes, i, delimiter, range, fileName);
      if (f === j) break;
      i++;
    }
    internCell(interner, bytes, r, range[0], range[1]);
  }
  return interner;
}

/** Scratch result of parseIsoDateBytes. */
const isoDate = { ms: NaN, hasTime: false };

function twoDigits(bytes: Uint8Array, at: number): number {
  const a = bytes[at] - 48;
  const b = bytes[at + 1] - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const MONTH_TABLE_FIRST_YEAR = 1900;
/** Day number of the first of each month 1900–2099: a date is then one lookup and an add. */
const MONTH_START_DAYS = Int32Array.from({ length: 200 * 12 }, (_, i) => daysFromCivil(MONTH_TABLE_FIRST_YEAR + Math.floor(i / 12), (i % 12) + 1, 1));

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil): integer math, no Date object. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * `YYYY-MM-DD` or `YYYY-MM-DD[T ]HH:MM[:SS][Z]` straight from bytes into isoDate; false when
 * the cell has another shape (other date forms are found later by string inference).
 */
function parseIsoDateBytes(bytes: Uint8Array, s: number, e: number): boolean {
  const n = e - s;
  if (n !== 10 && n !== 16 && n !== 17 && n !== 19 && n !== 20) return false;
  if (bytes[s + 4] !== 45 || bytes[s + 7] !== 45) return false;
  const y1 = twoDigits(bytes, s);
  const y2 = twoDigits(bytes, s + 2);
  const month = twoDigits(bytes, s + 5);
  const day = twoDigits(bytes, s + 8);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return false;
  const year = y1 * 100 + y2;
  if (month === 2 && day === 29 && !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return false;
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (n > 10) {
    const sep = bytes[s + 10];
    const body = bytes[e - 1] === 90 ? n - 1 : n;
    if ((sep !== 84 && sep !== 32) || bytes[s + 13] !== 58 || (body !== 16 && body !== 19)) return false;
    hour = twoDigits(bytes, s + 11);
    minute = twoDigits(bytes, s + 14);
    if (body === 19) {
      if (bytes[s + 16] !== 58) return false;
      second = twoDigits(bytes, s + 17);
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  }
  const monthIndex = (year - MONTH_TABLE_FIRST_YEAR) * 12 + month - 1;
  const days = monthIndex >= 0 && monthIndex < MONTH_START_DAYS.length
    ? MONTH_START_DAYS[monthIndex] + day - 1
    : daysFromCivil(year, month, day);
  isoDate.ms = days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000;
  isoDate.hasTime = hour !== 0 || minute !== 0 || second !== 0;
  return true;
}

/**
 * A cell the fast paths did not take, in a number or date column: exponents and very long
 * numbers, missing tokens ("NA"), inf, quoted fields with escapes, the first ISO date of a
 * column that had no numbers, or a real mismatch (the column becomes a string column).
 */
function slowCell(state: ScanState, f: number, row: number, s: number, e: number): void {
  const { bytes } = state;
  const col = state.columns[f];
  if (s < RAW && col.mode === MODE_NUMBER) {
    const v = parseNumberBytes(bytes, s, e);
    if (!numberParse.failed) {
      if (numberParse.fractional) col.fractional = true;
      col.numbers[row] = v;
      return;
    }
  }
  if (s < RAW && parseIsoDateBytes(bytes, s, e)) {
    let allMissing = col.mode === MODE_NUMBER;
    for (let r = 0; allMissing && r < row; r++) if (col.numbers[r] === col.numbers[r]) allMissing = false;
    if (col.mode === MODE_DATE || allMissing) {
      col.mode = MODE_DATE;
      state.modes[f] = MODE_DATE;
      col.numbers[row] = isoDate.ms;
      if (isoDate.hasTime) col.hasTime = true;
      return;
    }
  }
  let text = latin1(bytes, s & 0x7fffffff, e);
  if (s >= RAW) text = unquoteField(text);
  if (isMissingText(text)) {
    col.numbers[row] = NaN;
    return;
  }
  const v = col.mode === MODE_NUMBER ? parseNumberText(text) : undefined;
  if (v !== undefined) {
    col.numbers[row] = v;
    return;
  }
  internCell(toStringColumn(state, f, row), bytes, row, s, e);
}

/** The data rows: numbers and ISO dates parsed into Float64Arrays, string cells kept as byte ranges. */
export function scanRows(
  bytes: Uint8Array, start: number, delimiter: number, nCols: number, fileName: string,
  onProgress: ((fraction: number, phase: string) => void) | undefined,
): { rows: number; columns: ColumnBuffers[]; state: ScanState } {
  // Local copies: module constants and imports cost a context load (and a TDZ check for
  // imports) on every use in optimized code; locals live in registers.
  const lf = LF;
  const cr = CR;
  const quote = QUOTE;
  const raw = RAW;
  const fnvOffset = FNV_OFFSET;
  const fnvPrime = FNV_PRIME;
  const pow10 = POW10;
  const stringMode = MODE_STRING;
  const numberMode = MODE_NUMBER;
  const n = bytes.length;
  // Capacity guess from the first data line's length; grown as needed.
  const firstLine = bytes.indexOf(LF, start);
  const lineBytes = Math.max(8, (firstLine < 0 ? n : firstLine) - start + 1);
  const capacity = Math.max(16, Math.ceil(((n - start) / lineBytes) * 1.1) + 16);
  const columns: ColumnBuffers[] = [];
  for (let j = 0; j < nCols; j++) {
    columns.push({ mode: MODE_NUMBER, fractional: false, hasTime: false, numbers: new Float64Array(capacity), interner: undefined });
  }
  const modes = new Uint8Array(nCols).fill(MODE_NUMBER);
  const range = new Uint32Array(2);
  const state: ScanState = { bytes, delimiter, fileName, capacity, rowStarts: new Uint32Array(capacity), columns, modes, range };
  let rowStarts = state.rowStarts;
  let rowCapacity = capacity;
  let rows = 0;
  let pos = start;
  let nextProgress = pos + PROGRESS_BYTES;
  while (pos < n) {
    let c = bytes[pos];
    if (c === lf || c === cr) { pos++; continue; } // blank line
    if (rows === rowCapacity) {
      growScan(state);
      rowStarts = state.rowStarts;
      rowCapacity = state.capacity;
    }
    const row = rows;
    rowStarts[row] = pos;
    let i = pos;
    let f = 0;
    for (;;) {
      // ---- one field (quoted fields go through scanField)
      const mode = f < nCols ? modes[f] : -1;
      let s = i;
      let e: number;
      if (i < n && bytes[i] === quote) {
        i = scanField(bytes, i, delimiter, range, fileName);
        s = range[0];
        e = range[1];
      } else if (mode === stringMode) {
        // String column: find the field's end, then intern it — values of up to 8 bytes by
        // their packed bytes, longer ones by an FNV-1a hash.
        while (i < n && (c = bytes[i]) !== delimiter && c !== lf && c !== cr) i++;
        const length = i - s;
        const interner = columns[f].interner!;
        if (length === 0) interner.addMissing(row);
        else if (length <= 8) {
          let w0 = 0;
          let w1 = 0;
          for (let k = 0; k < length; k++) {
            if (k < 4) w0 |= bytes[s + k] << (k << 3);
            else w1 |= bytes[s + k] << ((k - 4) << 3);
          }
          interner.addShort(row, s, length, w0, w1);
        } else {
          let h = fnvOffset;
          for (let k = s; k < i; k++) h = Math.imul(h ^ bytes[k], fnvPrime);
          interner.add(row, s, i, h);
        }
        e = -1;
      } else {
        while (i < n && (c = bytes[i]) !== delimiter && c !== lf && c !== cr) i++;
        e = i;
      }
      if (e >= 0 && mode >= 0) {
        if (mode === numberMode) {
          // Inlined fast path of parseNumberBytes: [-]digits[.digits], at most 15 digits, no
          // leading zero; anything else (exponent, padding, tokens) goes to slowCell.
          const col = columns[f];
          if (s === e) {
            col.numbers[row] = NaN;
          } else if (s < raw) {
            let k = s;
            let negative = false;
            const first = bytes[k];
            if (first === 45) { negative = true; k++; }
            let mantissa = 0;
            const intStart = k;
            while (k < e) {
              const d = bytes[k] - 48;
              if (d < 0 || d > 9) break;
              mantissa = mantissa * 10 + d;
              k++;
            }
            const intEnd = k;
            let digitCount = k - intStart;
            let fraction = 0;
            if (k < e && bytes[k] === 46) {
              k++;
              const fracStart = k;
              while (k < e) {
                const d = bytes[k] - 48;
                if (d < 0 || d > 9) break;
                mantissa = mantissa * 10 + d;
                k++;
              }
              fraction = k - fracStart;
              digitCount += fraction;
              col.fractional = true;
            }
            if (k === e && digitCount > 0 && digitCount <= 15 && !(intEnd - intStart > 1 && bytes[intStart] === 48)) {
              const v = fraction > 0 ? mantissa / pow10[fraction] : mantissa;
              col.numbers[row] = negative ? -v : v;
            } else {
              slowCell(state, f, row, s, e);
            }
          } else {
            slowCell(state, f, row, s, e);
          }
        } else if (mode === stringMode) {
          internCell(columns[f].interner!, bytes, row, s, e);
        } else {
          const col = columns[f];
          if (s === e) col.numbers[row] = NaN;
          else if (s < raw && parseIsoDateBytes(bytes, s, e)) {
            col.numbers[row] = isoDate.ms;
            if (isoDate.hasTime) col.hasTime = true;
          } else slowCell(state, f, row, s, e);
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
            if (col.interner) col.interner.addMissing(row);
            else col.numbers[row] = NaN;
          }
          f++;
          break;
        }
        continue;
      }
      if (c === cr && i < n && bytes[i] === lf) i++;
      break;
    }
    if (f !== nCols) {
      const line = lineOfOffset(bytes, pos);
      throw new DataError(`${fileName}: line ${line}: expected ${nCols} fields (as in the header), found ${f}`, { file: fileName, line });
    }
    rows++;
    pos = i;
    if (pos >= nextProgress) {
      onProgress?.((pos / n) * 0.8, 'parsing');
      nextProgress = pos + PROGRESS_BYTES;
    }
  }
  return { rows, columns, state };
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

/** Reads CSV/TSV bytes into a typed table. */
export function readCsv(input: Uint8Array, options: CsvOptions): DataTable {
  const { fileName, onProgress } = options;
  const { bytes, delimiter, names, dataStart } = readCsvHead(input, options);
  const { rows, columns } = scanRows(bytes, dataStart, delimiter, names.length, fileName, onProgress);
  return finishCsvTable(startCsvTable(names, rows, columns, fileName, delimiter), onProgress);
}

/** A table being typed from scanned columns: typeNumberColumns (optional), then finishCsvTable. */
export interface CsvTableBuild {
  names: string[];
  rows: number;
  columns: ColumnBuffers[];
  fileName: string;
  /** The file's delimiter (a char code): it hints how numbers are written (';' files use decimal commas). */
  delimiter?: number;
  /** Typed columns so far, by index. */
  out: (Column | undefined)[];
}

export function startCsvTable(names: string[], rows: number, columns: ColumnBuffers[], fileName: string, delimiter?: number): CsvTableBuild {
  if (rows === 0) throw new DataError(`${fileName} has a header but no data rows`, { file: fileName, line: 2 });
  return { names, rows, columns, fileName, delimiter, out: new Array<Column | undefined>(names.length) };
}

/**
 * Types the columns read as numbers that stay numbers (integer, number, date, datetime), the
 * quick part, so a caller can start work on them (profiles in other threads) before the rest.
 * Columns turning into text (ids, constants, empty) and string columns are left to finishCsvTable.
 */
export function typeNumberColumns(build: CsvTableBuild, onColumn?: (column: Column, index: number) => void): void {
  const { names, rows, columns, out } = build;
  for (let j = 0; j < names.length; j++) {
    const col = columns[j];
    if (col.mode === MODE_STRING || out[j]) continue;
    const values = col.numbers.length === rows ? col.numbers : col.numbers.slice(0, rows);
    let column: Column | undefined;
    if (col.mode === MODE_DATE) column = dateColumn(names[j], values, col.hasTime);
    else {
      const type = inferNumericType(names[j], values, col.fractional);
      if (type === 'integer' || type === 'number') column = numericColumn(names[j], values, col.fractional);
    }
    if (!column) continue;
    out[j] = column;
    col.numbers = new Float64Array(0);
    onColumn?.(column, j);
  }
}

/**
 * Types the remaining columns and assembles the table: numbers are typed from their values;
 * strings are decoded (each distinct value once, in the encoding their bytes say) and inferred.
 */
export function finishCsvTable(
  build: CsvTableBuild, onProgress?: (fraction: number, phase: string) => void,
  onColumn?: (column: Column, index: number) => void,
): DataTable {
  const { names, rows, columns, fileName, out } = build;
  const delimiter = build.delimiter === undefined ? undefined : String.fromCharCode(build.delimiter);
  onProgress?.(0.8, 'inferring types');
  const nCols = names.length;
  const decoder = chooseDecoder(columns.filter((c) => c.interner).map((c) => c.interner!.distinctBytes()));
  const notes: string[] = [];
  for (let j = 0; j < nCols; j++) {
    if (out[j]) continue;
    const col = columns[j];
    const name = names[j];
    if (col.mode !== MODE_STRING) {
      const values = col.numbers.length === rows ? col.numbers : col.numbers.slice(0, rows);
      col.numbers = new Float64Array(0);
      out[j] = col.mode === MODE_DATE ? dateColumn(name, values, col.hasTime) : numericColumn(name, values, col.fractional);
    } else {
      const stats = col.interner!.finish(rows, decoder, unquoteField);
      col.interner = undefined;
      out[j] = stringColumn(name, [], { stats, notes, delimiter });
    }
    onColumn?.(out[j]!, j);
    onProgress?.(0.8 + (0.2 * (j + 1)) / nCols, 'inferring types');
  }
  if (decoder.encoding === 'windows-1252') notes.push(`${fileName} is not UTF-8; read it as Latin-1 (windows-1252)`);
  if (decoder.lossy) notes.push(`${fileName} has bytes that are not valid UTF-8; they were replaced by \uFFFD`);
  const table: DataTable = { name: tableName(fileName), rowCount: rows, columns: out as Column[] };
  if (notes.length) table.notes = notes;
  return table;
}

/** Types the scanned columns and assembles the table. */
export function buildCsvTable(
  names: string[], rows: number, columns: ColumnBuffers[], fileName: string,
  onProgress?: (fraction: number, phase: string) => void,
): DataTable {
  return finishCsvTable(startCsvTable(names, rows, columns, fileName), onProgress);
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
