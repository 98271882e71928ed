// Micro-batching against a real scorer (this process, loopback, the ONNX engine on
// onnxruntime-node): concurrent requests joined into shared model runs get exactly the answers they
// get one at a time, a bad request among them gets its own 400 naming row and field, and /metrics
// counts every row once.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../kernels/io/read-table';
import { cellValue } from '../../kernels/table/slice-rows';
import { withModelOnnx } from '../model-onnx';
import { httpCall } from '../testing/http-call';
import { DATA, tourney } from '../testing/scorer-process';
import { startScorer, type RunningScorer } from './app';
import { readModelDirFiles } from './read-model-dir';

const dir = mkdtempSync(join(tmpdir(), 'tourney-scorer-batching-'));
const modelDir = join(dir, 'churn');
const CSV = join(DATA, 'telco_churn.csv');
let rows: Record<string, unknown>[];
let scorer: RunningScorer;

beforeAll(async () => {
  const train = await tourney(['train', CSV, '--target', 'churn', '--models', 'gbdt', '--fixed', '{"trees":30,"maxLeaves":16}', '--seed', '1', '--out', modelDir]);
  expect(train.code, train.stderr).toBe(0);
  const table = await readTable(readFileSync(CSV), { fileName: 'telco_churn.csv' });
  const inputs = table.columns.filter((c) => c.name !== 'churn');
  rows = Array.from({ length: 200 }, (_, i) => Object.fromEntries(inputs.map((c) => [c.name, cellValue(c, i)])));
  scorer = await startScorer({ files: withModelOnnx(readModelDirFiles(modelDir), modelDir), name: 'churn', port: 0, accessLog: false });
  await scorer.ready;
}, 60_000);

afterAll(async () => {
  await scorer?.drain();
  rmSync(dir, { recursive: true, force: true });
});

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

const call = (method: string, path: string, body?: string) => httpCall(agent, `${scorer.url}${path}`, method, body);

type Prediction = { prediction: string; probabilities: Record<string, number> };
const metric = (text: string, name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1]);

describe('micro-batching', () => {
  it('answers concurrent requests as it answers them one at a time, refuses the bad one alone, and counts every row once', async () => {
    expect(scorer.engine.kind).toBe('onnx');
    const bodies = rows.map((r, i) => JSON.stringify({ rows: i % 10 === 3 ? [r, rows[(i + 1) % rows.length]] : [r] }));
    const alone: Prediction[][] = [];
    for (const body of bodies) {
      const r = await call('POST', '/v1/predict', body);
      expect(r.status).toBe(200);
      alone.push(JSON.parse(r.text).predictions);
    }
    const before = (await call('GET', '/metrics')).text;

    const bad = JSON.stringify({ rows: [rows[0], { ...rows[1], tenure: 'long' }] });
    const answers = await Promise.all([...bodies.slice(0, 100), bad, ...bodies.slice(100)].map((b) => call('POST', '/v1/predict', b)));
    const refused = answers.splice(100, 1)[0];
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text).error).toBe('row 2, field "tenure": expected a number, got "long"');
    expect(answers.map((a) => a.status)).toEqual(bodies.map(() => 200));
    // The same predictions; probabilities equal up to the last bits (onnxruntime may sum a
    // many-row tensor in another order than a one-row one), far inside the contract's 1e-6.
    answers.forEach((a, i) => {
      const joined = JSON.parse(a.text).predictions as Prediction[];
      expect(joined.map((p) => p.prediction)).toEqual(alone[i].map((p) => p.prediction));
      joined.forEach((p, r) => {
        for (const [c, v] of Object.entries(alone[i][r].probabilities)) expect(Math.abs(p.probabilities[c] - v)).toBeLessThan(1e-12);
      });
    });

    const after = (await call('GET', '/metrics')).text;
    const sentRows = bodies.reduce((n, b) => n + (JSON.parse(b) as { rows: unknown[] }).rows.length, 0);
    expect(metric(after, 'tourney_rows_scored_total') - metric(before, 'tourney_rows_scored_total')).toBe(sentRows);
    expect(metric(after, 'tourney_batch_rows_sum') - metric(before, 'tourney_batch_rows_sum')).toBe(sentRows);
    // The concurrent requests shared model runs: fewer runs than requests.
    const runs = metric(after, 'tourney_batch_rows_count') - metric(before, 'tourney_batch_rows_count');
    process.stderr.write(`${bodies.length} concurrent requests (${sentRows} rows) in ${runs} model runs\n`);
    expect(runs).toBeLessThan(bodies.length);
    expect(metric(after, 'tourney_http_request_errors_total') - (metric(before, 'tourney_http_request_errors_total') || 0)).toBe(1);
  }, 60_000);
});
