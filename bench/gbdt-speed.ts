// GBDT training speed, side by side in one run: Tourney vs XGBoost hist and scikit-learn
// HistGradientBoosting on the HIGGS-like set (1,000,000 × 28, binary), 100 trees, 64 leaves /
// depth 6, learning rate 0.1, 255 bins. Tourney runs with exact gradients and with quantized
// gradients, both at λ = 1 (lambdaL2), XGBoost's default reg_lambda, so the ratio to XGBoost
// compares like with like (sklearn's l2_regularization stays at its default 0); each on one
// thread and on two (a helper thread, workers/tree-helper.ts), against XGBoost at nthread=1 and
// nthread=2. sklearn runs on one thread.
// Each learner runs in its own process so its peak RSS is its own; each times matrix → fitted
// model (binning / QuantileDMatrix included).
// Prints a markdown table; with --cli also times `tourney train --fixed` and `tourney predict`.
// --predict-only skips training: Tourney and XGBoost each load their model of this benchmark
// (trained once and cached under bench/.data/) and time batch prediction of the 200,000 test
// rows, CPU time, best of --repeats, side by side.
//
// usage: node --import tsx bench/gbdt-speed.ts [--trees 100] [--rounds 1] [--cli]
//        node --import tsx bench/gbdt-speed.ts --predict-only [--trees 100] [--rounds 3] [--repeats 5]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ensureBinaryData, ensureCsvData } from './gbdt-data';

interface Result {
  tool: string;
  version?: string;
  fitSeconds: number;
  fitCpuSeconds: number;
  auroc: number;
  peakRssBytes: number;
  predictRowsPerSecond: number;
}

const argv = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const trees = Number(flag('trees', '100'));
const rounds = Number(flag('rounds', '1'));
const root = join(import.meta.dirname, '..');
const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

