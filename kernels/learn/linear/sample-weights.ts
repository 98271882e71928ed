// Effective per-row training weights: the user's sample weights times class weights.
import type { Labels } from '../matrix';

/**
 * 'balanced' gives class c the weight n / (k · n_c) over the k classes present, like sklearn's
 * class_weight='balanced' (counts are unweighted, as there). Returns undefined when every row
 * weighs 1, so solvers can take their unweighted fast path.
 */
export function effectiveWeights(labels: Labels, classWeight: 'balanced' | null | undefined): Float64Array | undefined {
  const n = labels.y.length;
  const base = labels.weights;
  if (base) {
    if (base.length !== n) throw new Error(`sample weights: ${base.length} weights for ${n} rows`);
    for (let i = 0; i < n; i++) {
      if (!(base[i] >= 0) || !Number.isFinite(base[i])) throw new Error(`sample weights: row ${i} has weight ${base[i]}; weights must be finite and ≥ 0`);
    }
  }
  if (classWeight !== 'balanced' || labels.task === 'regression') return base ? Float64Array.from(base) : undefined;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) counts.set(labels.y[i], (counts.get(labels.y[i]) ?? 0) + 1);
  const k = counts.size;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (base ? base[i] : 1) * (n / (k * counts.get(labels.y[i])!));
  return out;
}
