// Request rows → the table the pipeline replays, checking every field against the input schema.
// Scoring stays as at training time: a missing field is a missing value, text meaning "no value"
// (NA, null, blank …) is missing, numbers sent as text ("1,234", "12%") are parsed, unknown fields
// are ignored (and counted). What cannot be a value of its column — an object, a word in a number
// column, a non-finite number — is a 400 naming the row and the field.
// The schema is compiled once per model; rows of many requests are validated into one InputBatch.
import { isMissingCell, parseNumberCell, stringValues } from '../kernels/features/coerce-column';
import { isMissingText } from '../kernels/table/missing';
import type { Column, DataTable } from '../kernels/table/types';
import type { InputField } from './load-model';

/** Bad request input; the message names the row (1-based) and the field. */
export class InputError extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
    this.name = 'InputError';
  }
}

/** What the request's rows looked like, for /metrics. */
export interface InputStats {
  rows: number;
  /** Rows with at least one missing input (absent field, null, NA …). */
  rowsWithMissing: number;
  /** Rows with a number outside the training range (needs a reference profile). */
  rowsOutOfRange: number;
  /** Fields sent that the model does not read (summed over rows). */
  unknownFields: number;
  /** Per input column: values not among the categories the model knows. */
  unseen: Map<string, number>;
}

export interface CompiledSchema {
  fields: InputField[];
  /** Exact name → field index, then the trimmed lower-case name (the pipeline matches loosely too). */
  index: Map<string, number>;
  loose: Map<string, number>;
  known: (Set<string> | undefined)[];
  /** The field index of the k-th key of the last JSON row seen (-1 unknown): see appendJsonRows. */
  keyCache: string[];
  slotCache: number[];
}

export function compileSchema(fields: InputField[]): CompiledSchema {
  const index = new Map<string, number>();
  const loose = new Map<string, number>();
  fields.forEach((f, j) => {
    index.set(f.name, j);
    if (!loose.has(f.name.trim().toLowerCase())) loose.set(f.name.trim().toLowerCase(), j);
  });
  return { fields, index, loose, known: fields.map((f) => (f.categories ? new Set(f.categories) : undefined)), keyCache: [], slotCache: [] };
}

function fieldOf(schema: CompiledSchema, key: string): number | undefined {
  return schema.index.get(key) ?? schema.loose.get(key.trim().toLowerCase());
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function fail(row: number, field: InputField, expected: string, got: unknown): never {
  throw new InputError(`row ${row + 1}, field "${field.name}": expected ${expected}, got ${show(got)}`);
}

function expectedOf(field: InputField): string {
  if (field.type === 'boolean') return 'a boolean (true/false, yes/no, 1/0)';
  if (field.type === 'date' || field.type === 'datetime') return 'a date (ISO text or epoch milliseconds)';
  return 'a number';
}

/** A numeric input's value (NaN = missing), or a 400. */
function numberCell(v: unknown, field: InputField, row: number): number {
  if (v === null || v === undefined) return NaN;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail(row, field, 'a finite number', v);
    return v;
  }
  if (typeof v === 'string') {
    if (isMissingText(v)) return NaN;
    const n = parseNumberCell(v, field.type);
    if (!Number.isFinite(n)) fail(row, field, expectedOf(field), v);
    return n;
  }
  if (typeof v === 'boolean' && field.type === 'boolean') return v ? 1 : 0;
  return fail(row, field, expectedOf(field), v);
}

/** A text input's value (null = missing), or a 400. */
function textCell(v: unknown, field: InputField, row: number): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return isMissingText(v) ? null : v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail(row, field, 'a finite number or text', v);
    return String(v);
  }
  if (typeof v === 'boolean') return String(v);
  return fail(row, field, 'text, a number or null', v);
}

/**
 * Validated request rows in the pipeline's columns, growing as requests append to it: the
 * server's micro-batch (the rows of every request that arrived in one event-loop turn, scored by one
 * pipeline replay and one model run) and, for a single request, tableFromJsonRows. Values go
 * straight from the parsed JSON into the columns; a request with a bad field throws InputError
 * (rows numbered within that request) and leaves the batch as it was.
 */
export class InputBatch {
  /** Per field: Float64Array (numeric) or (string | null)[] (text), `capacity` long. */
  private numeric: (Float64Array | null)[];
  private text: ((string | null)[] | null)[];
  private capacity: number;
  rowCount = 0;
  /** Fields sent that the model does not read, summed over the appended rows. */
  unknownFields = 0;

  constructor(readonly schema: CompiledSchema, capacity = 16) {
    this.capacity = Math.max(1, capacity);
    this.numeric = schema.fields.map((f) => (f.storage === 'numeric' ? new Float64Array(this.capacity) : null));
    this.text = schema.fields.map((f) => (f.storage === 'numeric' ? null : []));
  }

  /** Makes room for `n` more rows, all missing until written. */
  private open(n: number): number {
    const start = this.rowCount;
    const end = start + n;
    if (end > this.capacity) {
      this.capacity = Math.max(end, this.capacity * 2);
      this.numeric = this.numeric.map((col) => {
        if (!col) return null;
        const grown = new Float64Array(this.capacity);
        grown.set(col.subarray(0, start));
        return grown;
      });
    }
    for (const col of this.numeric) col?.fill(NaN, start, end);
    for (const col of this.text) {
      if (!col) continue;
      col.length = start;
      for (let i = start; i < end; i++) col.push(null);
    }
    return start;
  }

