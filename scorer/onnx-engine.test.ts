// Parity of the ONNX export (kernels/onnx) with the native learners, on real data and real
// onnxruntime: every family on the `train --fixed` matrix (categorical codes), hand-built
// ensembles over the feature pipeline's matrix (members through categorical views, each
// calibration), real tournaments, and the same bytes in onnxruntime-web's plain WASM build.
// Every comparison includes rows with missing values and unseen categories.
import { readFileSync } from 'node:fs';
import * as ortWeb from 'onnxruntime-web/wasm';
import { describe, expect, it } from 'vitest';
import { readTable } from '../kernels/io/read-table';
import type { NaiveBayesModel } from '../kernels/learn/bayes';
import { fitModel } from '../kernels/learn/fit';
import type { LinearModel } from '../kernels/learn/linear';
import type { Matrix, Task } from '../kernels/learn/matrix';
import type { FittedModel, ModelFamily } from '../kernels/learn/model';
import { fitTableToMatrix } from '../kernels/learn/table-to-matrix';
import { exportOnnx, ONNX_INPUT } from '../kernels/onnx';
import type { TreeEnsembleModel } from '../kernels/learn/tree/tree-ensemble-model';
import { fitIsotonic, fitPlatt, fitTemperature, type Calibration } from '../kernels/tournament/calibrate';
import { applyCategoricalView, categoricalView } from '../kernels/tournament/categorical-view';
import { createInlineExecutor } from '../kernels/tournament/executor';
import { applyFeatures, fitFeatures } from '../kernels/tournament/features';
import { runTournament } from '../kernels/tournament/run-tournament';
import { prepareTarget } from '../kernels/tournament/target';
import { TournamentModel, TOURNAMENT_MODEL_FORMAT, type TournamentModelJSON } from '../kernels/tournament/tournament-model';
import type { DataTable } from '../kernels/table/types';
import { createOnnxEngine, rowMajor } from './onnx-engine';
import { maxAbsDifference, withHardRows } from './onnx-parity';

const TOLERANCE = 1e-6;

async function table(name: string): Promise<DataTable> {
  return readTable(readFileSync(`../shared/data/${name}.csv`), { fileName: `${name}.csv` });
}

async function onnxScores(document: unknown, X: Matrix): Promise<Float64Array> {
  return (await createOnnxEngine(exportOnnx(document))).score(X);
}

async function expectParity(document: unknown, native: Float64Array, X: Matrix): Promise<number> {
  const diff = maxAbsDifference(native, await onnxScores(document, X));
  expect(diff).toBeLessThanOrEqual(TOLERANCE);
  return diff;
}

const FIXED: [string, ModelFamily, Record<string, unknown>][] = [
  ['gbdt', 'gbdt', { trees: 40, maxLeaves: 15 }],
  ['forest', 'forest', { trees: 12 }],
  ['extra trees', 'forest', { trees: 12, extraTrees: true }],
  ['linear', 'linear', {}],
  ['naive Bayes', 'bayes', {}],
];

describe('createOnnxEngine', () => {
  it('refuses bytes Tourney did not export and matrices of the wrong width', async () => {
    await expect(createOnnxEngine(new Uint8Array([8, 8]))).rejects.toThrow(/does not say its task/);
    const X: Matrix = { nRows: 30, columns: [Float64Array.from({ length: 30 }, (_, i) => i % 4), Float64Array.from({ length: 30 }, (_, i) => i)], featureNames: ['a', 'b'] };
    const model = fitModel('linear', X, { task: 'regression', y: Float64Array.from({ length: 30 }, (_, i) => 2 * i) }, {}, { seed: 1 });
    const engine = await createOnnxEngine(exportOnnx(model.toJSON()));
    await expect(engine.score({ ...X, columns: [X.columns[0]], featureNames: ['a'] })).rejects.toThrow(/expects 2 features, the matrix has 1/);
    expect(await engine.score({ ...X, nRows: 0, columns: [new Float64Array(0), new Float64Array(0)] })).toEqual(new Float64Array(0));
    expect(maxAbsDifference(model.predict(X), await engine.score(X))).toBeLessThanOrEqual(TOLERANCE);
  });

  it('scores big runs on a worker thread with the same scores, and says so', async () => {
    const { X, labels } = fitTableToMatrix(await table('credit_status'), 'Status');
    const model = fitModel('gbdt', X, labels, { trees: 60, maxLeaves: 31 }, { seed: 1 });
    const bytes = exportOnnx(model.toJSON());
    const engine = await createOnnxEngine(bytes, { threads: 2, bigRows: 500 });
    expect(engine.offloadRows).toBe(500);
    expect((await createOnnxEngine(bytes)).offloadRows).toBeUndefined();
    const big = await engine.score(X);
    expect(X.nRows).toBeGreaterThan(500);
    expect(maxAbsDifference(model.predict(X), big)).toBeLessThanOrEqual(TOLERANCE);
    const head: Matrix = { ...X, nRows: 100, columns: X.columns.map((c) => c.subarray(0, 100)) };
    expect(maxAbsDifference(big.subarray(0, 100), await engine.score(head))).toBeLessThanOrEqual(1e-12);
    await engine.release?.();
  });
});

