// Fault corpus: flags, help and input paths, through the real `tourney` binary. Every refused case
// asserts the exit code, the one `error:` line (a usage error adds only the --help hint after it)
// and that nothing was written — neither the --out directory nor anything else in the folder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticBinaryTable } from '../../test/fixtures/tournament-data';
import { errorLine, listTree, runCli, SHARED_DATA, tableCsv } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'tourney-flags-'));
const PENGUINS = join(SHARED_DATA, 'penguins.csv');
const BINARY = 'binary.csv';
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  writeFileSync(join(dir, BINARY), tableCsv(syntheticBinaryTable(240, 3)));
  mkdirSync(join(dir, 'a-folder'));
});

type Case = [name: string, args: string[], code: number, message: RegExp];

const train = (...flags: string[]) => ['train', BINARY, '--target', 'target', '--out', 'out', ...flags];

/** Refused before any work: exit 2, the error line, then only `run \`tourney … --help\``. */
const USAGE: Case[] = [
  ['hex seed', train('--seed', '0x10'), 2, /^error: --seed must be a whole number, got "0x10"$/],
  ['blank seed', train('--seed', ' '), 2, /^error: --seed must be a whole number, got " "$/],
  ['fractional seed', train('--seed', '1.5'), 2, /^error: --seed must be a whole number, got "1\.5"$/],
  ['empty seed (--seed=)', train('--seed='), 2, /^error: --seed must be a whole number, got ""$/],
  ['--models ,', train('--models', ','), 2, /^error: --models "," names nothing/],
  ['--models with an empty entry', train('--models', 'gbdt,,forest'), 2, /^error: --models "gbdt,,forest" has an empty entry/],
  ['unknown family', train('--models', 'gbdt,svm'), 2, /^error: unknown model family "svm" in --models \(known: gbdt, forest, linear, bayes\)$/],
  ['--fixed --models ,', train('--models', ',', '--fixed', '{}'), 2, /^error: --models "," names nothing/],
  ['hex budget', train('--time-budget', '0x10'), 2, /^error: --time-budget must be a decimal number, got "0x10"$/],
  ['blank budget', train('--time-budget', ' '), 2, /^error: --time-budget must be a decimal number, got " "$/],
  ['Infinity budget', train('--time-budget', 'Infinity'), 2, /^error: --time-budget must be a decimal number/],
  ['zero workers', train('--workers', '0'), 2, /^error: --workers must be ≥ 1, got 0$/],
  ['hex workers', train('--workers', '0x2'), 2, /^error: --workers must be a whole number ≥ 1, got "0x2"$/],
  ['max-candidates 1e1', train('--max-candidates', '1e1'), 2, /^error: --max-candidates must be a whole number ≥ 1, got "1e1"$/],
  ['flag given twice', train('--seed', '1', '--seed', '2'), 2, /^error: --seed is given twice$/],
  ['switch with a value', train('--json=yes'), 2, /^error: --json takes no value$/],
  ['unknown option', train('--budget', '5'), 2, /^error: unknown option --budget$/],
  ['missing value', ['train', BINARY, '--target'], 2, /^error: --target needs a value$/],
  ['no data file', ['train', '--target', 'target'], 2, /^error: train needs exactly one data file/],
  ['no command', [], 2, /^error: no command given \(commands: profile, train, predict, evaluate, monitor, export, serve, registry, retrain, fleet\)$/],
  ['unknown command', ['trian', BINARY], 2, /^error: unknown command "trian" \(commands: profile, train, predict, evaluate, monitor, export, serve, registry, retrain, fleet\)$/],
  ['help on an unknown command', ['help', 'trian'], 2, /^error: unknown command "trian"$/],
  ['profile without a file', ['profile'], 2, /^error: profile needs exactly one data file/],
  ['multiclass objective, --task binary', train('--task', 'binary', '--models', 'gbdt', '--fixed', '{"objective":"multiclass"}'), 2,
    /^error: --fixed objective "multiclass" does not fit the task: --task is binary \(use "binary", or leave it out\)$/],
  ['regression objective on a binary target', train('--models', 'gbdt', '--fixed', '{"objective":"huber"}'), 2,
    /^error: --fixed objective "huber" does not fit the task: target "target" is binary \(use "binary", or leave it out\)$/],
  ['multiclass objective on a binary target', train('--models', 'gbdt', '--fixed', '{"objective":"multiclass"}'), 2,
    /^error: --fixed objective "multiclass" does not fit the task: target "target" is binary/],
];

