// What every derivation gets: the input columns in the shape the spec recorded (numbers or text),
// and, when fitting, the encoded target and the resolved options.
import type { Labels } from '../learn/matrix';
import type { Column, ColumnType, DataTable } from '../table/types';
import { findColumn, indexColumns } from '../table/match-columns';
import { numericValues, stringValues } from './coerce-column';
import type { FeatureRole, PipelineInput } from './types';

/** Output of a derivation: one array per output name, nRows long, NaN for missing. */
export type FeatureColumns = Float32Array[];

export interface ColumnReader {
  nRows: number;
  numeric(name: string): Float64Array;
  text(name: string): (string | null)[];
  /** The column as stored, when present (null-indicator needs to see blanks). */
  raw(name: string): Column | undefined;
}

/** Reads a table through the spec's recorded inputs, coercing once per column. */
export function tableReader(table: DataTable, inputs: readonly PipelineInput[]): ColumnReader {
  // Scoring files may differ in case/spacing of headers: the one matching rule of match-columns.ts.
  const index = cachedIndex(table);
  const types = new Map<string, ColumnType>(inputs.map((i) => [i.name, i.type]));
  const find = (name: string) => findColumn(index, name);
  const numericCache = new Map<string, Float64Array>();
  const textCache = new Map<string, (string | null)[]>();
  const n = table.rowCount;
  return {
    nRows: n,
    numeric(name) {
      let v = numericCache.get(name);
      if (!v) numericCache.set(name, (v = numericValues(find(name), n, types.get(name) ?? 'number')));
      return v;
    },
    text(name) {
      let v = textCache.get(name);
      if (!v) textCache.set(name, (v = stringValues(find(name), n)));
      return v;
    },
    raw: find,
  };
}

/**
 * Column lookups per table, built once: fitting makes one reader per column, and rebuilding the
 * index for each made a 5,000-column table cost 5,000² map entries (14 s of a 15 s pipeline fit).
 */
const indexes = new WeakMap<DataTable, ReturnType<typeof indexColumns>>();

function cachedIndex(table: DataTable): ReturnType<typeof indexColumns> {
  let index = indexes.get(table);
  if (!index) indexes.set(table, (index = indexColumns(table)));
  return index;
}

export interface ResolvedOptions {
  topK: number;
  minSupport: number;
  maxTerms: number;
  maxBuckets: number;
}

export interface FitContext {
  name: string;
  type: ColumnType;
  role: FeatureRole;
  storage: 'numeric' | 'string';
  reader: ColumnReader;
  labels: Labels;
  options: ResolvedOptions;
}

export function newFeatureColumns(count: number, nRows: number, fill = 0): FeatureColumns {
  const out: Float32Array[] = [];
  for (let j = 0; j < count; j++) {
    const a = new Float32Array(nRows);
    if (fill !== 0) a.fill(fill);
    out.push(a);
  }
  return out;
}
