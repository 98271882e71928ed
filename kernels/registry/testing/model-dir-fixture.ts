// A small model directory as a file map, shaped like what `tourney train` writes, for tests and
// the registry benchmark (no tournament has to run). `variant` changes scores and importance.
const encoder = new TextEncoder();
const json = (v: unknown) => encoder.encode(JSON.stringify(v));

export function modelDirFixture(variant = 0, options: { leak?: boolean } = {}): Map<string, Uint8Array> {
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
    },
    candidatesEvaluated: 2, candidatesCancelled: 0, seconds: 3.5,
    timing: { prepareSeconds: 0.5, searchSeconds: 2.5, finalSeconds: 0.5 },
    settings: { target: 'churn', task: 'auto', models: ['gbdt', 'linear'], timeBudgetSeconds: 5, seed: variant, testFraction: 0.2, ensemble: true, features: { maxTerms: 500 } },
  };
  const template = {
    kind: 'tourney-tournament-template', format: 1, name: 'churn', target: 'churn', task: 'auto', models: ['gbdt', 'linear'],
    timeBudgetSeconds: 5 + (variant % 3), seed: variant, testFraction: 0.2, ensemble: true, calibration: 'auto', refitOnAllRows: true, features: { maxTerms: 500 }, searchSpace: {},
  };
  return new Map([
    ['meta.json', json(meta)],
    ['pipeline.json', json({ kind: 'feature-pipeline', steps: [variant] })],
    ['report.json', json(report)],
    ['template.json', json(template)],
    ['tournament.json', json({ kind: 'tournament-model', format: 1, members: [], bytes: Array.from({ length: 64 }, (_, i) => (i * 31 + variant) % 251) })],
  ]);
}
