// Two features that move together (|r| ≥ 0.999, or identical missing-value patterns and values)
// say the same thing twice: the later one goes. Correlations are computed on at most `maxRows`
// evenly spaced rows, which is plenty to tell 0.999 from 0.99. The pair scan is quadratic in the
// features (2 s of a 5 s pipeline fit on 5,000 columns): past `deadline` (Date.now() ms) it stops
// where it is — a duplicate left in costs a little time, a tournament over its budget much more.

export interface DuplicateFinding { index: number; of: number; correlation: number }

export function findNearDuplicates(
  features: readonly { values: ArrayLike<number> }[], n: number, threshold = 0.999, maxRows = 4000, deadline = Infinity,
): DuplicateFinding[] {
  const step = Math.max(1, Math.floor(n / maxRows));
  const m = Math.ceil(n / step);
  const p = features.length;
  // Standardised copies; NaN becomes a sentinel pattern so two features only match when they
  // are missing on the same rows.
  const z: Float64Array[] = [];
  const nanMask: string[] = [];
  const usable: boolean[] = [];
  for (const f of features) {
    const v = new Float64Array(m);
    let mean = 0, count = 0;
    const missingRows: number[] = [];
    for (let k = 0, i = 0; k < m; k++, i += step) {
      const x = f.values[i];
      if (Number.isNaN(x)) { missingRows.push(k); v[k] = NaN; } else { v[k] = x; mean += x; count++; }
    }
    mean = count ? mean / count : 0;
    let ss = 0;
    for (let k = 0; k < m; k++) if (!Number.isNaN(v[k])) ss += (v[k] - mean) ** 2;
    const sd = Math.sqrt(ss);
    for (let k = 0; k < m; k++) v[k] = Number.isNaN(v[k]) || sd === 0 ? 0 : (v[k] - mean) / sd;
    z.push(v);
    nanMask.push(`${missingRows.length}:${missingRows.slice(0, 50).join(',')}`);
    usable.push(sd > 0);
  }
  // The copies have unit norm, so |r| ≥ threshold ⇔ ‖za ∓ zb‖² = 2 ∓ 2r ≤ 2(1 − threshold). Partial
  // sums of squares only grow: once both exceed that (plus rounding slack) the pair cannot match.
  const bound = 2 * (1 - threshold) + 1e-9;
  const dropped = new Set<number>();
  const out: DuplicateFinding[] = [];
  for (let a = 0; a < p; a++) {
    if (dropped.has(a) || !usable[a]) continue;
    if (deadline < Infinity && Date.now() > deadline) break;
    const za = z[a];
    for (let b = a + 1; b < p; b++) {
      if (dropped.has(b) || !usable[b] || nanMask[a] !== nanMask[b]) continue;
      const zb = z[b];
      if (farApart(za, zb, m, bound)) continue;
      let r = 0;
      for (let k = 0; k < m; k++) r += za[k] * zb[k];
      if (Math.abs(r) >= threshold) {
        dropped.add(b);
        out.push({ index: b, of: a, correlation: r });
      }
    }
  }
  return out;
}

/** Rows per block between early-exit checks. */
const BLOCK = 128;

/**
 * True when za and zb are certainly farther apart than `bound` both as za − zb and as za + zb,
 * read block by block and stopping at the first block that settles it. Most pairs of unrelated
 * features (text terms that occur in different rows, numbers that vary differently) are settled
 * within the first block or two, so this avoids the full dot product for almost every pair.
 */
function farApart(za: Float64Array, zb: Float64Array, m: number, bound: number): boolean {
  let minus = 0;
  let plus = 0;
  for (let start = 0; start < m; start += BLOCK) {
    const end = Math.min(m, start + BLOCK);
    for (let k = start; k < end; k++) {
      const a = za[k], b = zb[k];
      minus += (a - b) * (a - b);
      plus += (a + b) * (a + b);
    }
    if (minus > bound && plus > bound) return true;
  }
  return false;
}