function runJson(cmd: string, args: string[], threads = 1): Result {
  const out = execFileSync(cmd, args, { cwd: root, env: { ...env, OMP_NUM_THREADS: String(threads) }, encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!);
}

ensureBinaryData();
if (argv.includes('--predict-only')) {
  predictOnly();
  process.exit(0);
}
// λ = 1 on both sides (XGBoost's default reg_lambda); the two Tourney rows differ only in the gradients.
const TOURNEY_PARAMS: Record<string, object> = {
  'tourney-exact': { lambdaL2: 1, quantizedGradients: false },
  'tourney-quantized': { lambdaL2: 1, quantizedGradients: true },
  'tourney-exact-2': { lambdaL2: 1, quantizedGradients: false, threads: 2 },
  'tourney-quantized-2': { lambdaL2: 1, quantizedGradients: true, threads: 2 },
};
const TOOLS = ['tourney-exact', 'tourney-quantized', 'xgboost', 'tourney-exact-2', 'tourney-quantized-2', 'xgboost-2', 'sklearn'];
const THREADS: Record<string, number> = { 'tourney-exact-2': 2, 'tourney-quantized-2': 2, 'xgboost-2': 2 };
const NAMES: Record<string, string> = {
  'tourney-exact': 'Tourney GBDT, exact gradients, λ 1',
  'tourney-quantized': 'Tourney GBDT, quantized gradients, λ 1',
  'tourney-exact-2': 'Tourney GBDT, exact gradients, λ 1',
  'tourney-quantized-2': 'Tourney GBDT, quantized gradients, λ 1',
};
const runs: Record<string, Result[]> = Object.fromEntries(TOOLS.map((t) => [t, []]));
const loads: number[] = [];
for (let r = 0; r < rounds; r++) {
  // Alternate the order so neither side always runs first on a shared machine.
  const order = r % 2 === 0 ? TOOLS : [...TOOLS].reverse();
  for (const tool of order) {
    process.stderr.write(`round ${r + 1}: ${tool}…\n`);
    loads.push(loadavg()[0]);
    if (tool in TOURNEY_PARAMS) runs[tool].push(runJson(process.execPath, ['--import', 'tsx', 'bench/gbdt-train-tourney.ts', String(trees), 'Infinity', JSON.stringify(TOURNEY_PARAMS[tool])]));
    else runs[tool].push(runJson('/usr/bin/python3', ['bench/gbdt-speed.py', tool, String(trees)], THREADS[tool] ?? 1));
  }
}
loads.push(loadavg()[0]);

const mb = (b: number) => (b / 2 ** 20).toFixed(0);
const fmt = (x: number, d = 2) => x.toFixed(d);
console.log(`\nGBDT training, ${trees} trees, 1,000,000 × 28 (HIGGS-like), 64 leaves / depth 6, lr 0.1, 255 bins, λ 1 (sklearn: 0); ratios against XGBoost on as many threads`);
console.log(`1-minute load average at each start: ${loads.map((l) => l.toFixed(1)).join(', ')}\n`);
for (let r = 0; r < rounds; r++) {
  const exact = runs['tourney-exact'][r];
  const quantized = runs['tourney-quantized'][r];
  console.log(`run ${r + 1}:\n`);
  console.log('| learner | threads | train s (wall) | train s (CPU) | ÷ XGBoost (wall / CPU) | test AUROC | AUROC − XGBoost | peak RSS MB | predict rows/s |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const tool of TOOLS) {
    const x = runs[tool][r];
    const threads = THREADS[tool] ?? 1;
    const reference = threads === 2 ? 'xgboost-2' : 'xgboost';
    const xgb = runs[reference][r];
    const name = NAMES[tool] ?? (tool.startsWith('xgboost') ? `XGBoost ${x.version} hist, lossguide, λ 1` : `sklearn ${x.version} HistGradientBoosting, λ 0`);
    const ratio = tool === reference ? '—' : `${fmt(x.fitSeconds / xgb.fitSeconds)} / ${fmt(x.fitCpuSeconds / xgb.fitCpuSeconds)}`;
    const diff = tool === reference ? '—' : fmt(x.auroc - xgb.auroc, 4);
    console.log(`| ${name} | ${threads} | ${fmt(x.fitSeconds)} | ${fmt(x.fitCpuSeconds)} | ${ratio} | ${fmt(x.auroc, 4)} | ${diff} | ${mb(x.peakRssBytes)} | ${Math.round(x.predictRowsPerSecond).toLocaleString('en')} |`);
  }
  const speedup = (one: string, two: string) => fmt(runs[one][r].fitSeconds / runs[two][r].fitSeconds);
  console.log(`\nquantized ÷ exact (CPU): ${fmt(quantized.fitCpuSeconds / exact.fitCpuSeconds)}; wall, 1 thread ÷ 2: Tourney exact ${speedup('tourney-exact', 'tourney-exact-2')}, quantized ${speedup('tourney-quantized', 'tourney-quantized-2')}, XGBoost ${speedup('xgboost', 'xgboost-2')}\n`);
}

if (argv.includes('--cli')) {
  const trainCsv = await ensureCsvData('train');
  const testCsv = await ensureCsvData('test');
  const modelDir = join(root, 'bench', '.data', 'higgs-cli-model');
  const fixed = JSON.stringify({ trees, maxLeaves: 64, maxDepth: 6, learningRate: 0.1 });
  const t0 = performance.now();
  const out = execFileSync(process.execPath, ['cli/bin/tourney.js', 'train', trainCsv, '--target', 'label', '--models', 'gbdt', '--fixed', fixed, '--json', '--out', modelDir], { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 24 });
  const trainWall = (performance.now() - t0) / 1000;
  const summary = JSON.parse(out);
  const t1 = performance.now();
  execFileSync(process.execPath, ['cli/bin/tourney.js', 'predict', modelDir, testCsv, '--out', join(root, 'bench', '.data', 'higgs-cli-pred.csv')], { cwd: root, env, stdio: 'inherit' });
  const predictWall = (performance.now() - t1) / 1000;
  console.log('CLI form (CSV in, model directory out):\n');
  console.log('| step | seconds |');
  console.log('|---|---|');
  console.log(`| \`tourney train\` whole command (CSV read + train + write) | ${fmt(trainWall)} |`);
  console.log(`| \`winner.fitSeconds\` (matrix → fitted model) | ${fmt(summary.winner.fitSeconds)} |`);
  console.log(`| \`tourney predict\` 200,000 rows (CSV read + predict + CSV write) | ${fmt(predictWall)} |`);
}

function predictOnly(): void {
  const repeats = flag('repeats', '5');
  const predictRounds = Number(flag('rounds', '3'));
  const rows: { tourney: number; xgboost: number; auroc: number; xgbAuroc: number; version: string }[] = [];
  for (let r = 0; r < predictRounds; r++) {
    const run = () => runJson(process.execPath, ['--import', 'tsx', 'bench/gbdt-predict-tourney.ts', String(trees), repeats]);
    const runXgb = () => runJson('/usr/bin/python3', ['bench/gbdt-speed.py', 'xgboost-predict', String(trees), repeats]);
    process.stderr.write(`predict round ${r + 1}…\n`);
    // Alternate the order so neither side always runs first on a shared machine.
    const [t, x] = r % 2 === 0 ? [run(), runXgb()] : (([x1, t1]) => [t1, x1])([runXgb(), run()]);
    rows.push({ tourney: t.predictRowsPerSecond, xgboost: x.predictRowsPerSecond, auroc: t.auroc, xgbAuroc: x.auroc, version: x.version ?? '' });
  }
  const n = (x: number) => Math.round(x).toLocaleString('en');
  console.log(`\nGBDT batch prediction, ${trees} trees (64 leaves / depth 6), 200,000 × 28 test rows, 1 thread, CPU time, best of ${repeats}\n`);
  console.log(`| round | Tourney rows/s | XGBoost ${rows[0].version} rows/s | Tourney / XGBoost | test AUROC Tourney / XGBoost |`);
  console.log('|---|---|---|---|---|');
  rows.forEach((row, r) => {
    console.log(`| ${r + 1} | ${n(row.tourney)} | ${n(row.xgboost)} | ${(row.tourney / row.xgboost).toFixed(2)} | ${row.auroc.toFixed(4)} / ${row.xgbAuroc.toFixed(4)} |`);
  });
}
