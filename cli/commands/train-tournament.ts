// `tourney train <data> --target <col>` without --fixed: the tournament. Candidates of every
// family in --models compete on cross-validated --metric within --time-budget seconds on a
// worker_threads pool (one worker per core); the winner (an ensemble when that is better) is
// written as a model directory. Progress goes to stderr; --json prints the summary on stdout.
// --template <file.json> runs a saved tournament template (kernels/tournament/template.ts) on this
// table, flags given explicitly overriding it; every model directory gets the template.json of
// its own run, so the same tournament can be rerun on the next tenant's table.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Task } from '../../kernels/learn/matrix';
import type { ModelFamily } from '../../kernels/learn/model';
import { METRIC_NAMES } from '../../kernels/learn/metric';
import { runTournament, type TournamentProgress } from '../../kernels/tournament/run-tournament';
import { DEFAULT_MODELS, type TournamentSettings } from '../../kernels/tournament/settings';
import { checkTemplate, createTemplate, parseTemplateText, templateSettings, type TournamentTemplate } from '../../kernels/tournament/template';
import { tournamentDocuments } from '../../kernels/modeldir';
import { boundWorkerCount, createNodeExecutor, workerBytesFor } from '../../workers/node-executor';
import { checkFlags, integerFlag, listFlag, numberFlag, parseArgs, stringFlag, UsageError } from '../args';
import { candidateName, formatLeaderboard } from '../leaderboard';
import { reserveModelDir, type ModelDirSlot } from '../output-location';
import { fileProblem } from './file-problem';
import { writeModelDir } from './model-dir';
import { REGISTER_FLAGS, registerRun, registrationFlags, type Registration } from '../registry/register-run';
import { readDataFile } from './read-data-file';

const FLAGS = ['target', 'task', 'metric', 'time-budget', 'models', 'seed', 'out', 'json', 'workers', 'max-candidates', 'template', ...REGISTER_FLAGS];
const TASKS = ['auto', 'binary', 'multiclass', 'regression'];

export interface TrainTournamentOptions {
  /** Where progress lines go (stderr by default). */
  log?: (line: string) => void;
  out?: (text: string) => void;
}

