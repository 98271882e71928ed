// How a fitted pipeline finds its columns in a table it is replayed on (predict, evaluate, the
// app's scoring). One rule for both pipeline kinds, so the input check says exactly what scoring
// does: the header with the exact name wins; otherwise the one header equal to it apart from
// case and surrounding spaces ("Age " or "AGE" for "age"). When several headers are equal that
// way and none is exact, the match is ambiguous: scoring must not guess (see check-inputs).
import type { Column, DataTable } from './types';

export interface ColumnIndex {
  exact: Map<string, Column>;
  loose: Map<string, Column[]>;
}

/** The key two headers share when they differ only by case and surrounding spaces. */
export function looseName(name: string): string {
  return name.trim().toLowerCase();
}

export function indexColumns(table: DataTable): ColumnIndex {
  const exact = new Map<string, Column>();
  const loose = new Map<string, Column[]>();
  for (const c of table.columns) {
    if (!exact.has(c.name)) exact.set(c.name, c);
    const key = looseName(c.name);
    const list = loose.get(key);
    if (list) list.push(c);
    else loose.set(key, [c]);
  }
  return { exact, loose };
}

export interface ColumnMatch {
  /** The column scoring reads (undefined: missing, or ambiguous). */
  column?: Column;
  /** Headers that match apart from case/spaces; two or more without an exact match is ambiguous. */
  looseMatches: Column[];
}

export function matchColumn(index: ColumnIndex, name: string): ColumnMatch {
  const looseMatches = index.loose.get(looseName(name)) ?? [];
  const exact = index.exact.get(name);
  if (exact) return { column: exact, looseMatches };
  return { column: looseMatches.length === 1 ? looseMatches[0] : undefined, looseMatches };
}

/** The column scoring reads for `name`, or undefined (missing or ambiguous). */
export function findColumn(index: ColumnIndex, name: string): Column | undefined {
  return matchColumn(index, name).column;
}
