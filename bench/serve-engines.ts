// Where a /v1/predict request's time goes inside the scorer, step by step, in-process, on
// bench/serve.ts's model (run that first): JSON parse, validation into the input batch (with its
// stats), the feature pipeline replay, the row-major copy, the model (the ONNX engine the bundle
// serves, and the native JS learners for comparison), the predictions JSON, the metrics and the
// monitoring window. For 1 row (a lone request), 10 rows (a typical micro-batch of 16 concurrent
// single-row clients) and 10,000 rows (a batch request). Median of many calls, µs. The HTTP
// layer (parsing, writev) is not here: bench/serve.ts and `node --cpu-prof` measure it.
//   node --import tsx bench/serve-engines.ts [--calls 3000]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../kernels/io/from-csv';
import type { MonitorRecord } from '../kernels/monitor/monitor-record';
import { createEngine, createNativeEngine } from '../scorer/engine';
import { compileSchema, InputBatch } from '../scorer/input-table';
import { loadScorerModel } from '../scorer/load-model';
import { withModelOnnx } from '../scorer/model-onnx';
import { rowMajor } from '../scorer/onnx-engine';
import { createMetrics } from '../scorer/server/metrics';
import { MonitoringWindow, referenceFrom } from '../scorer/server/monitoring';
import { predictionWriter } from '../scorer/server/predictions-json';
import { readModelDirFiles } from '../scorer/server/read-model-dir';

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
const schema = compileSchema(model.inputs);
const onnx = await createEngine(files);
const native = createNativeEngine(files);
const metrics = createMetrics(model);
const writePredictions = predictionWriter(model);
const reference = referenceFrom(model.reference);
const monitor = reference ? new MonitoringWindow(reference) : null;

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

const sizes = [1, 10, 10_000];
const rows: Record<number, string[]> = {};
const cell = (us: number) => (us >= 100 ? us.toFixed(0) : us.toFixed(1));
for (const n of sizes) {
  const body = Buffer.from(JSON.stringify({ rows: Array.from({ length: n }, (_, i) => records[(42 + i) % records.length]) }));
  const parsed = (JSON.parse(body.toString('utf8')) as { rows: Record<string, unknown>[] }).rows;
  const batchOf = () => {
    const b = new InputBatch(schema, n);
    b.appendJsonRows(parsed);
    return b.finish();
  };
  const input = batchOf();
  const X = model.toMatrix(input.table);
  const scores = await onnx.score(X);
  const out = writePredictions(scores, n);
  const reps = n > 100 ? 20 : calls;
  const record: MonitorRecord = { time: Date.now(), id: null, input: {}, output: { prediction: 'No', probabilities: { Yes: 0 } }, latencyMs: 1 };
  const steps: [string, () => unknown][] = [
    ['JSON.parse of the body', () => JSON.parse(body.toString('utf8'))],
    ['validate into the input batch, stats', batchOf],
    ['feature pipeline replay (toMatrix)', () => model.toMatrix(input.table)],
    ['row-major copy for onnxruntime', () => rowMajor(X)],
    ['model: ONNX engine (onnxruntime-node)', () => onnx.score(X)],
    ['model: native JS engine (comparison)', () => native.score(X)],
    ['predictions JSON', () => `{"predictions":[${writePredictions(scores, n).items.join(',')}]}`],
    ['metrics (batch + one request)', () => { metrics.scored(input.stats, out.predictedClass, out.histogramScores); metrics.request('/v1/predict', 200, 0.001); }],
    ['monitoring window (every row)', () => {
      if (!monitor) return;
      const builder = monitor.builderAt(Date.now());
      for (let i = 0; i < n; i++) { record.input = parsed[i] as MonitorRecord['input']; monitor.add(record, builder); }
    }],
  ];
  for (const [name, f] of steps) (rows[steps.findIndex((s) => s[0] === name)] ??= [name]).push(cell(await median(reps, f)));
}
console.log(`| step | ${sizes.map((n) => `${n.toLocaleString('en-US')} row${n > 1 ? 's' : ''}, µs`).join(' | ')} |`);
console.log(`|---|${sizes.map(() => '---:').join('|')}|`);
for (const r of Object.values(rows)) console.log(`| ${r.join(' | ')} |`);
