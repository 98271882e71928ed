// Learner accuracy benchmark, tree families, side by side with XGBoost and scikit-learn in one run:
// the same encoded matrices (bench/accuracy-data.ts: numbers as is, one-hot for string columns,
// word counts for free text) on `--splits` stratified 80/20 splits (seeds 0…n−1), the same
// settings on both sides:
//   GBDT   Tourney fitGbdt vs sklearn HistGradientBoosting (same trees / learning rate / leaves /
//          min rows per leaf / λ / bins, no early stopping), and vs XGBoost hist (lossguide, same
//          trees / learning rate / leaves / bins / λ; XGBoost has no minimum row count per leaf
//          but a minimum hessian sum, min_child_weight 1, so Tourney runs a second time with
//          minDataInLeaf 1, minSumHessianInLeaf 1 to compare like for like, and XGBoost starts
//          from the training mean as Tourney does, not from its 1.7 default of 0.5);
//   forest Tourney fitForest (bootstrap, √F features per split for classification, F/3 for
//          regression) vs sklearn RandomForest, and extra trees (no bootstrap, random thresholds)
//          vs sklearn ExtraTrees, both on mean-imputed inputs (sklearn 1.2's forests refuse NaN).
// Reports each learner's test metric averaged over the splits and Tourney − reference.
//   node --import tsx bench/accuracy-trees.ts [--splits 10] [--only spam,letters]
import { execFileSync } from 'node:child_process';
import { fitForest } from '../kernels/learn/forest/train-forest';
import { fitGbdt } from '../kernels/learn/gbdt/train-gbdt';
import type { Labels, Task } from '../kernels/learn/matrix';
import { accuracy, argmaxRows, auroc, rmse } from '../kernels/learn/metric';
import { DATA_DIR, DATASETS, encodeDataset, imputeWithTrainMeans, subset } from './accuracy-data';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const nSplits = Number(flag('--splits') ?? 5);
const only = flag('--only')?.split(',');
const SETTINGS = {
  gbdt: { trees: 100, learningRate: 0.1, maxLeaves: 31, minDataInLeaf: 20, lambdaL2: 0, bins: 255 },
  forest: { trees: 100, minDataInLeaf: 3 },
};
/** Tourney's GBDT with XGBoost's leaf constraint instead of LightGBM's / sklearn's. */
const GBDT_AS_XGBOOST = { ...SETTINGS.gbdt, minDataInLeaf: 1, minSumHessianInLeaf: 1 };
type Learner = 'gbdt' | 'gbdtAsXgboost' | 'forest' | 'extra';

function score(task: Task, labels: Labels, p: Float64Array, nRows: number): number {
  if (task === 'regression') return rmse(labels.y, p);
  if (task === 'binary') return auroc(labels.y, p);
  const predicted = argmaxRows(p, nRows);
  return accuracy(labels.y, predicted);
}

function tourney(stemTrain: ReturnType<typeof subset>, stemTest: ReturnType<typeof subset>, task: Task): Record<Learner, number> {
  const { X, labels } = stemTrain;
  const test = stemTest.X;
  const s = (p: Float64Array) => score(task, stemTest.labels, p, test.nRows);
  const [Xi, testI] = imputeWithTrainMeans(X, test);
  return {
    gbdt: s(fitGbdt(X, labels, SETTINGS.gbdt).predict(test)),
    gbdtAsXgboost: s(fitGbdt(X, labels, GBDT_AS_XGBOOST).predict(test)),
    forest: s(fitForest(Xi, labels, SETTINGS.forest).predict(testI)),
    extra: s(fitForest(Xi, labels, { ...SETTINGS.forest, extraTrees: true, bootstrap: false }).predict(testI)),
  };
}

const specs = DATASETS.filter((d) => !only || only.includes(d.name));
const results = new Map<string, { task: Task; ours: Record<Learner, number>[]; stems: string[] }>();
for (const spec of specs) {
  const entry = { task: spec.task, ours: [] as Record<Learner, number>[], stems: [] as string[] };
  for (let seed = 0; seed < nSplits; seed++) {
    const d = encodeDataset(spec, seed);
    entry.stems.push(d.csvPath.split('/').pop()!.replace(/^accuracy-/, '').replace(/\.csv$/, ''));
    entry.ours.push(tourney(subset(d, true), subset(d, false), spec.task));
  }
  results.set(spec.name, entry);
  console.error(`${spec.name}: Tourney done on ${nSplits} splits`);
}
const stems = [...results.values()].flatMap((r) => r.stems);
const ref = JSON.parse(execFileSync('/usr/bin/python3', [`${import.meta.dirname}/accuracy-trees.py`, DATA_DIR, stems.join(','), JSON.stringify(SETTINGS)], {
  maxBuffer: 1 << 28, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
})) as Record<string, { xgboost: number; hgb: number; forest: number; extra: number }>;

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const fmt = (task: Task, v: number) => (task === 'regression' ? v.toFixed(0) : v.toFixed(4));
/** Positive = Tourney better; RMSE as a relative difference. */
const gain = (task: Task, ours: number, theirs: number) => (task === 'regression' ? (theirs - ours) / theirs : ours - theirs);
const fmtGain = (task: Task, g: number) => (task === 'regression' ? `${(100 * g).toFixed(1)}%` : `${g >= 0 ? '+' : ''}${g.toFixed(4)}`);

console.log(`\nGBDT ${JSON.stringify(SETTINGS.gbdt)}; forests ${JSON.stringify(SETTINGS.forest)}; test metric (AUROC, accuracy, RMSE) averaged over ${nSplits} stratified 80/20 splits (seeds 0–${nSplits - 1}); Δ = Tourney − reference (RMSE: relative, positive = Tourney lower).\n`);
console.log(`Tourney GBDT as XGBoost: the same with ${JSON.stringify({ minDataInLeaf: 1, minSumHessianInLeaf: 1 })} (XGBoost's min_child_weight 1).\n`);
console.log('| data set | metric | Tourney GBDT | sklearn HGB | Δ vs HGB | Tourney GBDT as XGBoost | XGBoost hist | Δ vs XGBoost | Tourney forest | sklearn RF | Δ | Tourney extra trees | sklearn ExtraTrees | Δ |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const [name, r] of results) {
  const ours = (k: Learner) => mean(r.ours.map((o) => o[k]));
  const theirs = (k: 'xgboost' | 'hgb' | 'forest' | 'extra') => mean(r.stems.map((s) => ref[s][k]));
  const t = r.task;
  const metric = t === 'binary' ? 'AUROC' : t === 'regression' ? 'RMSE' : 'accuracy';
  console.log(`| ${name} | ${metric} | ${fmt(t, ours('gbdt'))} | ${fmt(t, theirs('hgb'))} | ${fmtGain(t, gain(t, ours('gbdt'), theirs('hgb')))} | ${fmt(t, ours('gbdtAsXgboost'))} | ${fmt(t, theirs('xgboost'))} | ${fmtGain(t, gain(t, ours('gbdtAsXgboost'), theirs('xgboost')))} | ${fmt(t, ours('forest'))} | ${fmt(t, theirs('forest'))} | ${fmtGain(t, gain(t, ours('forest'), theirs('forest')))} | ${fmt(t, ours('extra'))} | ${fmt(t, theirs('extra'))} | ${fmtGain(t, gain(t, ours('extra'), theirs('extra')))} |`);
}
