// Orders rows by one column's ranks. Ties keep table order, and missing values go last in both
// directions (a reader sorting descending wants the largest values first, not the blanks).
import type { ColumnRanks } from './rank-column';

/** Largest row count for which rank * n + row stays an exact double (sqrt(2^53)). */
const PACKED_LIMIT = 94_906_265;

/**
 * Returns `rows` (or all rows 0..n-1 when null) reordered by rank. Packs (rank, row) into one
 * double so a native Float64Array sort does the work without a comparator callback.
 */
export function sortRows(rows: Uint32Array | null, rowCount: number, key: ColumnRanks, descending: boolean): Uint32Array {
  const selected = rows ?? identity(rowCount);
  const { ranks, distinct } = key;
  const rankOf = (row: number) => {
    const rank = ranks[row];
    if (rank === distinct || !descending) return rank;
    return distinct - 1 - rank;
  };
  if (rowCount > PACKED_LIMIT) {
    return Uint32Array.from(selected).sort((a, b) => rankOf(a) - rankOf(b) || a - b);
  }
  const packed = new Float64Array(selected.length);
  const stride = rowCount + 1;
  for (let i = 0; i < selected.length; i++) packed[i] = rankOf(selected[i]) * stride + selected[i];
  packed.sort();
  const out = new Uint32Array(selected.length);
  for (let i = 0; i < packed.length; i++) out[i] = packed[i] % stride;
  return out;
}

export function identity(n: number): Uint32Array {
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}
