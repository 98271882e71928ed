// Tourney side of bench/gbdt-speed.ts, run in its own process so its peak RSS is its own: loads
// the column-major float32 HIGGS-like set, trains the GBDT (binning included in the time),
// predicts the test split and prints one JSON line.
// usage: node --import tsx bench/gbdt-train-tourney.ts [trees] [rows] ['{"extra":"params"}']
import { readFileSync } from 'node:fs';
import { fitGbdt } from '../kernels/learn/gbdt/train-gbdt';
import { startTreeHelper } from '../workers/tree-helper';
import type { Matrix } from '../kernels/learn/matrix';
import { auroc } from '../kernels/learn/metric/auroc';
import { dataPaths, FEATURE_NAMES, N_FEATURES } from './gbdt-data';

function load(split: 'train' | 'test', maxRows = Infinity): { X: Matrix; y: Float64Array } {
  const p = dataPaths(split);
  const bytes = readFileSync(p.colMajor);
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const n = all.length / N_FEATURES;
  const m = Math.min(n, maxRows);
  // Column views onto the file buffer: no copy, like numpy's fromfile on the Python side.
  const columns = Array.from({ length: N_FEATURES }, (_, j) => all.subarray(j * n, j * n + m));
  const labels = readFileSync(p.labels);
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) y[i] = labels[i];
  return { X: { nRows: m, columns, featureNames: FEATURE_NAMES }, y };
}

const trees = Number(process.argv[2] ?? 100);
const rows = Number(process.argv[3] ?? Infinity);
// `threads` (not a GBDT parameter): 2 trains with a helper thread (workers/tree-helper.ts).
const { threads = 1, ...extra } = JSON.parse(process.argv[4] ?? '{}') as { threads?: number } & Record<string, unknown>;
const train = load('train', rows);
const test = load('test');
const t0 = performance.now();
const cpu0 = process.cpuUsage();
// Starting the thread is part of the time, as XGBoost's thread pool is part of its.
const helper = startTreeHelper(threads);
const model = fitGbdt(train.X, { task: 'binary', y: train.y }, { trees, maxLeaves: 64, maxDepth: 6, learningRate: 0.1, bins: 255, ...extra }, { helper: helper?.port });
const fitSeconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
void helper?.close();
const fitCpuSeconds = (cpu.user + cpu.system) / 1e6;
model.predict({ ...test.X, nRows: 1000, columns: test.X.columns.map((c) => c.subarray(0, 1000)) }); // flatten + warm up
const cpu1 = process.cpuUsage();
const p = model.predict(test.X);
const predictCpu = process.cpuUsage(cpu1);
const predictSeconds = (predictCpu.user + predictCpu.system) / 1e6;
console.log(JSON.stringify({
  tool: 'tourney',
  fitSeconds,
  fitCpuSeconds,
  auroc: auroc(test.y, p),
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
  predictRowsPerSecond: test.X.nRows / predictSeconds,
}));
