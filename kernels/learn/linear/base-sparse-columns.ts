// Design columns stored as "one base value plus the rows that differ". A standardised one-hot
// indicator, a 0/1 flag, a TF-IDF term or a zero-inflated count holds one value on most rows; the
// products the logistic losses need every iteration, z += w·c and Σ rᵢ·cᵢ, then cost only the
// differing rows: Σ rᵢ·cᵢ = base·Σ rᵢ + Σ_{i differs} rᵢ·(cᵢ − base). On one-hot-heavy tables
// this is most of the work of an L-BFGS iteration (scikit-learn runs the dense products in BLAS).

/** Rows that may differ from the base value for a column to be stored sparse. */
const MAX_DIFFERING_SHARE = 0.25;
/** Distinct values looked at while searching a column's base value. */
const MAX_CANDIDATES = 8;

export interface BaseSparseColumn {
  base: number;
  /** Rows whose value is not `base`, ascending; null: the column is dense. */
  rows: Int32Array | null;
  /** value − base on those rows. */
  deltas: Float64Array | null;
  /** The column itself when it is dense. */
  dense: Float64Array | null;
}

/**
 * The most frequent value of `c` if it covers enough rows to be worth a base, else undefined.
 * Up to MAX_CANDIDATES distinct values are counted in two small typed arrays (a linear scan,
 * usually ending at the first candidate: a Map per value cost ~10 % of a small fit).
 */
function baseValue(c: Float64Array): number | undefined {
  const values = new Float64Array(MAX_CANDIDATES);
  const counts = new Int32Array(MAX_CANDIDATES);
  let size = 0;
  for (let i = 0; i < c.length; i++) {
    const v = c[i];
    let j = 0;
    while (j < size && values[j] !== v && !(v !== v && values[j] !== values[j])) j++;
    if (j < size) counts[j]++;
    else if (size < MAX_CANDIDATES) {
      values[size] = v;
      counts[size++] = 1;
    } else if (i > 64) {
      // Many distinct values early on: a continuous column, not worth scanning further.
      let best = 0;
      for (let k = 0; k < size; k++) if (counts[k] > best) best = counts[k];
      if (best < i * (1 - MAX_DIFFERING_SHARE)) return undefined;
    }
  }
  let base: number | undefined;
  let most = 0;
  for (let k = 0; k < size; k++) {
    if (counts[k] > most) {
      most = counts[k];
      base = values[k];
    }
  }
  return most >= c.length * (1 - MAX_DIFFERING_SHARE) ? base : undefined;
}

export function toBaseSparse(columns: readonly Float64Array[]): BaseSparseColumn[] {
  return columns.map((c) => {
    const base = baseValue(c);
    if (base === undefined) return { base: 0, rows: null, deltas: null, dense: c };
    let m = 0;
    for (let i = 0; i < c.length; i++) if (c[i] !== base) m++;
    const rows = new Int32Array(m);
    const deltas = new Float64Array(m);
    for (let i = 0, k = 0; i < c.length; i++) {
      if (c[i] !== base) { rows[k] = i; deltas[k++] = c[i] - base; }
    }
    return { base, rows, deltas, dense: null };
  });
}

/**
 * z += w · (column − base): the whole column when dense (base 0), only the differing rows when
 * sparse. The caller adds Σ w·base once to every row (see linearPredictor).
 */
export function addScaledDeltas(z: Float64Array, w: number, col: BaseSparseColumn): void {
  const dense = col.dense;
  if (dense) {
    for (let i = 0; i < z.length; i++) z[i] += w * dense[i];
    return;
  }
  const rows = col.rows!;
  const deltas = col.deltas!;
  for (let k = 0; k < rows.length; k++) z[rows[k]] += w * deltas[k];
}

/** z = intercept + Σⱼ x[offset + j] · columnⱼ. */
export function linearPredictor(z: Float64Array, columns: readonly BaseSparseColumn[], x: Float64Array, offset: number, intercept: number): void {
  let shift = intercept;
  for (let j = 0; j < columns.length; j++) shift += x[offset + j] * columns[j].base;
  z.fill(shift);
  for (let j = 0; j < columns.length; j++) {
    const w = x[offset + j];
    if (w !== 0) addScaledDeltas(z, w, columns[j]);
  }
}

/** Σ rᵢ · columnᵢ, given Σ rᵢ. */
export function dotColumn(r: Float64Array, sumR: number, col: BaseSparseColumn): number {
  const dense = col.dense;
  if (dense) {
    let s0 = 0;
    let s1 = 0;
    const n = r.length;
    let i = 0;
    // Two accumulators: half the dependency chain of one running sum.
    for (; i + 1 < n; i += 2) {
      s0 += r[i] * dense[i];
      s1 += r[i + 1] * dense[i + 1];
    }
    if (i < n) s0 += r[i] * dense[i];
    return s0 + s1;
  }
  const rows = col.rows!;
  const deltas = col.deltas!;
  let s = col.base * sumR;
  for (let k = 0; k < rows.length; k++) s += r[rows[k]] * deltas[k];
  return s;
}