export async function trainTournamentCommand(argv: string[], io: TrainTournamentOptions = {}): Promise<number> {
  const started = performance.now();
  const log = io.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const out = io.out ?? ((text: string) => process.stdout.write(text));
  const args = parseArgs(argv, ['json']);
  checkFlags(args, FLAGS);
  const registration = registrationFlags(args);
  if (args.positionals.length !== 1) throw new UsageError('train needs exactly one data file: tourney train <data> --target <col>');
  const dataPath = args.positionals[0];
  const templatePath = stringFlag(args, 'template');
  const template = templatePath === undefined ? undefined : await readTemplate(templatePath);
  const target = stringFlag(args, 'target') ?? template?.target;
  if (!target) throw new UsageError('train needs --target <column> (or a --template that names one)');
  const task = stringFlag(args, 'task');
  if (task !== undefined && !TASKS.includes(task)) throw new UsageError(`--task must be one of ${TASKS.join(', ')}, got "${task}"`);
  const metric = stringFlag(args, 'metric');
  if (metric !== undefined && !METRIC_NAMES.includes(metric as never)) {
    throw new UsageError(`unknown --metric "${metric}" (known: ${METRIC_NAMES.join(', ')})`);
  }
  const seed = integerFlag(args, 'seed');
  const budget = numberFlag(args, 'time-budget');
  if (budget !== undefined && !(budget > 0)) throw new UsageError(`--time-budget must be positive seconds, got ${budget}`);
  const workers = integerFlag(args, 'workers', 1);
  const maxCandidates = integerFlag(args, 'max-candidates', 1);
  const models = listFlag(args, 'models', DEFAULT_MODELS, 'model family');
  // Flags given on the command line win over the template; the rest comes from it or resolveSettings' defaults.
  const overrides: TournamentSettings = {
    target,
    ...(task !== undefined ? { task: task as Task | 'auto' } : {}),
    ...(metric !== undefined ? { metric } : {}),
    ...(models ? { models: models as ModelFamily[] } : {}),
    ...(budget !== undefined ? { timeBudgetSeconds: budget } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
  const settings: TournamentSettings = template
    ? { ...templateSettings(template, overrides), maxCandidates }
    : { ...overrides, maxCandidates };

  // The output location is checked (and its temporary sibling made) before any work.
  const outFlag = stringFlag(args, 'out');
  const slot = await reserveModelDir(outFlag ?? `models/${tableName(dataPath)}-tournament`, { createParent: outFlag === undefined });
  try {
    return await runAndWrite(slot, { dataPath, template, templatePath, target, settings, workers, json: args.flags.has('json'), started, log, out, registration });
  } finally {
    await slot.discard();
  }
}

interface RunOptions {
  dataPath: string;
  template: TournamentTemplate | undefined;
  templatePath: string | undefined;
  target: string;
  settings: TournamentSettings;
  workers: number | undefined;
  json: boolean;
  started: number;
  log: (line: string) => void;
  out: (text: string) => void;
  registration: Registration | undefined;
}

async function runAndWrite(slot: ModelDirSlot, { dataPath, template, templatePath, target, settings, workers, json, started, log, out, registration }: RunOptions): Promise<number> {
  log(`reading ${dataPath}`);
  const table = await readDataFile(dataPath);
  if (template) {
    const problems = checkTemplate(template, table);
    if (problems.length) throw new Error(`${basename(dataPath)} does not fit template ${basename(templatePath!)}: ${problems.join('; ')}`);
  }
  const bound = boundWorkerCount(workers, workerBytesFor(await fileBytes(dataPath)));
  if (bound.note) log(`note: ${bound.note}`);
  const executor = createNodeExecutor(bound.count);
  let lastLine = 0;
  const report = (p: TournamentProgress) => {
    const now = performance.now();
    if (p.phase === 'searching' && !p.finished) return;
    if (p.phase === 'preparing' && now - lastLine < 1000 && !p.message.startsWith('fitting')) return;
    lastLine = now;
    const best = p.best ? ` — best ${p.best.model} ${p.best.cvScore.toFixed(4)}` : '';
    const counts = p.phase === 'searching' ? `, ${p.candidatesFinished} done, ${Math.round(p.secondsLeft)} s left` : '';
    log(`[${p.elapsedSeconds.toFixed(1)} s] ${p.message}${best}${counts}`);
  };
  let result;
  try {
    result = await withFileName(dataPath, () =>
      runTournament(table, settings, executor, {
        onProgress: report, startedAt: started,
        onWarning: (w) => log(`warning: ${basename(dataPath)}: ${w}`),
        debug: process.env.TOURNEY_DEBUG === '1' ? (line) => log(`  debug: ${line}`) : undefined,
      }),
    );
  } finally {
    executor.close();
  }

  for (const note of result.notes) log(`note: ${note}`);
  const modelDir = slot.target;
  const usedTemplate = createTemplate({ ...settings, maxCandidates: undefined }, template?.name ?? `${target} on ${basename(dataPath)}`, template?.description);
  await writeModelDir(slot, tournamentDocuments(result, basename(dataPath), usedTemplate, new Date().toISOString()));
  if (registration) await registerRun(registration, { dataPath, table, modelDir, started, log });
  const entry = (e: (typeof result.leaderboard)[number]) => ({ id: e.id, model: e.model, params: e.params, cvScore: e.cvScore, fitSeconds: e.fitSeconds });
  const summary = {
    task: result.task,
    target: result.target,
    metric: result.metric,
    ...(result.classes ? { classes: result.classes } : {}),
    ...(result.positiveClass !== undefined ? { positiveClass: result.positiveClass } : {}),
    rows: result.rows,
    warnings: result.warnings.map((w) => `${basename(dataPath)}: ${w}`),
    dropped: result.dropped,
    leaderboard: result.leaderboard.map(entry),
    winner: entry(result.winner),
    ...(result.test ? { test: result.test } : {}),
    ...(result.ensemble ? { ensemble: { kept: result.ensemble.kept, cvScore: result.ensemble.cvScore, bestSingleCvScore: result.ensemble.bestSingleCvScore, members: result.ensemble.members.map((m) => ({ model: m.model, weight: m.weight })) } } : {}),
    ...(result.calibration ? { calibration: result.calibration.method } : {}),
    aboveChance: result.insights.aboveChance.above,
    candidates: result.candidatesEvaluated,
    notes: result.notes,
    validation: result.validation,
    seconds: (performance.now() - started) / 1000,
    modelDir,
  };
  if (json) out(JSON.stringify(summary) + '\n');
  else {
    const top = result.leaderboard.slice(0, 10);
    const lines = [
      `${result.task} on "${result.target}", ${result.rows} rows (${result.trainRows} training, ${result.testRows} test), ${result.candidatesEvaluated} candidates in ${summary.seconds.toFixed(1)} s`,
      ...formatLeaderboard(top, result.metric),
      `winner: ${candidateName(result.winner)} (cv ${result.metric} ${result.winner.cvScore.toFixed(4)}${result.test ? `, test ${result.test.score.toFixed(4)}` : ''})` +
        (result.calibration && result.calibration.method !== 'none' ? `, calibrated (${result.calibration.method})` : ''),
      ...(result.dropped.length ? [`dropped: ${result.dropped.map((d) => `${d.column} (${d.reason})`).join(', ')}`] : []),
      `model written to ${modelDir}`,
    ];
    out(lines.join('\n') + '\n');
  }
  return 0;
}

export async function readTemplate(path: string): Promise<TournamentTemplate> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(fileProblem(path, err, 'template'), { cause: err });
  }
  return parseTemplateText(text, `template ${path}`);
}

async function fileBytes(path: string): Promise<number> {
  return stat(path).then((info) => info.size, () => 0);
}

function tableName(path: string): string {
  return basename(path, extname(path)) || 'data';
}

/** Data errors name the file they are about. */
async function withFileName<T>(file: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof Error && err.name === 'DataError' && !err.message.includes(basename(file))) {
      err.message = `${basename(file)}: ${err.message}`;
    }
    throw err;
  }
}