  /** A request's JSON rows (an array of objects), or rows [from, to) of it (numbered as in the request). */
  appendJsonRows(rows: unknown[], from = 0, to = rows.length): void {
    const n = to - from;
    const start = this.open(n) - from;
    const { schema, numeric, text } = this;
    const { fields, keyCache, slotCache } = schema;
    let unknownFields = 0;
    for (let i = from; i < to; i++) {
      const row = rows[i];
      if (row === null || typeof row !== 'object' || Array.isArray(row)) {
        throw new InputError(`row ${i + 1}: expected an object of column values, got ${show(row)}`);
      }
      const at = start + i;
      let k = 0;
      for (const key in row) {
        // Clients send the same keys in the same order row after row: compare with the last
        // row's k-th key (interned strings, so usually a pointer check) before a map lookup.
        let j: number;
        if (keyCache[k] === key) j = slotCache[k];
        else {
          j = fieldOf(schema, key) ?? -1;
          keyCache[k] = key;
          slotCache[k] = j;
        }
        k++;
        if (j < 0) { unknownFields++; continue; }
        const v = (row as Record<string, unknown>)[key];
        const num = numeric[j];
        if (num) num[at] = numberCell(v, fields[j], i);
        else text[j]![at] = textCell(v, fields[j], i);
      }
    }
    this.rowCount += n;
    this.unknownFields += unknownFields;
  }

  /**
   * A table read from a CSV body, or rows [from, to) of it (numbered as in the body): the same
   * per-cell checks as JSON on cells the reader kept as text; typed cells pass as the reader typed
   * them (as `tourney predict`).
   */
  appendCsvTable(csv: DataTable, from = 0, to = csv.rowCount): void {
    const n = to - from;
    const start = this.open(n);
    let unknownFields = 0;
    for (const source of csv.columns) {
      const j = fieldOf(this.schema, source.name);
      if (j === undefined) { unknownFields += n; continue; }
      const field = this.schema.fields[j];
      const num = this.numeric[j];
      if (num) {
        if (source.storage === 'numeric') num.set(source.values.subarray(from, to), start);
        else for (let i = from; i < to; i++) num[start + i - from] = numberCell(source.values[i], field, i);
      } else {
        const col = this.text[j]!;
        if (source.storage === 'string') for (let i = from; i < to; i++) col[start + i - from] = source.values[i];
        else {
          // Only this range printed as text (a big body appends in parts).
          const values = stringValues({ ...source, values: source.values.subarray(from, to) }, n);
          for (let i = 0; i < n; i++) col[start + i] = values[i];
        }
      }
    }
    this.rowCount += n;
    this.unknownFields += unknownFields;
  }

  /** The rows as the pipeline's input table, with their stats. The batch is spent afterwards. */
  finish(): { table: DataTable; stats: InputStats } {
    const n = this.rowCount;
    const columns: Column[] = this.schema.fields.map((f, j) => {
      const num = this.numeric[j];
      if (num) return { name: f.name, type: f.type, storage: 'numeric', values: num.length === n ? num : num.slice(0, n) };
      const values = this.text[j]!;
      values.length = n;
      return { name: f.name, type: f.type, storage: 'string', values };
    });
    const table: DataTable = { name: 'request', rowCount: n, columns };
    return { table, stats: inputStats(this.schema, table, this.unknownFields) };
  }
}

/** Counts missing, out-of-range and unseen values of an input table in the schema's columns. */
export function inputStats(schema: CompiledSchema, table: DataTable, unknownFields: number): InputStats {
  const n = table.rowCount;
  const missing = new Uint8Array(n);
  const outOfRange = new Uint8Array(n);
  const unseen = new Map<string, number>();
  schema.fields.forEach((f, j) => {
    const col = table.columns[j];
    const known = schema.known[j];
    let unseenHere = 0;
    for (let i = 0; i < n; i++) {
      if (isMissingCell(col, i)) { missing[i] = 1; continue; }
      if (col.storage === 'numeric') {
        if (f.min !== undefined && (col.values[i] < f.min || col.values[i] > f.max!)) outOfRange[i] = 1;
      } else if (known && !known.has(col.values[i]!)) unseenHere++;
    }
    if (unseenHere) unseen.set(f.name, unseenHere);
  });
  let rowsWithMissing = 0;
  let rowsOutOfRange = 0;
  for (let i = 0; i < n; i++) { rowsWithMissing += missing[i]; rowsOutOfRange += outOfRange[i]; }
  return { rows: n, rowsWithMissing, rowsOutOfRange, unknownFields, unseen };
}

/** JSON rows (an array of objects) → the model's input table. */
export function tableFromJsonRows(schema: CompiledSchema, rows: unknown[]): { table: DataTable; stats: InputStats } {
  const batch = new InputBatch(schema, rows.length);
  batch.appendJsonRows(rows);
  return batch.finish();
}

/** A table read from a CSV body → the model's input table (see InputBatch.appendCsvTable). */
export function tableFromCsvTable(schema: CompiledSchema, csv: DataTable): { table: DataTable; stats: InputStats } {
  const batch = new InputBatch(schema, csv.rowCount);
  batch.appendCsvTable(csv);
  return batch.finish();
}
