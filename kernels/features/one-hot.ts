// Pivoting a categorical column: one indicator per frequent value (at most topK values, each seen
// in at least minSupport rows), and one for every other value, including values never seen when
// fitting. Missing cells set no indicator (the null indicator covers them).
import type { ColumnReader, FeatureColumns, FitContext } from './context';
import { newFeatureColumns } from './context';
import type { OneHotSpec } from './types';

export const OTHER = 'OTHER';

/** Values to keep: most frequent first (ties by first appearance), at least minSupport rows each. */
export function frequentValues(
  keys: Iterable<string | null>, topK: number, minSupport: number,
): { values: string[]; hasOther: boolean } {
  const counts = new Map<string, number>();
  for (const k of keys) if (k != null && k !== '') counts.set(k, (counts.get(k) ?? 0) + 1);
  const ranked = [...counts.entries()].map(([value, count], order) => ({ value, count, order }));
  ranked.sort((a, b) => b.count - a.count || a.order - b.order);
  const kept = ranked.filter((r) => r.count >= minSupport).slice(0, topK);
  return { values: kept.map((r) => r.value), hasOther: kept.length < ranked.length };
}

export function fitOneHot(ctx: FitContext): OneHotSpec | null {
  const keys = ctx.reader.text(ctx.name).map((s) => (s == null ? null : s.trim()));
  const { values, hasOther } = frequentValues(keys, ctx.options.topK, ctx.options.minSupport);
  if (values.length === 0) return null;
  const outputs = values.map((v) => `${ctx.name}=${v}`);
  if (hasOther) outputs.push(`${ctx.name}=${OTHER}`);
  return { kind: 'one-hot', column: ctx.name, values, outputs };
}

export function applyOneHot(spec: OneHotSpec, reader: ColumnReader): FeatureColumns {
  const n = reader.nRows;
  const out = newFeatureColumns(spec.outputs.length, n);
  const otherIndex = spec.outputs.length > spec.values.length ? spec.values.length : -1;
  const index = valueIndex(spec.values);
  const cells = reader.text(spec.column);
  for (let i = 0; i < n; i++) {
    const s = cells[i];
    if (s == null || s === '') continue;
    const j = lookup(index, s);
    if (j >= 0) out[j][i] = 1;
    else if (otherIndex >= 0) {
      if (s.trim() !== '') out[otherIndex][i] = 1;
    }
  }
  return out;
}

export interface ValueIndex { exact: Map<string, number>; loose: Map<string, number> }

/** Exact match first; at scoring time a value that differs only in case or spacing still matches. */
export function valueIndex(values: readonly string[]): ValueIndex {
  const exact = new Map<string, number>();
  const loose = new Map<string, number>();
  values.forEach((v, j) => {
    exact.set(v, j);
    const l = v.trim().toLowerCase();
    if (!loose.has(l)) loose.set(l, j);
  });
  return { exact, loose };
}

export function lookup(index: ValueIndex, s: string): number {
  const j = index.exact.get(s);
  if (j !== undefined) return j;
  return index.loose.get(s.trim().toLowerCase()) ?? -1;
}
