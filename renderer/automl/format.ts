// Small text formatters for the AutoML view: scores, seconds, hyperparameters, leaderboard order.
import type { LeaderboardEntry } from '../../kernels/tournament/run-tournament';

export function formatScore(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  return abs >= 1000 ? value.toFixed(0) : abs >= 10 ? value.toFixed(2) : value.toFixed(4);
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** `maxLeaves 31 · learningRate 0.1` — numbers rounded, ensemble members listed by family. */
export function formatParams(params: LeaderboardEntry['params']): string {
  if ('members' in params && Array.isArray(params.members)) {
    return params.members.map((m) => `${m.model}#${m.id} ×${m.weight.toFixed(2)}`).join(' + ');
  }
  return Object.entries(params)
    .map(([key, value]) => `${key} ${typeof value === 'number' ? (Number.isInteger(value) ? String(value) : Number(value.toPrecision(3)).toString()) : String(value)}`)
    .join(' · ');
}

/** What a leaderboard row must say besides its score: a candidate the budget cut short is not a finished one. */
export function entryNote(entry: LeaderboardEntry): string | undefined {
  if (!entry.truncated) return undefined;
  return `cut short by the time budget${entry.rounds !== undefined ? ` after ${Math.round(entry.rounds)} boosting rounds` : ''}: its score understates this configuration`;
}

/** Best first for the metric's direction; ties by id (proposal order). */
export function rankEntries(entries: readonly LeaderboardEntry[], higherIsBetter: boolean): LeaderboardEntry[] {
  const sign = higherIsBetter ? -1 : 1;
  return [...entries].sort((a, b) => sign * (a.cvScore - b.cvScore) || a.id - b.id);
}

/** Standard deviation of the fold scores (spread of the cross-validation). */
export function foldSpread(scores: readonly number[]): number {
  if (scores.length < 2) return NaN;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  return Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (scores.length - 1));
}

/** Higher-is-better for the metrics the view offers (logloss, brier and errors are lower). */
export function higherIsBetter(metric: string): boolean {
  return !['logloss', 'brier', 'rmse', 'mae'].includes(metric);
}
