// Acceptance parity of the scoring paths, on every ../shared/data set: for each `train --fixed`
// family and for shipped tournament ensembles (one short tournament per task), the native
// learners (`tourney predict`'s code: kernels/modeldir's loader), the exported model.onnx in
// onnxruntime-node (the scorer's engine), the same bytes in onnxruntime-web's plain WASM build
// (the app's engine) and the scorer's HTTP answers agree within 1e-6, with identical labels.
// The HTTP answers come from a scorer started in-process per model (the server code server.js
// bundles) and, once per task, from a RUNNING bundle: `writeBundle`, then `node server.js` in the
// bundle folder — whose native scores are also checked against a real `tourney predict` run.
// Models train in-process on at most 2,000 rows; 300 other rows of each set are scored.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ortWeb from 'onnxruntime-web/wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../kernels/io/read-table';
import { fitModel } from '../kernels/learn/fit';
import type { Matrix } from '../kernels/learn/matrix';
import type { ModelFamily } from '../kernels/learn/model';
import { fitTableToMatrix } from '../kernels/learn/table-to-matrix';
import { buildModelDirFiles, fixedDocuments, loadModelDirFiles, tournamentDocuments } from '../kernels/modeldir';
import { ONNX_INPUT } from '../kernels/onnx';
import { tableToRows } from '../kernels/table/slice-rows';
import type { DataTable } from '../kernels/table/types';
import { createInlineExecutor } from '../kernels/tournament/executor';
import { runTournament } from '../kernels/tournament/run-tournament';
import { takeRows } from '../kernels/tournament/take-rows';
import { createTemplate } from '../kernels/tournament/template';
import type { TournamentSettings } from '../kernels/tournament/settings';
import { writeBundle } from './bundle/write-bundle';
import { withModelOnnx } from './model-onnx';
import { createOnnxEngine, rowMajor } from './onnx-engine';
import { maxAbsDifference, REFERENCE_SETS } from './onnx-parity';
import { startScorer } from './server/app';
import { DATA, REPO, startProcess, tourney, type ScorerProcess } from './testing/scorer-process';

const TOLERANCE = 1e-6;
const TRAIN_ROWS = 2000;
const SCORE_ROWS = 300;
const SETS = REFERENCE_SETS;
const FIXED: [string, ModelFamily, Record<string, unknown>][] = [
  ['gbdt', 'gbdt', { trees: 15 }],
  ['forest', 'forest', { trees: 6 }],
  ['extra-trees', 'forest', { trees: 6, extraTrees: true }],
  ['linear', 'linear', {}],
  ['bayes', 'bayes', {}],
];
/**
 * Short tournaments, one or more per task, each with a calibration where the task has one;
 * fine_food_reviews is free text, so only a tournament reads it.
 */
const TOURNAMENTS: [string, string, TournamentSettings['calibration']][] = [
  ['telco_churn', 'churn', 'isotonic'], ['fine_food_reviews', 'score', 'platt'], ['penguins', 'species', 'temperature'], ['letters', 'lettr', 'temperature'],
  ['ames_housing', 'Sale_Price', 'none'],
];

const work = mkdtempSync(join(tmpdir(), 'tourney-parity-'));
const tables = new Map<string, Promise<DataTable>>();
const processes: ScorerProcess[] = [];

function table(set: string): Promise<DataTable> {
  if (!tables.has(set)) tables.set(set, readFileAsTable(set));
  return tables.get(set)!;
}

async function readFileAsTable(set: string): Promise<DataTable> {
  return readTable(readFileSync(join(DATA, `${set}.csv`)), { fileName: `${set}.csv` });
}

/** Training rows (the first ≤ 2,000) and scored rows (the last 300; they overlap training only in small sets). */
function split(t: DataTable): { train: DataTable; score: DataTable } {
  const n = t.rowCount;
  const trainN = Math.min(TRAIN_ROWS, n);
  const scoreStart = Math.max(0, n - SCORE_ROWS);
  return {
    train: takeRows(t, Array.from({ length: trainN }, (_, i) => i)),
    score: takeRows(t, Array.from({ length: n - scoreStart }, (_, i) => scoreStart + i)),
  };
}

interface Scores {
  /** FittedModel.predict's shape. */
  values: Float64Array;
  labels: string[];
}

