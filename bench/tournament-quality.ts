// Tournament quality, side by side (BRIEF §Quality protocol): for each ../shared/data set, the
// Python reference (bench/tournament-reference.py) splits 80/20 (stratified, random_state 0),
// writes the split and the train/test CSVs, and scores XGBoost hist, scikit-learn
// HistGradientBoosting and logistic/ridge regression on one-hot features; then
// `tourney train <train.csv> --time-budget B` runs the tournament on the same training rows and
// `tourney evaluate <model> <test.csv>` scores it on the same test rows.
// Prints a markdown table: Tourney's test metric, the best reference, the difference, and wall
// seconds against the budget.
//
// usage: node --import tsx bench/tournament-quality.ts [--budget 60] [--only telco_churn,spam]
//        [--skip-reference] (reuse bench/.data/tournament/reference.json)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { QUALITY_SETS as SETS } from './quality-sets';

const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, '..', 'shared', 'data');
const OUT = join(ROOT, 'bench', '.data', 'tournament');

const METRIC = { binary: 'auroc', multiclass: 'accuracy', regression: 'rmse' } as const;

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const budget = Number(flag('budget') ?? 60);
const only = flag('only')?.split(',');
const sets = SETS.filter((s) => !only || only.includes(s.name));
mkdirSync(OUT, { recursive: true });

interface Reference { metric: string; logistic: number; hgb: number; xgb: number; seconds: Record<string, number> }
const referencePath = join(OUT, 'reference.json');
let reference: Record<string, Reference> = existsSync(referencePath) ? JSON.parse(readFileSync(referencePath, 'utf8')) : {};
const missing = sets.filter((s) => !reference[s.name] || !process.argv.includes('--skip-reference'));
if (missing.length) {
  process.stderr.write(`reference: ${missing.map((s) => s.name).join(', ')}\n`);
  const stdout = execFileSync('/usr/bin/python3', [join(ROOT, 'bench', 'tournament-reference.py'), OUT, DATA, ...missing.map((s) => `${s.name}:${s.target}:${s.task}`)], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, OMP_NUM_THREADS: '1' }, maxBuffer: 64 << 20,
  });
  reference = { ...reference, ...JSON.parse(stdout) };
  writeFileSync(referencePath, JSON.stringify(reference, null, 1));
}

const rows: string[] = [];
const results: Record<string, unknown> = {};
let passed = 0;
let diffSum = 0;
for (const set of sets) {
  const ref = reference[set.name];
  const modelDir = join(OUT, `${set.name}-model`);
  const started = performance.now();
  const train = spawnSync(process.execPath, [join(ROOT, 'cli', 'bin', 'tourney.js'), 'train', join(OUT, `${set.name}-train.csv`), '--target', set.target, '--time-budget', String(budget), '--seed', '0', '--out', modelDir, '--json'], {
    encoding: 'utf8', maxBuffer: 64 << 20,
  });
  const wall = (performance.now() - started) / 1000;
  if (train.status !== 0) {
    rows.push(`| ${set.name} | ${METRIC[set.task]} | failed: ${train.stderr.trim().split('\n').pop()} | | | | | ${wall.toFixed(1)} |`);
    continue;
  }
  const summary = JSON.parse(train.stdout);
  const evaluated = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'cli', 'bin', 'tourney.js'), 'evaluate', modelDir, join(OUT, `${set.name}-test.csv`), '--json'], { encoding: 'utf8' }));
  const metric = METRIC[set.task];
  const score: number = evaluated.metrics[metric];
  const refs = { logistic: ref.logistic, hgb: ref.hgb, xgb: ref.xgb };
  const lower = metric === 'rmse';
  const best = lower ? Math.min(...Object.values(refs)) : Math.max(...Object.values(refs));
  const bestName = Object.entries(refs).find(([, v]) => v === best)![0];
  const diff = lower ? (best - score) / best : score - best; // > 0: Tourney ahead
  const ok = lower ? score <= best * 1.02 : score >= best - 0.005;
  if (ok) passed++;
  diffSum += diff;
  const fmt = (v: number) => (lower ? Math.round(v).toLocaleString('en-US') : v.toFixed(4));
  const winner = summary.winner.model === 'ensemble'
    ? `ensemble(${summary.ensemble.members.map((m: { model: string }) => m.model).join('+')})`
    : summary.winner.model;
  rows.push(`| ${set.name} | ${metric} | ${fmt(score)} | ${fmt(ref.logistic)} | ${fmt(ref.hgb)} | ${fmt(ref.xgb)} | ${bestName} | ${lower ? `${(diff * 100).toFixed(1)}%` : (diff >= 0 ? '+' : '') + diff.toFixed(4)} | ${ok ? 'yes' : 'no'} | ${winner} | ${summary.candidates} | ${wall.toFixed(1)} (${(wall / budget).toFixed(2)}×) |`);
  results[set.name] = { score, best, diff, ok, wall, winner, candidates: summary.candidates, cv: summary.winner.cvScore };
  process.stderr.write(`${set.name}: ${metric} ${fmt(score)} vs best ${bestName} ${fmt(best)} (${ok ? 'ok' : 'BEHIND'}), ${wall.toFixed(1)} s\n`);
}
writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 1));
const lines = [
  `Tournament quality — \`tourney train --time-budget ${budget}\` on ${sets.length} data sets, 2 cores, fixed 80/20 split (stratified, random_state 0).`,
  '',
  '| data set | metric | Tourney | logistic/ridge | sklearn HGB | XGBoost hist | best ref | Tourney − best | ≥ best − 0.005 (RMSE ≤ +2%) | winner | candidates | wall s (÷ budget) |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
  `${passed}/${sets.length} within the tolerance; mean difference to the best reference ${(diffSum / sets.length >= 0 ? '+' : '')}${(diffSum / sets.length).toFixed(4)} (RMSE as relative improvement).`,
];
process.stdout.write(lines.join('\n') + '\n');
