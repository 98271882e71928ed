// Markdown table of bench/tournament-tuned.ts: per data set, the mean and standard error over the
// split seeds both sides finished, of Tourney, the best library default, tuned XGBoost, tuned HGB
// and the tuned reference (the library whose best configuration cross-validated better), and the
// paired difference Tourney − tuned.
import type { QualitySet } from './quality-sets.ts';

type Metrics = Record<string, number>;
/** cpu: CPU seconds of `tourney train` and its workers (absent in runs before it was recorded). */
export interface TourneyRun { metrics: Metrics; candidates: number; wall: number; cpu?: number; winner: string; load: [number, number] }
interface Searched extends Metrics { configs: number; seconds: number; search_seconds: number }
export interface ReferenceRun {
  task: string;
  defaults: Record<'logistic' | 'hgb' | 'xgb', Metrics & { seconds: number }>;
  xgb: Searched;
  hgb: Searched;
  tuned: 'xgb' | 'hgb';
  seconds: number;
  cpu_seconds: number;
  load: [number, number];
}

/** Mean wall (and CPU, where recorded) seconds: Tourney's whole train command / both searches with their refits. */
function cost(T: TourneyRun[], R: ReferenceRun[]): string {
  const cpu = T.filter((t) => t.cpu !== undefined).map((t) => t.cpu!);
  const searchWall = mean(R.map((r) => r.xgb.seconds + r.hgb.seconds));
  return `${mean(T.map((t) => t.wall)).toFixed(0)}${cpu.length ? ` (${mean(cpu).toFixed(0)})` : ''} / ${searchWall.toFixed(0)} (${mean(R.map((r) => r.cpu_seconds)).toFixed(0)})`;
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const stderr = (v: number[]) => (v.length < 2 ? NaN : Math.sqrt(v.reduce((a, b) => a + (b - mean(v)) ** 2, 0) / (v.length - 1) / v.length));

export function formatTunedReport(sets: QualitySet[], seeds: number[], budget: number,
  tourney: Record<string, TourneyRun>, reference: Record<string, ReferenceRun>): string {
  const rows: string[] = [];
  const tourneyLoads: number[] = [];
  const referenceLoads: number[] = [];
  const candidatesAll: number[] = [];
  for (const set of sets) {
    const both = seeds.filter((s) => tourney[`${set.name}/${s}`] && reference[`${set.name}/${s}`]);
    const metrics = set.task === 'binary' ? ['auroc'] : set.task === 'multiclass' ? ['accuracy', 'logloss'] : ['rmse'];
    if (!both.length) {
      rows.push(`| ${set.name} | ${metrics.join(' / ')} | 0 | no seed finished on both sides |  |  |  |  |  |  |  |  |`);
      continue;
    }
    const T = both.map((s) => tourney[`${set.name}/${s}`]);
    const R = both.map((s) => reference[`${set.name}/${s}`]);
    T.forEach((t) => tourneyLoads.push(...t.load));
    R.forEach((r) => referenceLoads.push(...r.load));
    T.forEach((t) => candidatesAll.push(t.candidates));
    for (const metric of metrics) {
      const lower = metric === 'rmse' || metric === 'logloss';
      const fmt = (v: number) => (metric === 'rmse' ? Math.round(v).toLocaleString('en-US') : v.toFixed(4));
      const cell = (v: number[]) => `${fmt(mean(v))} ± ${metric === 'rmse' ? Math.round(stderr(v)).toLocaleString('en-US') : stderr(v).toFixed(4)}`;
      const tourneyScores = T.map((t) => t.metrics[metric]);
      // The best default is the one with the best mean test score (a generous reference: chosen on test).
      const defaults = (['logistic', 'hgb', 'xgb'] as const).map((k) => ({ k, v: R.map((r) => r.defaults[k][metric]) }));
      const bestDefault = defaults.reduce((a, b) => ((lower ? mean(b.v) < mean(a.v) : mean(b.v) > mean(a.v)) ? b : a));
      const tuned = R.map((r) => r[r.tuned][metric]);
      // Paired over seeds; > 0 means Tourney ahead (RMSE and logloss as relative improvement).
      const diffs = tourneyScores.map((t, i) => (metric === 'rmse' ? (tuned[i] - t) / tuned[i] : lower ? tuned[i] - t : t - tuned[i]));
      const diff = metric === 'rmse'
        ? `${(mean(diffs) * 100).toFixed(1)}% ± ${(stderr(diffs) * 100).toFixed(1)}%`
        : `${mean(diffs) >= 0 ? '+' : ''}${mean(diffs).toFixed(4)} ± ${stderr(diffs).toFixed(4)}`;
      // Split seed 0 is the split every earlier tuning of Tourney's defaults looked at (see
      // docs/BENCHMARKS.md); the other seeds are fresh.
      const seed0 = both.indexOf(0);
      const fresh = diffs.filter((_, i) => both[i] !== 0);
      const show = (d: number) => (metric === 'rmse' ? `${(d * 100).toFixed(1)}%` : `${d >= 0 ? '+' : ''}${d.toFixed(4)}`);
      const bySeed = `${seed0 >= 0 ? show(diffs[seed0]) : '–'} / ${fresh.length ? show(mean(fresh)) : '–'}`;
      const first = metric === metrics[0];
      rows.push(`| ${first ? set.name : ''} | ${metric} | ${first ? both.length : ''} | ${cell(tourneyScores)} | ${cell(bestDefault.v)} (${bestDefault.k}) | ${cell(R.map((r) => r.xgb[metric]))} | ${cell(R.map((r) => r.hgb[metric]))} | ${cell(tuned)} (${R.map((r) => r.tuned).join(',')}) | ${diff} | ${bySeed} | ${first ? mean(T.map((t) => t.candidates)).toFixed(0) : ''} | ${first ? cost(T, R) : ''} |`);
    }
  }
  const range = (v: number[]) => (v.length ? `${Math.min(...v).toFixed(1)}–${Math.max(...v).toFixed(1)} (mean ${mean(v).toFixed(1)})` : '–');
  return [
    `Tournament quality over split seeds ${seeds.join(', ')} — \`tourney train --time-budget ${budget}\` vs library defaults and a tuned reference, mean ± standard error over the seeds finished on both sides.`,
    '',
    '| data set | metric | seeds | Tourney | best default (by test mean) | tuned XGBoost | tuned HGB | tuned (picked by CV) | Tourney − tuned (paired) | same: seed 0 / seeds ≠ 0 | candidates / run | wall s (CPU s) Tourney / search |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Candidates per ${budget} s budget: mean ${candidatesAll.length ? mean(candidatesAll).toFixed(1) : '–'} over ${candidatesAll.length} runs.`,
    `1-minute load average around the Tourney runs: ${range(tourneyLoads)}; around the reference searches: ${range(referenceLoads)}.`,
    '',
  ].join('\n');
}
