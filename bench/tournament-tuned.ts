// Tournament quality over several split seeds, against library defaults and a tuned reference
// (BRIEF §Quality protocol, issue 14). For each split seed and ../shared/data set,
// bench/tournament-tuned.py writes an 80/20 split (stratified for classification,
// random_state = seed); `tourney train <train.csv> --time-budget B --seed 0` runs the tournament
// on the training rows and `tourney evaluate` scores it on the test rows. Meanwhile, in a second
// process on the same splits, the Python side fits the library defaults and random-searches
// XGBoost hist and HistGradientBoosting (cross-validation with early stopping, refit of the best;
// see the .py docstring). Results go to JSON after every (seed, data set): a partial run is
// usable, and running again resumes where it stopped. Load average is recorded around each run.
//
// usage: node --import tsx bench/tournament-tuned.ts [--budget 60] [--seeds 0,1,2,3,4]
//        [--configs 20] [--reference-workers 3] [--only telco_churn,spam] [--no-reference]
//        [--no-tourney] [--redo] [--report]
//        (--report: print the table from bench/.data/tuned/ and run nothing; --redo: run the Tourney
//        side again for the chosen sets and seeds, after copying the old results to
//        tourney-<time>.json, e.g. after a change to the tournament)
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { formatTunedReport, type ReferenceRun, type TourneyRun } from './tournament-tuned-report';
import { QUALITY_SETS } from './quality-sets';

const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, '..', 'shared', 'data');
const OUT = join(ROOT, 'bench', '.data', 'tuned');
const TOURNEY = join(ROOT, 'cli', 'bin', 'tourney.js');

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const has = (name: string) => process.argv.includes(`--${name}`);
const budget = Number(flag('budget') ?? 60);
const seeds = (flag('seeds') ?? '0,1,2,3,4').split(',').map(Number);
const configs = Number(flag('configs') ?? 20);
const referenceWorkers = Number(flag('reference-workers') ?? 3);
const only = flag('only')?.split(',');
const sets = QUALITY_SETS.filter((s) => !only || only.includes(s.name));
const specs = sets.map((s) => `${s.name}:${s.target}:${s.task}`);
mkdirSync(OUT, { recursive: true });

const tourneyPath = join(OUT, 'tourney.json');
const referenceDir = join(OUT, 'reference');
const readJson = <T>(path: string): Record<string, T> => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {});
/** One file per (data set, seed), written by the reference workers: <name>-<seed>.json. */
const readReference = (): Record<string, ReferenceRun> => Object.fromEntries((existsSync(referenceDir) ? readdirSync(referenceDir) : [])
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f.replace(/-(\d+)\.json$/, '/$1'), JSON.parse(readFileSync(join(referenceDir, f), 'utf8'))]));
const writeJson = (path: string, value: unknown) => {
  writeFileSync(`${path}.tmp`, JSON.stringify(value, null, 1));
  renameSync(`${path}.tmp`, path);
};

if (!has('report')) {
  const python = (args: string[], stdio: 'inherit' | number) => ({
    args: [join(ROOT, 'bench', 'tournament-tuned.py'), ...args],
    options: { env: { ...process.env, OMP_NUM_THREADS: '1' }, stdio: ['ignore', stdio, stdio] as ['ignore', typeof stdio, typeof stdio] },
  });
  const splitCall = python(['split', OUT, DATA, seeds.join(','), ...specs], 'inherit');
  execFileSync('/usr/bin/python3', splitCall.args, splitCall.options);

  // Several single-threaded workers: on a shared machine each process gets its share of the cores.
  const workers: ChildProcess[] = [];
  if (!has('no-reference')) {
    const log = openSync(join(OUT, 'reference.log'), 'a');
    const call = python(['reference', OUT, seeds.join(','), String(configs), ...specs], log);
    for (let w = 0; w < referenceWorkers; w++) workers.push(spawn('/usr/bin/python3', call.args, call.options));
    process.stderr.write(`reference search: ${referenceWorkers} workers (pids ${workers.map((w) => w.pid).join(', ')}), log ${join(OUT, 'reference.log')}\n`);
  }
  if (!has('no-tourney')) runTourney();
  for (const worker of workers.filter((w) => w.exitCode === null)) {
    process.stderr.write(`waiting for reference worker ${worker.pid}\n`);
    await new Promise((resolve) => worker.on('exit', resolve));
  }
}
process.stdout.write(formatTunedReport(sets, seeds, budget, readJson<TourneyRun>(tourneyPath), readReference()));

function runTourney(): void {
  const done = readJson<TourneyRun>(tourneyPath);
  if (has('redo')) {
    writeJson(join(OUT, `tourney-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), done);
    for (const seed of seeds) for (const set of sets) delete done[`${set.name}/${seed}`];
  }
  for (const seed of seeds) {
    for (const set of sets) {
      const key = `${set.name}/${seed}`;
      if (done[key]) continue;
      const modelDir = join(OUT, `${set.name}-s${seed}-model`);
      const loadBefore = loadavg()[0];
      const started = performance.now();
      // /usr/bin/time reports the CPU seconds of the command and its worker threads: on a shared
      // machine the budget is wall clock, and the CPU it got says how much search it bought.
      const timePath = join(OUT, 'time.txt');
      const train = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', timePath, process.execPath, TOURNEY, 'train', join(OUT, `${set.name}-s${seed}-train.csv`),
        '--target', set.target, '--time-budget', String(budget), '--seed', '0', '--out', modelDir, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const wall = (performance.now() - started) / 1000;
      const cpu = readFileSync(timePath, 'utf8').trim().split('\n').pop()!.split(' ').map(Number).reduce((a, b) => a + b, 0);
      if (train.status !== 0) {
        process.stderr.write(`${key}: train failed: ${train.stderr.trim().split('\n').pop()}\n`);
        continue;
      }
      const summary = JSON.parse(train.stdout);
      const evaluated = JSON.parse(execFileSync(process.execPath, [TOURNEY, 'evaluate', modelDir, join(OUT, `${set.name}-s${seed}-test.csv`), '--json'], { encoding: 'utf8' }));
      const winner: string = summary.winner.model === 'ensemble'
        ? `ensemble(${summary.ensemble.members.map((m: { model: string }) => m.model).join('+')})`
        : summary.winner.model;
      done[key] = { metrics: evaluated.metrics, candidates: summary.candidates, wall, cpu, winner, load: [loadBefore, loadavg()[0]] };
      writeJson(tourneyPath, done);
      process.stderr.write(`${key}: ${JSON.stringify(evaluated.metrics)} ${summary.candidates} candidates, ${wall.toFixed(1)} s (${cpu.toFixed(1)} s CPU), load ${loadBefore.toFixed(1)}\n`);
    }
  }
}
