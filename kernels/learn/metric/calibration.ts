// Reliability (calibration) curve: mean predicted probability vs observed positive rate per bin,
// like sklearn's calibration_curve (bins are (lo, hi], the first also holds 0; empty bins are
// left out). 'quantile' puts edges at probability percentiles (linear interpolation).
import { checkSameLength } from './classify';

export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number;
  fractionPositive: number;
}

export function calibrationCurve(
  y: ArrayLike<number>,
  probability: ArrayLike<number>,
  nBins = 10,
  strategy: 'uniform' | 'quantile' = 'uniform',
): CalibrationBin[] {
  checkSameLength('calibrationCurve', y, probability);
  const n = y.length;
  if (!(nBins >= 1) || !Number.isInteger(nBins)) throw new Error(`calibrationCurve: nBins must be a positive integer, got ${nBins}`);
  for (let i = 0; i < n; i++) {
    const p = probability[i];
    if (!(p >= 0 && p <= 1)) throw new Error(`calibrationCurve: probability at row ${i} is ${p}, outside [0, 1]`);
  }
  const edges = strategy === 'uniform' ? uniformEdges(nBins) : quantileEdges(probability, nBins);
  const count = new Float64Array(nBins);
  const sumP = new Float64Array(nBins);
  const positives = new Float64Array(nBins);
  for (let i = 0; i < n; i++) {
    const b = binOf(edges, probability[i]);
    count[b]++;
    sumP[b] += probability[i];
    if (y[i] === 1) positives[b]++;
  }
  const bins: CalibrationBin[] = [];
  for (let b = 0; b < nBins; b++) {
    if (!count[b]) continue;
    bins.push({
      lower: edges[b],
      upper: edges[b + 1],
      count: count[b],
      meanPredicted: sumP[b] / count[b],
      fractionPositive: positives[b] / count[b],
    });
  }
  return bins;
}

function uniformEdges(nBins: number): Float64Array {
  return Float64Array.from({ length: nBins + 1 }, (_, i) => i / nBins);
}

function quantileEdges(p: ArrayLike<number>, nBins: number): Float64Array {
  const sorted = Float64Array.from(p).sort();
  const m = sorted.length;
  return Float64Array.from({ length: nBins + 1 }, (_, i) => {
    const pos = ((m - 1) * i) / nBins;
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, m - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  });
}

/** numpy.searchsorted(edges[1:-1], v, 'left'): the bin b with edges[b] < v ≤ edges[b+1]. */
function binOf(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length - 2; // number of inner edges
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid + 1] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
