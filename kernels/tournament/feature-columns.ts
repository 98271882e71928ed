// Which raw column each matrix feature comes from, read from a fitted pipeline spec, so
// importances and explanations can be shown per raw column as well as per derived feature.
// Understands the feature pipeline's derivations (`column` → `outputs`) and the plain
// converter's one-feature-per-column list; unknown features map to themselves.

interface DerivationLike {
  column?: unknown;
  outputs?: unknown;
}

export function featureToColumn(spec: unknown, featureNames: readonly string[]): string[] {
  const map = new Map<string, string>();
  const s = spec as { derivations?: DerivationLike[]; features?: unknown[] } | undefined;
  if (s && Array.isArray(s.derivations)) {
    for (const d of s.derivations) {
      if (typeof d.column !== 'string' || !Array.isArray(d.outputs)) continue;
      for (const o of d.outputs) if (typeof o === 'string' && !map.has(o)) map.set(o, d.column);
    }
  }
  if (s && Array.isArray(s.features)) {
    for (const f of s.features) {
      const name = typeof f === 'object' && f !== null ? (f as { name?: unknown }).name : undefined;
      const column = typeof f === 'object' && f !== null ? (f as { column?: unknown }).column : undefined;
      if (typeof name === 'string' && !map.has(name)) map.set(name, typeof column === 'string' ? column : name);
    }
  }
  return featureNames.map((f) => map.get(f) ?? f);
}

/** Sums per-feature values into per-column values, largest first. */
export function sumByColumn(values: ArrayLike<number>, columns: readonly string[]): { column: string; value: number }[] {
  const sums = new Map<string, number>();
  for (let j = 0; j < columns.length; j++) sums.set(columns[j], (sums.get(columns[j]) ?? 0) + values[j]);
  return [...sums.entries()].map(([column, value]) => ({ column, value })).sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
}
