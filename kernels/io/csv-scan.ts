// CSV scanning (RFC 4180): double-quoted fields with "" escapes and embedded newlines, LF / CRLF /
// CR line endings, blank lines skipped. The reader runs in three steps: csv-sniff.ts (what comes
// before the rows), this row scanner, csv-finish.ts (typing the columns); from-csv.ts runs them.
//
// Speed: one pass over the bytes, row by row. Each column starts as "numeric": its cells are
// parsed straight from the bytes into a Float64Array (no strings, no regexes). The first cell
// that is not a number turns the column into a "string" column, which from then on only records
// its cells' byte ranges; the ranges of the rows already read are recovered from the saved row
// starts. String columns are decoded and interned afterwards, one column at a time.
import { DataError } from '../table/types';
import { parseNumberBytes, numberParse, parseNumberText } from '../table/parse-number';
import { isMissingText } from '../table/missing';
import { isoDate, parseIsoDateBytes } from '../table/iso-date';
import { ByteInterner, FNV_OFFSET, FNV_PRIME, hashBytes, internRange } from './byte-interner';

export const QUOTE = 34;
export const LF = 10;
export const CR = 13;
/** High bit of a start offset: the cell is a raw quoted field that needs unquoting. */
export const RAW = 0x80000000;
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
export function scanRow(bytes: Uint8Array, i: number, delimiter: number, fileName: string): { fields: number[]; next: number } {
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
  const parseIso = parseIsoDateBytes;
  const iso = isoDate;
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
          else if (s < raw && parseIso(bytes, s, e)) {
            col.numbers[row] = iso.ms;
            if (iso.hasTime) col.hasTime = true;
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

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
}