/** Labels from predict-shaped scores, as `tourney predict` picks them (binary p ≥ 0.5, multiclass first maximum). */
function labelsOf(values: ArrayLike<number>, task: string, classes: string[] | null, n: number): string[] {
  if (task === 'regression') return [];
  if (task === 'binary') return Array.from({ length: n }, (_, i) => classes![values[i] >= 0.5 ? 1 : 0]);
  const k = classes!.length;
  return Array.from({ length: n }, (_, i) => {
    let best = 0;
    for (let c = 1; c < k; c++) if (values[i * k + c] > values[i * k + best]) best = c;
    return classes![best];
  });
}

async function webScores(bytes: Uint8Array, X: Matrix, task: string, classes: string[] | null): Promise<Scores> {
  const session = await ortWeb.InferenceSession.create(bytes);
  const output = task === 'regression' ? 'value' : 'probabilities';
  const fetches = task === 'regression' ? [output] : [output, 'label'];
  const result = await session.run({ [ONNX_INPUT]: new ortWeb.Tensor('float64', rowMajor(X), [X.nRows, X.columns.length]) }, fetches);
  await session.release();
  const data = result[output].data as Float64Array;
  const values = task === 'binary' ? Float64Array.from({ length: X.nRows }, (_, i) => data[2 * i + 1]) : data;
  const labels = task === 'regression' ? [] : Array.from(result.label.data as BigInt64Array, (c) => classes![Number(c)]);
  return { values, labels };
}

