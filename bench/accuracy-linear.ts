// Learner accuracy benchmark, linear family and naive Bayes, side by side with scikit-learn in
// one run: the same encoded matrices and the same stratified 80/20 split (bench/accuracy-data.ts),
// logistic regression (C = 1, lbfgs) / ridge (sklearn alpha = 1, i.e. alpha = 1/nTrain here) on
// mean-imputed standardised features, GaussianNB on mean-imputed features.
//   node --import tsx bench/accuracy-linear.ts
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fitNaiveBayes } from '../kernels/learn/bayes';
import { fitLinear } from '../kernels/learn/linear';
import { argmaxRows, getMetric } from '../kernels/learn/metric';
import { DATA_DIR, DATASETS, encodeDataset, imputeWithTrainMeans, subset } from './accuracy-data';

const C = 1;
const RIDGE_ALPHA_SKLEARN = 1;
const SKLEARN_TOL = 1e-10;
const TOURNEY_TOL = 1e-10;
/** Lasso on the regression set: same alpha on both sides (ElasticNet scaling, units of y). */
const LASSO_ALPHA = 100;
const NB_SETS = ['spam', 'hr_attrition', 'letters', 'penguins'];

interface SklearnResult {
  seconds: number;
  metric: string;
  value: number;
  logloss?: number;
  nIter?: number;
  oneShotIter?: number;
  oneShotCoef?: number[][];
  newtonCoef?: number[][];
  newtonIntercept?: number[];
  coef: number[][];
  intercept: number[];
  nbSeconds?: number;
  lasso?: { seconds: number; value: number; coef: number[][]; intercept: number[]; nIter: number };
  nbProba?: number[];
}


const fmt = (v: number, digits = 4) => (Math.abs(v) >= 1000 ? v.toFixed(0) : v.toFixed(digits));
const sci = (v: number) => v.toExponential(1);

const encoded = DATASETS.map((spec) => encodeDataset(spec));
console.error(`encoded ${encoded.length} data sets into ${DATA_DIR}; running scikit-learn…`);
const sk = JSON.parse(execFileSync('/usr/bin/python3', [
  `${import.meta.dirname}/accuracy-linear.py`, DATA_DIR, String(C), String(RIDGE_ALPHA_SKLEARN), String(SKLEARN_TOL),
  DATASETS.map((d) => d.name).join(','), NB_SETS.join(','), String(LASSO_ALPHA),
], { maxBuffer: 1 << 30, encoding: 'utf8' })) as Record<string, SklearnResult>;

