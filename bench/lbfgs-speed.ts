// L-BFGS speed against scikit-learn (issue 15), side by side in one run: logistic regression
// (C = 1; multinomial for letters and penguins) on the encoded matrices of bench/accuracy-data.ts,
// mean-imputed and standardised on both sides, both solvers stopped by the same gradient
// tolerance (scipy's extra ftol stop switched off, as in bench/accuracy-linear.py): sklearn 1.2
// minimises C·Σ lossᵢ + ½‖β‖², Tourney the same divided by C·n, so Tourney's gradient bound is
// sklearn's divided by C·n — the same stopping point on one scale. Median of `--repeats` fits
// after `--warmup` untimed fits on both sides (steady state: V8 tiers a WebAssembly kernel up from
// its baseline compiler while the first fits run); the coefficient difference says both reached
// the same optimum.
//   node --import tsx bench/lbfgs-speed.ts [--tol 1e-6] [--repeats 3] [--warmup 3]
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fitLinear } from '../kernels/learn/linear';
import { DATA_DIR, DATASETS, encodeDataset, subset } from './accuracy-data';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const C = 1;
const tol = Number(flag('tol', '1e-6'));
const repeats = Number(flag('repeats', '3'));
const warmup = Number(flag('warmup', '3'));
const sets = DATASETS.filter((d) => d.task !== 'regression');
const encoded = sets.map((spec) => encodeDataset(spec));
const sk = JSON.parse(execFileSync('/usr/bin/python3', [`${import.meta.dirname}/lbfgs-speed.py`, DATA_DIR, String(C), String(tol), String(repeats), String(warmup), sets.map((d) => d.name).join(',')], {
  maxBuffer: 1 << 30, encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' },
})) as Record<string, { seconds: number; nIter: number; coef: number[][]; intercept: number[] }>;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Tolerance ${tol}, C = ${C}, median of ${repeats} fits after ${warmup} untimed fits, one thread each.\n`);
console.log('| dataset | rows × design columns | classes | iterations T / sk | fit s T / sk | T / sk | max \\|coef diff\\| |');
console.log('|---|---|---|---|---|---|---|');
const ratios: number[] = [];
for (const d of encoded) {
  const train = subset(d, true);
  const times: number[] = [];
  let model!: ReturnType<typeof fitLinear>;
  // Untimed fits first on both sides (the JITs' warm-up here, import and cache warm-up there).
  for (let w = 0; w < warmup; w++) fitLinear(train.X, train.labels, { C, tolerance: tol / (C * train.X.nRows), maxIterations: 100000 });
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    model = fitLinear(train.X, train.labels, { C, tolerance: tol / (C * train.X.nRows), maxIterations: 100000 });
    times.push((performance.now() - t0) / 1000);
  }
  const s = sk[d.spec.name];
  const seconds = median(times);
  let diff = 0;
  s.coef.forEach((row, k) => row.forEach((b, j) => (diff = Math.max(diff, Math.abs(b - model.state.coef[k][j])))));
  ratios.push(seconds / s.seconds);
  console.log(`| ${d.spec.name} | ${train.X.nRows} × ${model.state.design.columns.length} | ${model.state.nClasses ?? 2} | ${model.state.fit.iterations} / ${s.nIter} | ${seconds.toFixed(3)} / ${s.seconds.toFixed(3)} | ${(seconds / s.seconds).toFixed(2)} | ${diff.toExponential(1)} |`);
}
console.log(`\nGeometric mean T / sk: ${Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length).toFixed(2)}`);
