// Where the target changes along one number: fit the project's GBDT with a single few-leaf tree on
// that number alone and read its split thresholds. Each threshold t (go left iff x <= t) is
// returned as the pair of observed values around it, so the caller can choose any cut in between.
import { fitGbdt } from '../learn/gbdt/train-gbdt';
import type { Labels } from '../learn/matrix';

export interface SplitOptions {
  maxLeaves: number;
  /** Fewest rows a bucket may hold. */
  minLeaf: number;
  /** A split must remove at least this fraction of the target's spread (impurity). */
  minGainFraction: number;
}

/** Cuts as [largest value below, smallest value above], ascending. */
export function supervisedSplits(x: Float64Array, labels: Labels, opts: SplitOptions): [number, number][] {
  const rows: number[] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(labels.y[i])) rows.push(i);
  const n = rows.length;
  if (n < 2 * opts.minLeaf) return [];
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let k = 0; k < n; k++) { xs[k] = x[rows[k]]; ys[k] = labels.y[rows[k]]; }
  // Split gains are in gradient units: for logloss that is (impurity removed) × n; for squared
  // error, the sum of squares removed. Scale the threshold accordingly.
  let scale = n;
  if (labels.task === 'regression') {
    let mean = 0;
    for (const v of ys) mean += v;
    mean /= n;
    let ss = 0;
    for (const v of ys) ss += (v - mean) ** 2;
    scale = ss;
    if (ss === 0) return [];
  }
  const model = fitGbdt(
    { nRows: n, columns: [xs], featureNames: ['x'] },
    { ...labels, y: ys, weights: undefined },
    {
      trees: 1, learningRate: 1, maxLeaves: Math.max(2, opts.maxLeaves), minDataInLeaf: Math.max(1, opts.minLeaf),
      minSplitGain: opts.minGainFraction * scale, bins: 255,
    },
  );
  const sorted = Float64Array.from(xs).sort();
  const cuts = new Map<number, [number, number]>();
  for (const tree of model.trees) {
    for (let node = 0; node < tree.nInternal; node++) {
      const t = tree.threshold[node];
      const above = upperBound(sorted, t);
      if (above === 0 || above === n) continue;
      cuts.set(sorted[above], [sorted[above - 1], sorted[above]]);
    }
  }
  return [...cuts.values()].sort((a, b) => a[0] - b[0]).slice(0, Math.max(1, opts.maxLeaves - 1));
}

/** Index of the first value > t. */
function upperBound(sorted: Float64Array, t: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= t) lo = mid + 1; else hi = mid;
  }
  return lo;
}
