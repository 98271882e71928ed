// ONNX export over the shared data sets: for each set, every `train --fixed` family (GBDT,
// forest, extra trees, linear, naive Bayes) on the table-to-matrix conversion and one short
// tournament on the feature pipeline (its shipped ensemble and calibration), exported to
// bench/.data/onnx/<set>-<model>.onnx. Prints the largest |native − ONNX| over every row plus
// perturbed rows (missing values, unseen categories) in onnxruntime-node and in onnxruntime-web's
// WASM build, then runs bench/onnx-check.py (onnx.checker, full_check) on the files.
//   node --import tsx bench/onnx-export.ts [--sets penguins,spam] [--no-tournament]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as ortWeb from 'onnxruntime-web/wasm';
import { readTable } from '../kernels/io/read-table';
import { fitModel } from '../kernels/learn/fit';
import type { Matrix } from '../kernels/learn/matrix';
import type { ModelFamily } from '../kernels/learn/model';
import { fitTableToMatrix } from '../kernels/learn/table-to-matrix';
import { exportOnnx, ONNX_INPUT } from '../kernels/onnx';
import { categoricalView } from '../kernels/tournament/categorical-view';
import { createInlineExecutor } from '../kernels/tournament/executor';
import { applyFeatures } from '../kernels/tournament/features';
import { runTournament } from '../kernels/tournament/run-tournament';
import { prepareTarget } from '../kernels/tournament/target';
import { TournamentModel } from '../kernels/tournament/tournament-model';
import { createOnnxEngine, rowMajor } from '../scorer/onnx-engine';
import { maxAbsDifference, REFERENCE_SETS, withHardRows } from '../scorer/onnx-parity';

const SETS = REFERENCE_SETS;
const FIXED: [string, ModelFamily, Record<string, unknown>][] = [
  ['gbdt', 'gbdt', { trees: 100 }],
  ['forest', 'forest', { trees: 30 }],
  ['extra-trees', 'forest', { trees: 30, extraTrees: true }],
  ['linear', 'linear', {}],
  ['bayes', 'bayes', {}],
];
const OUT = resolve('bench/.data/onnx');

const args = process.argv.slice(2);
const setsArg = args.includes('--sets') ? args[args.indexOf('--sets') + 1].split(',') : undefined;
const withTournament = !args.includes('--no-tournament');

interface Row {
  set: string;
  model: string;
  /** File name part. */
  slug: string;
  rows: number;
  node: number;
  web: number;
  kb: number;
  file: string;
}

async function webScores(bytes: Uint8Array, X: Matrix, task: string): Promise<Float64Array> {
  const session = await ortWeb.InferenceSession.create(bytes);
  const output = task === 'regression' ? 'value' : 'probabilities';
  const result = await session.run({ [ONNX_INPUT]: new ortWeb.Tensor('float64', rowMajor(X), [X.nRows, X.columns.length]) }, [output]);
  await session.release();
  const data = result[output].data as Float64Array;
  return task === 'binary' ? Float64Array.from({ length: X.nRows }, (_, i) => data[2 * i + 1]) : data;
}

async function check(set: string, model: string, slug: string, document: unknown, native: Float64Array, X: Matrix, task: string): Promise<Row> {
  const bytes = exportOnnx(document);
  const file = resolve(OUT, `${set}-${slug}.onnx`);
  writeFileSync(file, bytes);
  const node = maxAbsDifference(native, await (await createOnnxEngine(bytes)).score(X));
  const web = maxAbsDifference(native, await webScores(bytes, X, task));
  return { set, model, slug, rows: X.nRows, node, web, kb: bytes.length / 1024, file };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  ortWeb.env.wasm.numThreads = 1;
  const rows: Row[] = [];
  let binarySets = 0;
  for (const [set, target] of SETS.filter(([s]) => !setsArg || setsArg.includes(s))) {
    const table = await readTable(readFileSync(`../shared/data/${set}.csv`), { fileName: `${set}.csv` });
    const task = prepareTarget(table, target, { minRows: 5 }).task;
    let fixed: ReturnType<typeof fitTableToMatrix> | undefined;
    try {
      fixed = fitTableToMatrix(table, target);
    } catch (err) {
      // fine_food_reviews is free text: only the feature pipeline (the tournament) reads it.
      process.stderr.write(`${set}: no train --fixed models (${(err as Error).message})\n`);
    }
    if (fixed) {
      const { X, labels } = fixed;
      const hard = withHardRows(X);
      for (const [name, family, params] of FIXED) {
        if (family === 'bayes' && task === 'regression') continue;
        const model = fitModel(family, X, labels, params, { seed: 1 });
        rows.push(await check(set, name, name, model.toJSON(), model.predict(hard), hard, task));
        process.stderr.write(`${set} ${name} done\n`);
      }
    }
    if (!withTournament) continue;
    const quick = { gbdt: { fixed: { trees: 60, earlyStoppingRounds: 10 } }, forest: { fixed: { trees: 20 } } };
    // Binary sets take Platt and isotonic calibration in turn, so the checker sees every method.
    const calibration = task === 'binary' ? (binarySets++ % 2 ? 'isotonic' : 'platt') : task === 'multiclass' ? 'temperature' : 'none';
    const result = await runTournament(table, { target, timeBudgetSeconds: 60, maxCandidates: 4, seed: 1, calibration, searchSpace: quick }, createInlineExecutor());
    const matrix = applyFeatures(result.pipeline, table);
    const tournamentRows = withHardRows(matrix, categoricalView(result.pipeline, matrix.featureNames)?.groups);
    const shipped = result.model.members.map((m) => `${m.model.family}${m.view ? ' (codes)' : ''}`).join(' + ') + (result.model.calibration ? `, ${result.model.calibration.method}` : '');
    rows.push(await check(set, `tournament: ${shipped}`, 'tournament', result.model, new TournamentModel(result.model).predict(tournamentRows), tournamentRows, result.task));
    process.stderr.write(`${set} tournament done\n`);
  }
  console.log('| data set | model | rows compared | max abs diff (onnxruntime-node) | max abs diff (onnxruntime-web WASM) | size KB |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.set} | ${r.model} | ${r.rows} | ${r.node.toExponential(1)} | ${r.web.toExponential(1)} | ${r.kb.toFixed(0)} |`);
  const worst = Math.max(...rows.map((r) => Math.max(r.node, r.web)));
  console.log(`\nlargest difference: ${worst.toExponential(2)} (${worst <= 1e-6 ? 'within' : 'OUTSIDE'} 1e-6)\n`);
  try {
    console.log(execFileSync('/usr/bin/python3', ['bench/onnx-check.py', ...rows.map((r) => r.file)], { encoding: 'utf8' }));
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; status?: number };
    console.log(`${e.stdout ?? ''}${e.stderr ?? ''}onnx-check.py exited with ${e.status}`);
    process.exitCode = 1;
  }
  if (worst > 1e-6) process.exitCode = 1;
}

await main();
