// A small real model directory as a file map, written by the one model-directory writer
// (kernels/modeldir buildModelDirFiles, so it carries its manifest and loads in `tourney predict`),
// for tests and the registry benchmark without running a tournament: one linear learner fitted
// once on a small churn table, wrapped as a one-member tournament model, with a report and
// template like a tournament's. `variant` changes the scores, importance, dropped columns and
// settings the registry reads; `curvePoints` adds ROC/PR curves of that many points to the
// report (a realistic way to make a version's files larger, for the benchmark).
import { buildModelDirFiles } from '../../modeldir';
import { fitLinear } from '../../learn/linear';
import { fitTableToMatrix } from '../../learn/table-to-matrix';
import { syntheticBinaryTable } from '../../../test/fixtures/tournament-data';
import type { DataTable } from '../../table/types';

const RENAMED: Record<string, string> = { x1: 'tenure', x2: 'charges', target: 'churn' };

let fitted: { pipeline: unknown; tournament: unknown } | null = null;

/** The learner and its table-to-matrix state, fitted once per process (the same for every variant). */
function fittedChurnModel(): { pipeline: unknown; tournament: unknown } {
  if (fitted) return fitted;
  const synthetic = syntheticBinaryTable(120, 11);
  const table: DataTable = { ...synthetic, name: 'churn', columns: synthetic.columns.map((c) => ({ ...c, name: RENAMED[c.name] ?? c.name })) };
  const { state, X, labels } = fitTableToMatrix(table, 'churn');
  const learner = fitLinear(X, labels);
  const model = learner.toJSON();
  fitted = {
    pipeline: state,
    tournament: { kind: 'tournament-model', format: 1, task: 'binary', nClasses: learner.nClasses, classes: state.classes, positiveClass: state.positiveClass, features: X.featureNames, members: [{ weight: 1, model }] },
  };
  return fitted;
}

export function modelDirFixture(variant = 0, options: { leak?: boolean; curvePoints?: number } = {}): Map<string, Uint8Array> {
  const cv = 0.8 + (variant % 10) / 100;
  const meta = {
    tourney: 1, kind: 'tournament', task: 'binary', target: 'churn', metric: 'auroc', classes: ['no', 'yes'], positiveClass: 'yes',
    family: 'gbdt', params: { trees: 100 + variant }, cvScore: cv, testScore: cv - 0.01, rows: 1000, trainedOn: 'churn.csv', createdAt: '2026-12-01T10:00:00.000Z', seed: variant,
  };
  const leaderboard = [
    { id: 1, model: 'gbdt', params: { trees: 100 + variant }, cvScore: cv, foldScores: [cv - 0.01, cv, cv + 0.01], fitSeconds: 0.5, origin: 'default', metrics: {} },
    { id: 2, model: 'linear', params: { l2: 1 }, cvScore: cv - 0.05, foldScores: [cv - 0.06, cv - 0.05, cv - 0.04], fitSeconds: 0.1, origin: 'default', metrics: {} },
  ];
  const report = {
    task: 'binary', target: 'churn', metric: 'auroc', higherIsBetter: true, classes: ['no', 'yes'], positiveClass: 'yes',
    rows: 1000, trainRows: 800, testRows: 200, searchRows: 800, validation: { kind: 'kfold', folds: 3 },
    dropped: [
      { column: 'customer_id', reason: 'identifier (every value distinct)' },
      ...(options.leak ? [{ column: 'cancel_date', reason: "likely label leak: whether 'cancel_date' is empty mirrors 'churn'" }] : []),
      ...(variant % 2 ? [{ column: 'region', reason: 'constant: every row is EU' }] : []),
    ],
    droppedFeatures: [],
    leaderboard,
    winner: leaderboard[0],
    calibration: { method: 'none', logloss: {} },
    test: { score: cv - 0.01, metrics: { auroc: cv - 0.01, accuracy: 0.75, logloss: 0.45 } },
    insights: {
      evaluatedOn: 'test', rows: 200,
      importance: { byFeature: [], byColumn: [{ column: 'tenure', importance: 0.5 + variant / 100 }, { column: 'charges', importance: 0.3 }, ...(variant % 2 ? [] : [{ column: 'region', importance: 0.05 }])] },
      aboveChance: { score: cv - 0.01, baselineMean: 0.5, baselineQuantile95: 0.55, permutations: 199, pValue: 0.005, above: true },
      ...(options.curvePoints ? curves(options.curvePoints, variant) : {}),
    },
    candidatesEvaluated: 2, candidatesCancelled: 0, seconds: 3.5,
    timing: { prepareSeconds: 0.5, searchSeconds: 2.5, finalSeconds: 0.5 },
    settings: { target: 'churn', task: 'auto', models: ['gbdt', 'linear'], timeBudgetSeconds: 5, seed: variant, testFraction: 0.2, ensemble: true, features: { maxTerms: 500 } },
  };
  const template = {
    kind: 'tourney-tournament-template', format: 1, name: 'churn', target: 'churn', task: 'auto', models: ['gbdt', 'linear'],
    timeBudgetSeconds: 5 + (variant % 3), seed: variant, testFraction: 0.2, ensemble: true, calibration: 'auto', refitOnAllRows: true, features: { maxTerms: 500 }, searchSpace: {},
  };
  const { pipeline, tournament } = fittedChurnModel();
  return buildModelDirFiles({ kind: 'tournament', meta, pipeline, tournament, report, template: template as never }, '0.0.0-test');
}

function curves(points: number, variant: number): { roc: { x: number[]; y: number[] }; pr: { x: number[]; y: number[] } } {
  const x = Array.from({ length: points }, (_, i) => i / (points - 1));
  const power = 0.3 + (variant % 5) / 20;
  return { roc: { x, y: x.map((v) => v ** power) }, pr: { x, y: x.map((v) => 1 - 0.5 * v ** (1 / power)) } };
}
