// Champion vs challenger on the same fresh held-out rows: the challenger takes the champion alias
// only when it is better by at least the margin (in the metric's own direction), so a scheduled
// retrain does not churn the model in production over noise.

export interface RetrainScores {
  metric: string;
  higherIsBetter: boolean;
  champion: { version: number; score: number };
  challenger: { version: number; score: number };
  /** Held-out fresh rows both were scored on. */
  rows: number;
  margin: number;
}

export interface RetrainDecision {
  promote: boolean;
  /** Challenger's improvement over the champion (positive = better, whatever the metric's direction). */
  gain: number;
  /** One line for the alias history: the decision and both scores. */
  note: string;
}

export function decideRetrain(s: RetrainScores): RetrainDecision {
  const gain = s.higherIsBetter ? s.challenger.score - s.champion.score : s.champion.score - s.challenger.score;
  const promote = Number.isFinite(gain) && gain >= s.margin && gain > 0;
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : String(v));
  const verdict = promote
    ? `promoted challenger v${s.challenger.version} over champion v${s.champion.version}`
    : `kept champion v${s.champion.version} over challenger v${s.challenger.version}`;
  const note =
    `retrain: ${verdict}: ${s.metric} challenger ${f(s.challenger.score)} vs champion ${f(s.champion.score)} ` +
    `on ${s.rows} fresh held-out rows (gain ${gain >= 0 ? '+' : ''}${f(gain)}, margin ${f(s.margin)})`;
  return { promote, gain, note };
}
