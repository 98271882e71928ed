// Text for a numeric target, side by side (issue 15): vega-datasets' `movies` (IMDB rating from
// title, director, distributor, genre and budget), 80/20 splits over several seeds. The reference
// (bench/text-regression.py) is scikit-learn's Ridge(alpha=1) on TF-IDF of the string columns
// (words and bigrams, min_df 2) plus the log budget; Tourney runs `train --time-budget B` on the
// same training rows and `evaluate` on the same test rows. Prints RMSE per seed, the mean and its
// standard error, and Tourney's RMSE relative to Ridge's (below 1 = Tourney better).
//
// usage: node --import tsx bench/text-regression.ts [--budget 60] [--seeds 0,1,2,3,4]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', '.data', 'text-regression');
const MOVIES = join(ROOT, 'node_modules', 'vega-datasets', 'data', 'movies.json');
const TARGET = 'IMDB Rating';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const budget = Number(flag('budget') ?? 60);
const seeds = (flag('seeds') ?? '0,1,2,3,4').split(',').map(Number);
mkdirSync(OUT, { recursive: true });

const ridge = JSON.parse(execFileSync('/usr/bin/python3', [join(ROOT, 'bench', 'text-regression.py'), MOVIES, OUT, ...seeds.map(String)], {
  encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, OMP_NUM_THREADS: '1' },
})) as Record<string, number>;

const tourney: Record<number, number> = {};
const roles: string[] = [];
for (const seed of seeds) {
  const model = join(OUT, `model_${seed}`);
  const train = JSON.parse(execFileSync('node', [join(ROOT, 'cli', 'bin', 'tourney.js'), 'train', join(OUT, `train_${seed}.csv`),
    '--target', TARGET, '--time-budget', String(budget), '--seed', String(seed), '--out', model, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 })) as { leaderboard: unknown[] };
  const evaluation = JSON.parse(execFileSync('node', [join(ROOT, 'cli', 'bin', 'tourney.js'), 'evaluate', model, join(OUT, `test_${seed}.csv`), '--json'], { encoding: 'utf8' })) as { metrics: { rmse: number } };
  tourney[seed] = evaluation.metrics.rmse;
  process.stderr.write(`seed ${seed}: tourney ${tourney[seed].toFixed(4)} (${train.leaderboard.length} candidates), ridge ${ridge[seed].toFixed(4)}\n`);
  if (seed === seeds[0]) {
    const pipeline = JSON.parse(readFileSync(join(model, 'pipeline.json'), 'utf8')) as { inputs?: { name: string; role: string }[] };
    for (const input of pipeline.inputs ?? []) roles.push(`${input.name}: ${input.role}`);
  }
}

const stats = (xs: number[]): { mean: number; se: number } => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  return { mean, se: sd / Math.sqrt(xs.length) };
};
const t = stats(seeds.map((s) => tourney[s]));
const r = stats(seeds.map((s) => ridge[s]));
const ratio = stats(seeds.map((s) => tourney[s] / ridge[s]));
console.log(`| data | seeds | Tourney RMSE (${budget} s) | Ridge on TF-IDF RMSE | Tourney / Ridge |`);
console.log('|---|---|---|---|---|');
console.log(`| movies (vega-datasets) | ${seeds.length} | ${t.mean.toFixed(4)} ± ${t.se.toFixed(4)} | ${r.mean.toFixed(4)} ± ${r.se.toFixed(4)} | ${ratio.mean.toFixed(3)} ± ${ratio.se.toFixed(3)} |`);
if (roles.length) console.log(`\nroles (seed ${seeds[0]}): ${roles.join(', ')}`);
