// The fleet's "above chance" verdict for one tenant's winner ("% of models above chance" on the
// dashboard). Two conditions, both needed: the held-out rows' permutation test (the tournament's:
// the winner's score against the same predictions with shuffled labels) is significant, and the
// cross-validated score beats the chance score by more than its uncertainty (a one-sided t bound
// from the per-fold scores). The first guards against luck on the folds (the winner is the best of
// many candidates, so its CV score is optimistic); the second against luck on a small test set.

export interface AboveChanceInput {
  metric: string;
  higherIsBetter: boolean;
  cvScore: number;
  foldScores: readonly number[];
  /** The tournament's permutation test, when it had held-out rows. */
  permutation?: { pValue: number; baselineMean: number } | null;
  /** Significance level of the permutation test (default 0.01). */
  alpha?: number;
}

export interface AboveChanceResult {
  above: boolean;
  chance: number;
  cvBound: number | null;
  pValue: number | null;
  reason: string;
}

/** One-sided 95% Student t quantiles for 1…10 degrees of freedom; the normal's beyond. */
const T95 = [6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812];

export function tQuantile95(df: number): number {
  return df >= 1 && df <= T95.length ? T95[df - 1] : 1.645;
}

export function aboveChanceVerdict(input: AboveChanceInput): AboveChanceResult {
  const { metric, higherIsBetter, cvScore, foldScores, permutation } = input;
  const alpha = input.alpha ?? 0.01;
  const chance = permutation?.baselineMean ?? Number.NaN;
  const k = foldScores.length;
  let cvBound: number | null = null;
  if (k >= 2) {
    const mean = foldScores.reduce((a, b) => a + b, 0) / k;
    const sd = Math.sqrt(foldScores.reduce((a, b) => a + (b - mean) ** 2, 0) / (k - 1));
    const margin = tQuantile95(k - 1) * (sd / Math.sqrt(k));
    cvBound = higherIsBetter ? cvScore - margin : cvScore + margin;
  }
  const fmt = (v: number) => v.toFixed(3);
  if (!permutation) {
    return { above: false, chance, cvBound, pValue: null, reason: 'no held-out rows to test against chance' };
  }
  const beatsChance = (v: number) => (higherIsBetter ? v > chance : v < chance);
  const cvOk = cvBound === null ? beatsChance(cvScore) : beatsChance(cvBound);
  const testOk = permutation.pValue <= alpha;
  const cvText = `cv ${metric} ${fmt(cvScore)}${cvBound === null ? '' : ` (bound ${fmt(cvBound)})`} vs chance ${fmt(chance)}`;
  const testText = `test p = ${permutation.pValue.toFixed(3)}${testOk ? ` ≤ ${alpha}` : ` > ${alpha}`}`;
  const above = cvOk && testOk;
  const why = above ? 'above chance' : !cvOk && !testOk ? 'not above chance' : !cvOk ? 'not above chance on cross-validation' : 'not above chance on the held-out rows';
  return { above, chance, cvBound, pValue: permutation.pValue, reason: `${why}: ${cvText}; ${testText}` };
}
