// Text features for linear and boosted learners, the quick loop behind the tournament's text
// results: fit the feature pipeline on a data set's fixed training split (the 80/20 split
// bench/tournament-quality.ts writes to bench/.data/tournament/), train logistic regression over a
// C grid and one fixed GBDT, score the test split (AUROC), side by side with scikit-learn's
// logistic regression on 2,000 TF-IDF words (bench/text-features.py) in the same run.
//
// usage: node --import tsx bench/text-features.ts [--set fine_food_reviews] [--text review]
//        [--target score] [--max-terms 500] [--no-gbdt]
// (run bench/tournament-quality.ts once first: it writes the split files.)
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readTable } from '../kernels/io/read-table';
import { fitModel } from '../kernels/learn/fit';
import { auroc } from '../kernels/learn/metric';
import { applyFeatures, fitFeatures } from '../kernels/tournament/features';
import { prepareTarget } from '../kernels/tournament/target';

const ROOT = join(import.meta.dirname, '..');
const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const set = flag('set', 'fine_food_reviews');
const text = flag('text', 'review');
const target = flag('target', 'score');
const maxTerms = Number(flag('max-terms', '500'));
const GRID = [0.05, 0.3, 1, 3, 10];

const dir = join(ROOT, 'bench', '.data', 'tournament');
const trainPath = join(dir, `${set}-train.csv`);
const testPath = join(dir, `${set}-test.csv`);
const train = await readTable(await readFile(trainPath), { fileName: trainPath });
const test = await readTable(await readFile(testPath), { fileName: testPath });
const enc = prepareTarget(train, target, { minRows: 5 });
if (enc.labels.task !== 'binary') throw new Error(`${set}: AUROC needs a binary target, '${target}' is ${enc.labels.task}`);
const encTest = prepareTarget(test, target, { minRows: 5, positiveClass: enc.positiveClass });
const t = performance.now();
const fitted = fitFeatures(train, target, 'binary', { maxTerms }, enc.positiveClass);
const fitSeconds = (performance.now() - t) / 1000;
const Xtest = applyFeatures(fitted.spec, test);
const terms = fitted.X.featureNames.filter((n) => n.startsWith(`${text}~`)).length;

const tourney: Record<string, number> = {};
for (const C of GRID) {
  const model = fitModel('linear', fitted.X, enc.labels, { C, tolerance: 1e-5, maxIterations: 500 }, { seed: 0 });
  tourney[C] = auroc(encTest.labels.y, model.predict(Xtest));
}
let gbdt: number | undefined;
if (!process.argv.includes('--no-gbdt')) {
  const model = fitModel('gbdt', fitted.X, enc.labels, { trees: 400, learningRate: 0.05, maxLeaves: 15, featureFraction: 0.5, lambdaL2: 5 }, { seed: 0 });
  gbdt = auroc(encTest.labels.y, model.predict(Xtest));
}
// The positive class as the pipeline chose it, so both sides score the same class.
const positive = enc.positiveClass ?? enc.labels.classes![1];
const sk = JSON.parse(execFileSync('/usr/bin/python3', [join(ROOT, 'bench', 'text-features.py'), trainPath, testPath, text, target, positive, GRID.join(',')], {
  encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' },
})) as Record<string, Record<string, number>>;

const fmt = (v: number | undefined) => (v === undefined ? '' : v.toFixed(4));
const lines = [
  `Text features — ${set}, fixed 80/20 split (bench/.data/tournament), test AUROC. Tourney: the feature pipeline (maxTerms ${maxTerms}: ${terms} text terms, ${fitted.X.columns.length} features, fit ${fitSeconds.toFixed(1)} s) + logistic regression; scikit-learn: LogisticRegression on TfidfVectorizer(2,000 words, min_df 3, sublinear tf).`,
  '',
  '| C | Tourney logistic (pipeline terms) | sklearn logistic (TF-IDF) | sklearn logistic (TF-IDF standardised) | Tourney − sklearn |',
  '|---|---|---|---|---|',
  ...GRID.map((C) => `| ${C} | ${fmt(tourney[C])} | ${fmt(sk.tfidf[String(C)])} | ${fmt(sk['tfidf standardised'][String(C)])} | ${(tourney[C] - sk.tfidf[String(C)] >= 0 ? '+' : '')}${(tourney[C] - sk.tfidf[String(C)]).toFixed(4)} |`),
  '',
  `Best: Tourney ${fmt(Math.max(...Object.values(tourney)))}, sklearn ${fmt(Math.max(...Object.values(sk.tfidf)))}.${gbdt !== undefined ? ` Tourney GBDT (400 trees, learning rate 0.05, 15 leaves) on the same pipeline: ${fmt(gbdt)}.` : ''}`,
];
process.stdout.write(lines.join('\n') + '\n');
