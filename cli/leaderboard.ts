// The CLI's leaderboard: each candidate by its id (`forest#3`, as the progress lines name it) with
// the parameters that tell it apart from the other candidates of its family on the board — not
// "forest" nine times with nothing to tell the nine apart.
import type { LeaderboardEntry } from '../kernels/tournament/types';

type Entry = Pick<LeaderboardEntry, 'id' | 'model' | 'params' | 'cvScore' | 'fitSeconds'>;

export function candidateName(e: { id: number; model: string }): string {
  return e.model === 'ensemble' || e.id < 0 ? e.model : `${e.model}#${e.id}`;
}

function formatValue(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3)));
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Per entry, `name=value` for the parameters whose values differ within its family on the board. */
export function distinguishingParams(entries: readonly Entry[]): string[] {
  const byFamily = new Map<string, Entry[]>();
  for (const e of entries) byFamily.set(e.model, [...(byFamily.get(e.model) ?? []), e]);
  return entries.map((e) => {
    if (e.model === 'ensemble') {
      const { members } = e.params as { members: { id: number; model: string; weight: number }[] };
      return members.map((m) => `${candidateName(m)} ${m.weight.toFixed(2)}`).join(' + ');
    }
    const family = byFamily.get(e.model)!;
    if (family.length < 2) return '';
    const params = e.params as Record<string, unknown>;
    const keys = [...new Set(family.flatMap((f) => Object.keys(f.params)))].sort();
    const differing = keys.filter((k) => new Set(family.map((f) => JSON.stringify((f.params as Record<string, unknown>)[k]))).size > 1);
    return differing.filter((k) => k in params).map((k) => `${k}=${formatValue(params[k])}`).join(' ');
  });
}

/** The leaderboard as aligned text: rank, candidate, cv score, fit seconds, what sets it apart. */
export function formatLeaderboard(entries: readonly Entry[], metric: string): string[] {
  const names = entries.map(candidateName);
  const params = distinguishingParams(entries);
  const width = Math.max('candidate'.length, ...names.map((n) => n.length));
  const scoreHeader = `cv ${metric}`;
  const scoreWidth = Math.max(8, scoreHeader.length);
  const header = `rank  ${'candidate'.padEnd(width)}  ${scoreHeader.padStart(scoreWidth)}   fit s  params`;
  return [
    header.trimEnd(),
    ...entries.map((e, i) =>
      `${String(i + 1).padStart(4)}  ${names[i].padEnd(width)}  ${e.cvScore.toFixed(4).padStart(scoreWidth)}  ${e.fitSeconds.toFixed(2).padStart(6)}  ${params[i]}`.trimEnd()),
  ];
}
