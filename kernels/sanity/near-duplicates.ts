// Two features that move together (|r| ≥ 0.999, or identical missing-value patterns and values)
// say the same thing twice: the later one goes. Correlations are computed on at most `maxRows`
// evenly spaced rows, which is plenty to tell 0.999 from 0.99.

export interface DuplicateFinding { index: number; of: number; correlation: number }

export function findNearDuplicates(
  features: readonly { values: ArrayLike<number> }[], n: number, threshold = 0.999, maxRows = 4000,
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
  const dropped = new Set<number>();
  const out: DuplicateFinding[] = [];
  for (let a = 0; a < p; a++) {
    if (dropped.has(a) || !usable[a]) continue;
    const za = z[a];
    for (let b = a + 1; b < p; b++) {
      if (dropped.has(b) || !usable[b] || nanMask[a] !== nanMask[b]) continue;
      const zb = z[b];
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
