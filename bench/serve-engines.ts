// In-process cost of one request's scoring step, per engine, on bench/serve.ts's model (run that
// first): the feature pipeline on one row and on 10,000 rows, then the native learners and the
// ONNX engine (onnxruntime-node) on the resulting matrix. Median of many calls, µs.
//   node --import tsx bench/serve-engines.ts [--calls 3000]
import { join } from 'node:path';
import { createEngine, createNativeEngine, type ScoringEngine } from '../scorer/engine';
import { compileSchema, tableFromJsonRows } from '../scorer/input-table';
import { loadScorerModel } from '../scorer/load-model';
import { withModelOnnx } from '../scorer/model-onnx';
import { readModelDirFiles } from '../scorer/server/read-model-dir';
import { readCsv } from '../kernels/io/from-csv';
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const calls = Number(argv[argv.indexOf('--calls') + 1] || 3000);
const root = join(import.meta.dirname, '..');
const files = withModelOnnx(readModelDirFiles(join(root, 'bench', '.data', 'serve', 'model')));
const model = loadScorerModel(files);
const table = readCsv(readFileSync(join(root, '..', 'shared', 'data', 'telco_churn.csv')), { fileName: 'telco_churn.csv' });
const records = Array.from({ length: table.rowCount }, (_, i) => Object.fromEntries(table.columns.filter((c) => c.name !== 'churn').map((c) => {
  const v = c.values[i];
  return [c.name, typeof v === 'number' && Number.isNaN(v) ? null : v];
})));

async function median(n: number, f: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1] * 1000;
}

const schema = compileSchema(model.inputs);
const one = tableFromJsonRows(schema, [records[42]]).table;
const many = tableFromJsonRows(schema, Array.from({ length: 10_000 }, (_, i) => records[i % records.length])).table;
const X1 = model.toMatrix(one);
const X10k = model.toMatrix(many);
const engines: ScoringEngine[] = [createNativeEngine(files), await createEngine(files)];
console.log(`| step | 1 row, µs | 10,000 rows, µs |`);
console.log(`|---|---|---|`);
console.log(`| feature pipeline (JS) | ${(await median(calls, () => model.toMatrix(one))).toFixed(0)} | ${(await median(20, () => model.toMatrix(many))).toFixed(0)} |`);
for (const e of engines) {
  console.log(`| ${e.kind} engine score | ${(await median(calls, () => e.score(X1))).toFixed(0)} | ${(await median(20, () => e.score(X10k))).toFixed(0)} |`);
}