/** /v1/predict's answer in predict's shape. */
async function httpScores(url: string, rows: unknown[], task: string, classes: string[] | null, positive: string | null): Promise<Scores> {
  const r = await fetch(`${url}/v1/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows }) });
  expect(r.status).toBe(200);
  const predictions = ((await r.json()) as { predictions: { prediction: string | number; probabilities?: Record<string, number> }[] }).predictions;
  expect(predictions).toHaveLength(rows.length);
  if (task === 'regression') return { values: Float64Array.from(predictions, (p) => p.prediction as number), labels: [] };
  const values = task === 'binary'
    ? Float64Array.from(predictions, (p) => p.probabilities![positive ?? classes![1]])
    : Float64Array.from(predictions.flatMap((p) => classes!.map((c) => p.probabilities![c])));
  return { values, labels: predictions.map((p) => String(p.prediction)) };
}

interface Checked {
  model: string;
  native: Float64Array;
  worst: number;
}

/** Scores `score` every way but the bundle process; returns the native scores and the largest difference. */
async function checkAllPaths(label: string, files: Map<string, Uint8Array>, score: DataTable): Promise<Checked> {
  const loaded = loadModelDirFiles(files, label);
  const { task, classes, positiveClass } = loaded.meta;
  const X = loaded.toMatrix(score);
  const nativeValues = loaded.predict(X);
  const nativeLabels = labelsOf(nativeValues, task, classes, X.nRows);
  const served = withModelOnnx(files);
  const bytes = served.get('model.onnx')!;
  const node = await (await createOnnxEngine(bytes)).score(X);
  const web = await webScores(bytes, X, task, classes);
  const scorer = await startScorer({ files: served, name: label, port: 0, accessLog: false });
  let http: Scores;
  try {
    await scorer.ready;
    expect(scorer.engine.kind).toBe('onnx');
    http = await httpScores(scorer.url, tableToRows(score), task, classes, positiveClass);
  } finally {
    await scorer.drain();
  }
  const diffs = { node: maxAbsDifference(nativeValues, node), web: maxAbsDifference(nativeValues, web.values), http: maxAbsDifference(nativeValues, http.values) };
  for (const [path, d] of Object.entries(diffs)) expect(d, `${label}: native vs ${path}`).toBeLessThanOrEqual(TOLERANCE);
  expect(labelsOf(node, task, classes, X.nRows), `${label}: onnxruntime-node labels`).toEqual(nativeLabels);
  expect(web.labels, `${label}: onnxruntime-web labels`).toEqual(nativeLabels);
  expect(http.labels, `${label}: HTTP labels`).toEqual(nativeLabels);
  return { model: label, native: nativeValues, worst: Math.max(...Object.values(diffs)) };
}

const report: string[] = [];
/** Whether each tournament shipped more than one member. */
const shippedEnsembles: boolean[] = [];

beforeAll(() => {
  ortWeb.env.wasm.numThreads = 1;
});

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  rmSync(work, { recursive: true, force: true });
  // The tournaments are meant to cover blended members, not only single winners.
  expect(shippedEnsembles.filter(Boolean).length).toBeGreaterThanOrEqual(2);
  process.stderr.write(`parity (max |native − other| over onnxruntime-node, onnxruntime-web, HTTP):\n${report.join('\n')}\n`);
});

describe('scoring parity: native, onnxruntime-node, onnxruntime-web (WASM) and the scorer over HTTP', () => {
  for (const [set, target] of SETS) {
    if (set === 'fine_food_reviews') continue; // free text: no `train --fixed` conversion; its tournament is below
    it(`${set}: every train --fixed family`, async () => {
      const { train, score } = split(await table(set));
      const { X, labels, state, rows } = fitTableToMatrix(train, target);
      for (const [name, family, params] of FIXED) {
        if (family === 'bayes' && state.task === 'regression') continue;
        const model = fitModel(family, X, labels, params, { seed: 1 });
        const files = buildModelDirFiles(fixedDocuments(model, {
          family, metric: state.task === 'regression' ? 'rmse' : 'logloss', params, state, featureNames: X.featureNames, rows, trainedOn: `${set}.csv`, createdAt: '2026-01-01T00:00:00.000Z',
        }), 'test');
        const { worst } = await checkAllPaths(`${set} ${name}`, files, score);
        report.push(`  ${set} ${name}: ${worst.toExponential(1)}`);
      }
    }, 60_000);
  }

  for (const [set, target, calibration] of TOURNAMENTS) {
    it(`${set}: the model a short tournament ships, also through a running bundle (node server.js) and tourney predict`, async () => {
      const { train, score } = split(await table(set));
      const settings = { target, timeBudgetSeconds: 20, maxCandidates: 4, seed: 1, calibration, searchSpace: { gbdt: { fixed: { trees: 20 } }, forest: { fixed: { trees: 8 } } } };
      const result = await runTournament(train, settings, createInlineExecutor());
      const files = buildModelDirFiles(tournamentDocuments(result, `${set}.csv`, createTemplate(settings, set), '2026-01-01T00:00:00.000Z'), 'test');
      const members = result.model.members.map((m) => `${m.model.family}${m.view ? ' (codes)' : ''}`).join(' + ') + (result.model.calibration ? `, ${result.model.calibration.method}` : '');
      const { native, worst } = await checkAllPaths(`${set} tournament`, files, score);

      const modelDir = join(work, `${set}-model`);
      mkdirSync(modelDir);
      for (const [name, bytes] of files) writeFileSync(join(modelDir, name), bytes);
      const bundleDir = join(work, `${set}-bundle`);
      await writeBundle(modelDir, bundleDir);
      // As after `npm install` in the bundle (write-bundle.test.ts runs the real offline install).
      symlinkSync(join(REPO, 'node_modules'), join(bundleDir, 'node_modules'));
      const server = await startProcess(process.execPath, [join(bundleDir, 'server.js'), '--port', '0'], { TOURNEY_ACCESS_LOG: 'off' }, bundleDir);
      processes.push(server);
      const csvPath = join(work, `${set}-score.csv`);
      writeFileSync(csvPath, scoreCsv(score));
      const [cli] = await Promise.all([tourney(['predict', modelDir, csvPath]), server.ready]);
      const { task, classes, positiveClass } = result;
      expect((await (await fetch(`${server.url}/v1/model`)).json()).engine).toBe('onnx');
      const http = await httpScores(server.url, tableToRows(score), task, classes ?? null, positiveClass ?? null);
      const bundleDiff = maxAbsDifference(native, http.values);
      expect(bundleDiff, `${set}: native vs running bundle`).toBeLessThanOrEqual(TOLERANCE);
      expect(http.labels).toEqual(labelsOf(native, task, classes ?? null, score.rowCount));
      // The in-process native scores are `tourney predict`'s, to the last digit.
      expect(cli.code, cli.stderr).toBe(0);
      const cliRows = cli.stdout.trim().split('\n').slice(1).map((line) => line.split(','));
      const cliValues = task === 'multiclass' ? cliRows.flatMap((r) => r.slice(1).map(Number)) : cliRows.map((r) => Number(r[task === 'binary' ? 1 : 0]));
      expect(maxAbsDifference(native, cliValues)).toBe(0);
      if (task !== 'regression') expect(cliRows.map((r) => r[0])).toEqual(http.labels);
      report.push(`  ${set} tournament (${members}): ${Math.max(worst, bundleDiff).toExponential(1)}`);
      shippedEnsembles.push(result.model.members.length > 1);
    }, 90_000);
  }
});

/** The rows as the CSV file `tourney predict` reads. */
function scoreCsv(t: DataTable): string {
  const names = t.columns.map((c) => c.name);
  const field = (v: unknown) => (v === null ? '' : /[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [names.join(','), ...tableToRows(t).map((r) => names.map((n) => field(r[n])).join(','))].join('\n') + '\n';
}