/** Input paths that cannot be read: exit 1, one line naming the path and the problem in words. */
const INPUTS: Case[] = [
  ['data is a directory', ['train', 'a-folder', '--target', 'target', '--out', 'out'], 1, /^error: cannot read a-folder: it is a directory, not a file$/],
  ['data does not exist', ['train', 'nothing.csv', '--target', 'target', '--out', 'out'], 1, /^error: cannot read nothing\.csv: no such file$/],
  ['data under a file', ['train', `${BINARY}/x.csv`, '--target', 'target', '--out', 'out'], 1, /^error: cannot read binary\.csv\/x\.csv: a part of the path is a file, not a directory$/],
  ['template is a directory', train('--template', 'a-folder'), 1, /^error: cannot read template a-folder: it is a directory, not a file$/],
  ['template does not exist', train('--template', 'none.json'), 1, /^error: cannot read template none\.json: no such file$/],
  ['profile a directory', ['profile', 'a-folder'], 1, /^error: cannot read a-folder: it is a directory, not a file$/],
  ['profile under a file', ['profile', `${BINARY}/x`], 1, /^error: cannot read binary\.csv\/x: a part of the path is a file, not a directory$/],
  // Model directories: one reader (scorer/server/read-model-dir.ts) for predict, evaluate, serve, export and the registry.
  ['model directory does not exist', ['predict', 'no-model', BINARY], 1, /^error: .*no-model\/meta\.json not found: .*no-model is not a Tourney model directory$/],
  ['model directory is a file', ['evaluate', BINARY, BINARY], 1, /^error: .*binary\.csv is a file, not a model directory: give the folder `tourney train` wrote \(or a bundle\)$/],
  ['model directory under a file', ['predict', `${BINARY}/model`, BINARY], 1, /^error: cannot read the model directory .*binary\.csv\/model: a part of the path is a file, not a directory$/],
  ['served model directory is a file', ['serve', BINARY, '--port', '0'], 1, /^error: .*binary\.csv is a file, not a model directory/],
  ['exported model directory is a file', ['export', BINARY, '--out', 'bundle'], 1, /^error: .*binary\.csv is a file, not a model directory/],
];

describe('flags and input paths: refused with one line, nothing written', () => {
  /** Runs a refused case; returns the stderr lines after the error line. */
  const refused = async (args: string[], code: number, message: RegExp): Promise<string[]> => {
    const files = listTree(dir);
    const r = await runCli(args, dir);
    expect(r.code, r.stderr).toBe(code);
    const { line, after } = errorLine(r);
    expect(line).toMatch(message);
    expect(line).not.toMatch(/E[A-Z]{3,}/); // no raw EISDIR / ENOENT
    expect(r.stdout).toBe('');
    expect(listTree(dir)).toEqual(files);
    return after;
  };

  it.each(USAGE)('usage error: %s', async (_name, args, code, message) => {
    // One hint, no usage dump.
    const command = ['profile', 'train', 'predict', 'evaluate'].includes(args[0]) ? `${args[0]} ` : '';
    const hint = `run \`tourney ${command}--help\` for usage`;
    expect(await refused(args, code, message)).toEqual([hint]);
  });

  it.each(INPUTS)('input path: %s', async (_name, args, code, message) => {
    expect(await refused(args, code, message)).toEqual([]);
  });
});

