// Ensemble selection (Caruana et al., 2004): start from the best single candidate and greedily
// add — with replacement — whichever candidate's out-of-fold predictions most improve the
// blended score; weights are how often each was picked. Blending averages what predict()
// returns (probabilities or values), so an ensemble predicts in the same shape as its members.
// The tournament keeps it only when its out-of-fold score beats the best single candidate.

export interface EnsembleWeight {
  /** Index into the candidate list the selection was given. */
  index: number;
  weight: number;
}

export interface EnsembleSelection {
  members: EnsembleWeight[];
  /** Oriented score (higher is better) of the blend on the out-of-fold rows. */
  score: number;
  /** The best single candidate's oriented score, for comparison. */
  bestSingleScore: number;
}

export interface EnsembleOptions {
  /** Greedy additions after the first member. */
  rounds?: number;
}

/** Weighted average of prediction vectors of equal length. */
export function blend(predictions: readonly ArrayLike<number>[], weights: readonly number[]): Float64Array {
  const n = predictions[0]?.length ?? 0;
  const out = new Float64Array(n);
  let total = 0;
  predictions.forEach((p, m) => {
    const w = weights[m];
    if (!w) return;
    total += w;
    for (let i = 0; i < n; i++) out[i] += w * p[i];
  });
  if (total > 0) for (let i = 0; i < n; i++) out[i] /= total;
  return out;
}

/**
 * Picks a weighted subset of `predictions` (out-of-fold vectors, one per candidate) maximising
 * `score` (oriented: higher is better). Ties keep the earlier, simpler choice.
 */
export function selectEnsemble(
  predictions: readonly Float64Array[],
  score: (blended: Float64Array) => number,
  options: EnsembleOptions = {},
): EnsembleSelection {
  if (!predictions.length) throw new Error('ensemble selection needs at least one candidate');
  const singles = predictions.map((p) => score(p));
  let best = 0;
  for (let m = 1; m < singles.length; m++) if (singles[m] > singles[best]) best = m;
  const counts = new Array<number>(predictions.length).fill(0);
  counts[best] = 1;
  const n = predictions[0].length;
  const sum = Float64Array.from(predictions[best]);
  let picked = 1;
  let current = singles[best];
  const trial = new Float64Array(n);
  const rounds = options.rounds ?? 20;
  for (let r = 0; r < rounds; r++) {
    let bestScore = current;
    let bestIndex = -1;
    for (let m = 0; m < predictions.length; m++) {
      const p = predictions[m];
      for (let i = 0; i < n; i++) trial[i] = (sum[i] + p[i]) / (picked + 1);
      const s = score(trial);
      if (s > bestScore + 1e-12) {
        bestScore = s;
        bestIndex = m;
      }
    }
    if (bestIndex < 0) break;
    const p = predictions[bestIndex];
    for (let i = 0; i < n; i++) sum[i] += p[i];
    counts[bestIndex]++;
    picked++;
    current = bestScore;
  }
  const members = counts
    .map((c, index) => ({ index, weight: c / picked }))
    .filter((m) => m.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return { members, score: current, bestSingleScore: singles[best] };
}