const linearRows: string[] = [];
const nbRows: string[] = [];
for (const d of encoded) {
  const name = d.spec.name;
  const s = sk[name];
  const train = subset(d, true);
  const test = subset(d, false);
  const nTrain = train.X.nRows;
  const params = d.spec.task === 'regression' ? { alpha: RIDGE_ALPHA_SKLEARN / nTrain } : { C, tolerance: TOURNEY_TOL, maxIterations: 100000 };
  const t0 = performance.now();
  const model = fitLinear(train.X, train.labels, params);
  const seconds = (performance.now() - t0) / 1000;
  const pred = model.predict(test.X);
  const metric = getMetric(s.metric);
  const value = metric.compute(test.labels.y, pred, d.spec.task);
  const coefDiff = (reference: number[][]) => {
    let max = 0;
    reference.forEach((row, k) => row.forEach((b, j) => (max = Math.max(max, Math.abs(b - model.state.coef[k][j])))));
    return max;
  };
  const maxCoef = Math.max(...s.coef.flat().map(Math.abs));
  const maxCoefDiff = coefDiff(s.coef);
  const oneShot = s.oneShotCoef ? `${sci(coefDiff(s.oneShotCoef))} (${s.oneShotIter} it.)` : '–';
  const newton = s.newtonCoef
    ? `${sci(coefDiff(s.newtonCoef))} / ${sci(Math.max(...s.newtonIntercept!.map((b, k) => Math.abs(b - model.state.intercept[k]))))}`
    : '–';
  let maxInterceptDiff = 0;
  s.intercept.forEach((b, k) => (maxInterceptDiff = Math.max(maxInterceptDiff, Math.abs(b - model.state.intercept[k]))));
  const extra = d.spec.task === 'multiclass'
    ? ` (logloss ${fmt(getMetric('logloss').compute(test.labels.y, pred, 'multiclass'))} vs ${fmt(s.logloss!)})`
    : '';
  linearRows.push(`| ${name} | ${train.X.columns.length} | ${d.spec.task === 'regression' ? 'ridge' : d.spec.task === 'binary' ? 'logistic' : 'multinomial'} | ${metric.name}${extra} | ${fmt(value)} | ${fmt(s.value)} | ${sci(value - s.value)} | ${fmt(maxCoef, 2)} | ${sci(maxCoefDiff)} | ${sci(maxInterceptDiff)} | ${newton} | ${oneShot} | ${model.state.fit.iterations} / ${s.nIter ?? '–'} | ${seconds.toFixed(2)} / ${s.seconds.toFixed(2)} |`);
  if (s.lasso) {
    const t1 = performance.now();
    const lasso = fitLinear(train.X, train.labels, { alpha: LASSO_ALPHA, l1Ratio: 1, tolerance: 1e-10 });
    const lassoSeconds = (performance.now() - t1) / 1000;
    const v = metric.compute(test.labels.y, lasso.predict(test.X), 'regression');
    let diff = 0;
    s.lasso.coef[0].forEach((b, j) => (diff = Math.max(diff, Math.abs(b - lasso.state.coef[0][j]))));
    const nonZero = (a: ArrayLike<number>) => Array.from(a).filter((b) => b !== 0).length;
    linearRows.push(`| ${name} | ${train.X.columns.length} | lasso α ${LASSO_ALPHA} (non-zero ${nonZero(lasso.state.coef[0])} / ${nonZero(s.lasso.coef[0])}) | rmse | ${fmt(v)} | ${fmt(s.lasso.value)} | ${sci(v - s.lasso.value)} | ${fmt(Math.max(...s.lasso.coef[0].map(Math.abs)), 2)} | ${sci(diff)} | ${sci(Math.abs(s.lasso.intercept[0] - lasso.state.intercept[0]))} | – | – | ${lasso.state.fit.iterations} / ${s.lasso.nIter} | ${lassoSeconds.toFixed(2)} / ${s.lasso.seconds.toFixed(2)} |`);
  }
  console.error(`${name}: done`);

  if (s.nbProba) {
    const [trI, teI] = imputeWithTrainMeans(train.X, test.X);
    const t1 = performance.now();
    const nb = fitNaiveBayes(trI, train.labels);
    const nbSeconds = (performance.now() - t1) / 1000;
    const p = nb.predict(teI);
    const k = d.spec.task === 'binary' ? 2 : nb.nClasses;
    const full = d.spec.task === 'binary' ? Float64Array.from({ length: p.length * 2 }, (_, i) => (i % 2 ? p[i >> 1] : 1 - p[i >> 1])) : p;
    const ours = argmaxRows(full, teI.nRows);
    const theirs = argmaxRows(s.nbProba, teI.nRows);
    let agree = 0;
    let maxDiff = 0;
    for (let i = 0; i < teI.nRows; i++) if (ours[i] === theirs[i]) agree++;
    for (let i = 0; i < full.length; i++) maxDiff = Math.max(maxDiff, Math.abs(full[i] - s.nbProba[i]));
    const acc = (labels: Int32Array) => labels.reduce((a, v, i) => a + (v === test.labels.y[i] ? 1 : 0), 0) / labels.length;
    nbRows.push(`| ${name} | ${k} | ${agree} / ${teI.nRows} | ${sci(maxDiff)} | ${fmt(acc(ours))} | ${fmt(acc(theirs))} | ${nbSeconds.toFixed(3)} / ${s.nbSeconds!.toFixed(3)} |`);
  }
}

console.log(`Logistic regression C = ${C} (sklearn lbfgs, tol ${SKLEARN_TOL}, scipy's ftol switched off; Tourney gradient tolerance ${TOURNEY_TOL}), ridge sklearn alpha = ${RIDGE_ALPHA_SKLEARN}; test split 20 %, stratified, seed 0. Coefficients are on the standardised scale.\n`);
console.log('| dataset | features | model | test metric | Tourney | sklearn | diff | max \\|β\\| | max \\|coef diff\\| | max \\|intercept diff\\| | max \\|coef diff\\| / \\|intercept diff\\| vs sklearn newton-cg as shipped | \\|coef diff\\| vs sklearn lbfgs as shipped | iterations T / sk | fit s T / sk |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of linearRows) console.log(r);
console.log('\nGaussian naive Bayes on mean-imputed features (test rows):\n');
console.log('| dataset | classes | same predicted class | max \\|P diff\\| | accuracy Tourney | accuracy sklearn | fit s T / sk |');
console.log('|---|---|---|---|---|---|---|');
for (const r of nbRows) console.log(r);
