// Request rows → the table the pipeline replays, checking every field against the input schema.
// Scoring stays as at training time: a missing field is a missing value, text meaning "no value"
// (NA, null, blank …) is missing, numbers sent as text ("1,234", "12%") are parsed, unknown fields
// are ignored (and counted). What cannot be a value of its column — an object, a word in a number
// column, a non-finite number — is a 400 naming the row and the field.
// The schema is compiled once per model so a single-row request costs a few small arrays.
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
}

export function compileSchema(fields: InputField[]): CompiledSchema {
  const index = new Map<string, number>();
  const loose = new Map<string, number>();
  fields.forEach((f, j) => {
    index.set(f.name, j);
    if (!loose.has(f.name.trim().toLowerCase())) loose.set(f.name.trim().toLowerCase(), j);
  });
  return { fields, index, loose, known: fields.map((f) => (f.categories ? new Set(f.categories) : undefined)) };
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

interface Builder {
  columns: Column[];
  missing: Uint8Array;
  outOfRange: Uint8Array;
}

function newBuilder(schema: CompiledSchema, n: number): Builder {
  const columns: Column[] = schema.fields.map((f) => (f.storage === 'numeric'
    ? { name: f.name, type: f.type, storage: 'numeric', values: new Float64Array(n).fill(NaN) }
    : { name: f.name, type: f.type, storage: 'string', values: new Array<string | null>(n).fill(null) }));
  return { columns, missing: new Uint8Array(n), outOfRange: new Uint8Array(n) };
}

/** Counts missing, out-of-range and unseen values once the columns are filled. */
function finish(schema: CompiledSchema, b: Builder, n: number, unknownFields: number): { table: DataTable; stats: InputStats } {
  const unseen = new Map<string, number>();
  schema.fields.forEach((f, j) => {
    const col = b.columns[j];
    const known = schema.known[j];
    let unseenHere = 0;
    for (let i = 0; i < n; i++) {
      if (isMissingCell(col, i)) { b.missing[i] = 1; continue; }
      if (col.storage === 'numeric') {
        if (f.min !== undefined && (col.values[i] < f.min || col.values[i] > f.max!)) b.outOfRange[i] = 1;
      } else if (known && !known.has(col.values[i]!)) unseenHere++;
    }
    if (unseenHere) unseen.set(f.name, unseenHere);
  });
  let rowsWithMissing = 0;
  let rowsOutOfRange = 0;
  for (let i = 0; i < n; i++) { rowsWithMissing += b.missing[i]; rowsOutOfRange += b.outOfRange[i]; }
  return { table: { name: 'request', rowCount: n, columns: b.columns }, stats: { rows: n, rowsWithMissing, rowsOutOfRange, unknownFields, unseen } };
}

/** JSON rows (an array of objects) → the model's input table. */
export function tableFromJsonRows(schema: CompiledSchema, rows: unknown[]): { table: DataTable; stats: InputStats } {
  const n = rows.length;
  const b = newBuilder(schema, n);
  let unknownFields = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new InputError(`row ${i + 1}: expected an object of column values, got ${show(row)}`);
    }
    for (const key in row) {
      const j = fieldOf(schema, key);
      if (j === undefined) { unknownFields++; continue; }
      const v = (row as Record<string, unknown>)[key];
      const col = b.columns[j];
      if (col.storage === 'numeric') col.values[i] = numberCell(v, schema.fields[j], i);
      else col.values[i] = textCell(v, schema.fields[j], i);
    }
  }
  return finish(schema, b, n, unknownFields);
}

/**
 * A table read from a CSV body → the model's input table: the same per-cell checks as JSON on
 * cells the reader kept as text; typed cells pass as the reader typed them (as `tourney predict`).
 */
export function tableFromCsvTable(schema: CompiledSchema, csv: DataTable): { table: DataTable; stats: InputStats } {
  const n = csv.rowCount;
  const b = newBuilder(schema, n);
  let unknownFields = 0;
  for (const source of csv.columns) {
    const j = fieldOf(schema, source.name);
    if (j === undefined) { unknownFields += n; continue; }
    const field = schema.fields[j];
    const col = b.columns[j];
    if (col.storage === 'numeric') {
      if (source.storage === 'numeric') col.values.set(source.values);
      else for (let i = 0; i < n; i++) col.values[i] = numberCell(source.values[i], field, i);
    } else {
      const text = source.storage === 'string' ? source.values : stringValues(source, n);
      for (let i = 0; i < n; i++) col.values[i] = text[i];
    }
  }
  return finish(schema, b, n, unknownFields);
}