describe('help', () => {
  it('tourney --help lists every command with what it does, the exit codes and examples', async () => {
    const r = await runCli(['--help'], dir);
    expect(r.code).toBe(0);
    for (const [command, summary] of [['profile', /show each column's type/], ['train', /train a model: a tournament/], ['predict', /predict every row/], ['evaluate', /score a trained model/]] as const) {
      expect(r.stdout).toMatch(new RegExp(`^  ${command}\\s+${summary.source}`, 'm'));
    }
    expect(r.stdout).toMatch(/Exit codes: 0 success, 1 data or model error, 2 usage error, 3 an alert fired \(monitor\) or a fleet is incomplete \(fleet status\), 130\/143 interrupted/);
    expect(r.stdout).toMatch(/^examples:$/m);
    expect(r.stdout).toContain('Run `tourney <command> --help`');
  });

  it('tourney train --help shows every option with its default, and examples', async () => {
    const r = await runCli(['train', '--help'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: tourney train <data> --target <column> \[options\]$/m);
    for (const flag of ['target', 'task', 'metric', 'time-budget', 'models', 'seed', 'out', 'fixed', 'json', 'template', 'workers', 'max-candidates']) {
      expect(r.stdout).toMatch(new RegExp(`^  --${flag}\\b`, 'm'));
    }
    expect(r.stdout).toMatch(/--time-budget <seconds> .*\n?.*\[default: 60\]/);
    expect(r.stdout).toMatch(/\[default: 0\]/); // seed
    expect(r.stdout).toMatch(/^examples:\n {2}# /m);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('help <command> is <command> --help, and --help wins over other arguments', async () => {
    const [a, b, c] = await Promise.all([runCli(['help', 'predict'], dir), runCli(['predict', '--help'], dir), runCli(['predict', 'x', 'y', '--bogus', '-h'], dir)]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).toBe(b.stdout);
    expect(b.stdout).toMatch(/binary {6}prediction,probability/);
    expect(b.stdout).toMatch(/--out <file\.csv>\s+write the predictions there \[default: stdout\]/);
  });
});

describe('answers a person can read', () => {
  let trained: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    trained = await runCli(['train', BINARY, '--target', 'target', '--models', 'forest,gbdt', '--max-candidates', '8', '--time-budget', '60', '--out', 'model', '--workers', '999'], dir);
  }, 120_000);

  it('--workers 999 is lowered to the cores, with a note', () => {
    expect(trained.code, trained.stderr).toBe(0);
    const cores = availableParallelism();
    expect(trained.stderr).toMatch(new RegExp(`^note: --workers 999 lowered to ${cores} \\(${cores} cores?: more workers than cores only share them\\)$`, 'm'));
  });

  it('the leaderboard names candidates by id, with the parameters that tell a family apart', () => {
    const rows = trained.stdout.split('\n').filter((l) => /^\s+\d+ {2}/.test(l));
    expect(rows.length).toBeGreaterThan(2);
    const names = rows.map((l) => l.trim().split(/\s+/)[1]);
    for (const name of names) expect(name).toMatch(/^(forest|gbdt)#\d+$|^ensemble$/);
    expect(new Set(names).size).toBe(names.length);
    // A family on the board more than once: every row of it shows name=value pairs.
    const family = ['forest', 'gbdt'].find((f) => names.filter((n) => n.startsWith(f)).length > 1)!;
    for (const row of rows.filter((l) => l.includes(`${family}#`))) expect(row).toMatch(/ \w+=[^ ]+/);
    expect(trained.stdout).toMatch(/^winner: (forest|gbdt)#\d+|^winner: ensemble/m);
  });

  it('predict keeps the contract header and names the positive class on stderr', async () => {
    const r = await runCli(['predict', 'model', BINARY], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('prediction,probability');
    expect(r.stderr).toMatch(/^note: "probability" is the probability of target = "yes" \(the positive class\)$/m);
  });

  it('multiclass predictions get no such note (their header names every class)', async () => {
    const out = join(dir, 'penguins-model');
    const t = await runCli(['train', PENGUINS, '--target', 'species', '--models', 'gbdt', '--fixed', '{"trees":5}', '--out', out], dir);
    expect(t.code, t.stderr).toBe(0);
    const r = await runCli(['predict', out, PENGUINS], dir);
    expect(r.stdout.split('\n')[0]).toBe('prediction,probability_Adelie,probability_Chinstrap,probability_Gentoo');
    expect(r.stderr).not.toMatch(/note: "probability"/);
  });

  it('--fixed with an objective that fits the task trains', async () => {
    const r = await runCli(['train', BINARY, '--target', 'target', '--models', 'gbdt', '--fixed', '{"objective":"binary","trees":5}', '--out', 'fixed-binary'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'fixed-binary', 'meta.json'), 'utf8')).task).toBe('binary');
  });
});
