// Tourney side of `bench/gbdt-speed.ts --predict-only`: loads (or trains once and caches under
// bench/.data/) the GBDT of the speed benchmark, then times batch prediction of the 200,000 test
// rows in CPU time after a warm-up and prints one JSON line.
// usage: node --import tsx bench/gbdt-predict-tourney.ts [trees] [repeats]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitGbdt } from '../kernels/learn/gbdt/train-gbdt';
import type { Matrix } from '../kernels/learn/matrix';
import { auroc } from '../kernels/learn/metric/auroc';
import { TreeEnsembleModel } from '../kernels/learn/tree/tree-ensemble-model';
import { DATA_DIR, dataPaths, FEATURE_NAMES, N_FEATURES } from './gbdt-data';

function load(split: 'train' | 'test'): { X: Matrix; y: Float64Array } {
  const p = dataPaths(split);
  const bytes = readFileSync(p.colMajor);
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const n = all.length / N_FEATURES;
  const columns = Array.from({ length: N_FEATURES }, (_, j) => all.subarray(j * n, (j + 1) * n));
  const labels = readFileSync(p.labels);
  return { X: { nRows: n, columns, featureNames: FEATURE_NAMES }, y: Float64Array.from(labels) };
}

const trees = Number(process.argv[2] ?? 100);
const repeats = Number(process.argv[3] ?? 3);
const cached = join(DATA_DIR, `higgs-gbdt-${trees}.json`);
let model: TreeEnsembleModel;
if (existsSync(cached)) {
  model = TreeEnsembleModel.fromJSON(JSON.parse(readFileSync(cached, 'utf8')));
} else {
  const train = load('train');
  model = fitGbdt(train.X, { task: 'binary', y: train.y }, { trees, maxLeaves: 64, maxDepth: 6, learningRate: 0.1, bins: 255 }) as TreeEnsembleModel;
  writeFileSync(cached, JSON.stringify(model.toJSON()));
}
const test = load('test');
model.predict({ ...test.X, nRows: 1000, columns: test.X.columns.map((c) => c.subarray(0, 1000)) }); // flatten + warm up
let best = Infinity;
let p: Float64Array = new Float64Array(0);
for (let r = 0; r < repeats; r++) {
  const cpu0 = process.cpuUsage();
  p = model.predict(test.X);
  const cpu = process.cpuUsage(cpu0);
  best = Math.min(best, (cpu.user + cpu.system) / 1e6);
}
let checksum = 0;
for (let i = 0; i < p.length; i++) checksum += p[i];
console.log(JSON.stringify({
  tool: 'tourney',
  trees: model.trees.length,
  auroc: auroc(test.y, p),
  checksum,
  predictRowsPerSecond: test.X.nRows / best,
}));
