// Cumulative gains and lift, for "how many positives do we catch in the top x%" charts.
import { checkSameLength } from './classify';
import { thresholdCounts } from './threshold-counts';

export interface GainsCurve {
  /** Fraction of rows with score ≥ threshold (starts at 0). */
  population: Float64Array;
  /** Fraction of all positives among them (starts at 0). */
  gain: Float64Array;
  /** gain / population (NaN at the origin). */
  lift: Float64Array;
  thresholds: Float64Array;
}

/** One point per distinct score, scores descending, plus the origin. */
export function gainsCurve(y: ArrayLike<number>, score: ArrayLike<number>): GainsCurve {
  const { thresholds, tps, fps } = thresholdCounts(y, score);
  const m = thresholds.length;
  const n = y.length;
  const nPos = m ? tps[m - 1] : 0;
  if (nPos === 0) throw new Error('gainsCurve: no positive labels, gains are undefined');
  const population = new Float64Array(m + 1);
  const gain = new Float64Array(m + 1);
  const lift = new Float64Array(m + 1);
  const th = new Float64Array(m + 1);
  lift[0] = NaN;
  th[0] = Infinity;
  for (let i = 0; i < m; i++) {
    population[i + 1] = (tps[i] + fps[i]) / n;
    gain[i + 1] = tps[i] / nPos;
    lift[i + 1] = gain[i + 1] / population[i + 1];
    th[i + 1] = thresholds[i];
  }
  return { population, gain, lift, thresholds: th };
}

export interface LiftBin {
  /** 1 = highest scores. */
  bin: number;
  count: number;
  positives: number;
  minScore: number;
  maxScore: number;
  /** Positives / count in this bin. */
  rate: number;
  /** rate / overall positive rate. */
  lift: number;
  /** Fraction of all positives in bins 1..bin. */
  cumulativeGain: number;
  /** Positive rate of bins 1..bin over the overall rate. */
  cumulativeLift: number;
}

/**
 * Rows ranked by score descending (ties by row order, so it is deterministic) and cut into
 * nBins groups of equal size (deciles by default); ties across a cut are split.
 */
export function liftTable(y: ArrayLike<number>, score: ArrayLike<number>, nBins = 10): LiftBin[] {
  checkSameLength('liftTable', y, score);
  const n = y.length;
  if (!(nBins >= 1) || !Number.isInteger(nBins)) throw new Error(`liftTable: nBins must be a positive integer, got ${nBins}`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
  let nPos = 0;
  for (let i = 0; i < n; i++) if (y[i] === 1) nPos++;
  const baseRate = nPos / n;
  const bins: LiftBin[] = [];
  let cumCount = 0;
  let cumPos = 0;
  for (let b = 0; b < nBins; b++) {
    const start = Math.floor((b * n) / nBins);
    const end = Math.floor(((b + 1) * n) / nBins);
    if (end === start) continue;
    let positives = 0;
    for (let r = start; r < end; r++) if (y[order[r]] === 1) positives++;
    const count = end - start;
    cumCount += count;
    cumPos += positives;
    const rate = positives / count;
    bins.push({
      bin: b + 1,
      count,
      positives,
      minScore: score[order[end - 1]],
      maxScore: score[order[start]],
      rate,
      lift: baseRate ? rate / baseRate : NaN,
      cumulativeGain: nPos ? cumPos / nPos : NaN,
      cumulativeLift: baseRate ? cumPos / cumCount / baseRate : NaN,
    });
  }
  return bins;
}