describe('ONNX export: every family on the train --fixed matrix (onnxruntime-node)', () => {
  const sets: [string, string, Task][] = [['credit_status', 'Status', 'binary'], ['penguins', 'species', 'multiclass'], ['ames_housing', 'Sale_Price', 'regression']];
  for (const [name, target, task] of sets) {
    it(`${name} (${task})`, async () => {
      const { X, labels, state } = fitTableToMatrix(await table(name), target);
      expect(state.task).toBe(task);
      expect(X.categorical!.some(Boolean)).toBe(true);
      const hard = withHardRows(X);
      for (const [label, family, params] of FIXED) {
        if (family === 'bayes' && task === 'regression') continue;
        const model = fitModel(family, X, labels, params, { seed: 1 });
        const diff = await expectParity(model.toJSON(), model.predict(hard), hard);
        expect(diff, `${name} ${label}`).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  }

  it('routes categorical tree splits (BRANCH_EQ chains) and learned missing directions alike', async () => {
    const { X, labels } = fitTableToMatrix(await table('credit_status'), 'Status');
    const model = fitModel('gbdt', X, labels, { trees: 30 }, { seed: 2 }) as TreeEnsembleModel;
    expect(model.trees.some((t) => t.categoryLeft.some((c) => c !== null))).toBe(true);
    expect(model.trees.some((t) => t.defaultLeft.some((d) => d))).toBe(true);
    const hard = withHardRows(X, [], 2000);
    await expectParity(model.toJSON(), model.predict(hard), hard);
  });
});

describe('ONNX export: rarer corners of linear and naive Bayes models (onnxruntime-node)', () => {
  it('pooled "other" levels of a linear model and a class naive Bayes never saw', async () => {
    const n = 1500;
    // A categorical feature with 260 levels (the design keeps 200, pools the rest), a numeric
    // one with gaps, and four classes of which the last never occurs.
    const level = Float64Array.from({ length: n }, (_, i) => (i * 7) % 260);
    const number = Float64Array.from({ length: n }, (_, i) => (i % 17 === 0 ? NaN : Math.sin(i) * 10 + (i % 3)));
    const X: Matrix = { nRows: n, columns: [level, number], featureNames: ['level', 'number'], categorical: [true, false] };
    const y = Float64Array.from({ length: n }, (_, i) => (level[i] % 3 === 0 ? 0 : number[i] > 2 ? 1 : 2));
    const labels = { task: 'multiclass' as const, y, classes: ['a', 'b', 'c', 'never'] };
    const hard = withHardRows(X);
    const linear = fitModel('linear', X, labels, {}, { seed: 1 });
    expect((linear as LinearModel).state.design.otherLevels).toBeDefined();
    await expectParity(linear.toJSON(), linear.predict(hard), hard);
    const bayes = fitModel('bayes', X, labels, {}, { seed: 1 });
    expect((bayes as NaiveBayesModel).state.logPrior[3]).toBeNull();
    await expectParity(bayes.toJSON(), bayes.predict(hard), hard);
  });
});

interface Composed {
  document: TournamentModelJSON;
  X: Matrix;
}

const composed = new Map<string, Promise<Composed>>();

/** A tournament document built by hand on the feature pipeline's matrix (one member per family), built once per case. */
function composedEnsemble(name: string, target: string, calibration: string, calibrate?: (p: Float64Array, y: Float64Array, k: number) => Calibration): Promise<Composed> {
  const key = `${name} ${calibration}`;
  if (!composed.has(key)) composed.set(key, composeEnsemble(name, target, calibrate));
  return composed.get(key)!;
}

async function composeEnsemble(name: string, target: string, calibrate?: (p: Float64Array, y: Float64Array, k: number) => Calibration): Promise<Composed> {
  const data = await table(name);
  const encoded = prepareTarget(data, target, { minRows: 5 });
  const features = fitFeatures(data, target, encoded.task, {}, encoded.positiveClass);
  expect(encoded.labels.y.length).toBe(features.X.nRows);
  const view = categoricalView(features.spec, features.X.featureNames);
  expect(view).toBeDefined();
  const families: { family: ModelFamily; params: Record<string, unknown>; viewed: boolean; weight: number }[] = [
    { family: 'gbdt', params: { trees: 30 }, viewed: true, weight: 0.4 },
    { family: 'forest', params: { trees: 8, extraTrees: true }, viewed: true, weight: 0.2 },
    { family: 'linear', params: {}, viewed: false, weight: 0.25 },
    ...(encoded.task === 'regression' ? [] : [{ family: 'bayes' as const, params: {}, viewed: true, weight: 0.15 }]),
  ];
  const members = families.map(({ family, params, viewed, weight }) => {
    const input = viewed ? applyCategoricalView(view!, features.X) : features.X;
    const model: FittedModel = fitModel(family, input, encoded.labels, params, { seed: 3 });
    return { weight, model: model.toJSON(), ...(viewed ? { view: view! } : {}) };
  });
  const document: TournamentModelJSON = {
    kind: 'tournament-model',
    format: TOURNAMENT_MODEL_FORMAT,
    task: encoded.task,
    nClasses: encoded.task === 'regression' ? 1 : encoded.classes!.length,
    ...(encoded.classes ? { classes: encoded.classes } : {}),
    ...(encoded.positiveClass ? { positiveClass: encoded.positiveClass } : {}),
    features: features.X.featureNames,
    members,
  };
  if (calibrate) {
    const blended = new TournamentModel(document).blendMembers(features.X);
    document.calibration = calibrate(blended, encoded.labels.y, document.nClasses);
  }
  return { document, X: withHardRows(features.X, view!.groups) };
}

describe('ONNX export: ensembles through categorical views, and calibration (onnxruntime-node)', () => {
  const cases: [string, string, string, ((p: Float64Array, y: Float64Array, k: number) => Calibration) | undefined, string?][] = [
    ['hr_attrition', 'Attrition', 'platt', (p, y) => fitPlatt(p, y)],
    ['hr_attrition', 'Attrition', 'isotonic', (p, y) => fitIsotonic(p, y)],
    ['penguins', 'species', 'temperature', (p, y, k) => fitTemperature(p, y, k)],
    // As model directories written before the smoothing have it.
    ['penguins', 'species', 'temperature', (p, y, k) => ({ ...fitTemperature(p, y, k), smoothing: undefined }), ' without smoothing'],
    ['ames_housing', 'Sale_Price', 'no calibration', undefined],
  ];
  for (const [name, target, calibration, calibrate, variant = ''] of cases) {
    it(`${name}: four-family blend, ${calibration}${variant}`, async () => {
      const { document, X } = await composedEnsemble(name, target, calibration, calibrate);
      expect(document.calibration?.method).toBe(calibrate ? calibration : undefined);
      await expectParity(document, new TournamentModel(document).predict(X), X);
    });
  }

  it('ships what runTournament ships (binary, multiclass, regression)', async () => {
    const quick = { gbdt: { fixed: { trees: 30, earlyStoppingRounds: 10 } }, forest: { fixed: { trees: 10 } } };
    const runs: [string, string, 'platt' | 'temperature' | 'none'][] = [['hr_attrition', 'Attrition', 'platt'], ['penguins', 'species', 'temperature'], ['ames_housing', 'Sale_Price', 'none']];
    for (const [name, target, calibration] of runs) {
      const data = await table(name);
      const result = await runTournament(data, { target, timeBudgetSeconds: 60, maxCandidates: 3, seed: 3, calibration, searchSpace: quick }, createInlineExecutor());
      const view = categoricalView(result.pipeline, applyFeatures(result.pipeline, data).featureNames);
      const X = withHardRows(applyFeatures(result.pipeline, data), view?.groups);
      await expectParity(result.model, new TournamentModel(result.model).predict(X), X);
    }
  }, 180_000);
});

describe('ONNX export in onnxruntime-web (plain WASM build, in Node)', () => {
  it('scores the same bytes as onnxruntime-node for each task', async () => {
    // One thread: the WASM build's threads need cross-origin isolation in a browser and workers here.
    ortWeb.env.wasm.numThreads = 1;
    const cases = [
      await composedEnsemble('hr_attrition', 'Attrition', 'isotonic', (p, y) => fitIsotonic(p, y)),
      await composedEnsemble('penguins', 'species', 'temperature', (p, y, k) => fitTemperature(p, y, k)),
      await composedEnsemble('ames_housing', 'Sale_Price', 'no calibration'),
    ];
    for (const { document, X } of cases) {
      const bytes = exportOnnx(document);
      const session = await ortWeb.InferenceSession.create(bytes);
      const output = document.task === 'regression' ? 'value' : 'probabilities';
      const result = await session.run({ [ONNX_INPUT]: new ortWeb.Tensor('float64', rowMajor(X), [X.nRows, X.columns.length]) });
      const web = result[output].data as Float64Array;
      const native = new TournamentModel(document).predict(X);
      const k = document.task === 'multiclass' ? document.nClasses : 1;
      const fromWeb = document.task === 'binary' ? Float64Array.from({ length: X.nRows }, (_, i) => web[2 * i + 1]) : web;
      expect(web.length).toBe(X.nRows * (document.task === 'binary' ? 2 : k));
      expect(maxAbsDifference(native, fromWeb)).toBeLessThanOrEqual(TOLERANCE);
      expect(maxAbsDifference(await onnxScores(document, X), fromWeb)).toBeLessThanOrEqual(TOLERANCE);
      await session.release();
    }
  }, 180_000);
});
