// The model directory the CLI writes and reads. A tournament writes:
//   meta.json        task, target, classes, metric, winner, … (what predict/evaluate need first)
//   pipeline.json    the fitted feature pipeline spec (table → matrix)
//   tournament.json  the shipped model: members with weights, optional calibration
//   model.json       the best single member alone (a plain learner model, for tools that take one;
//                    absent when that member reads the matrix through a categorical view)
//   report.json      leaderboard, test metrics, insights (curves, importance, above chance)
//   template.json    the run's settings as a tournament template, to rerun on another table
// `loadModelDir` also reads the single-model directories `train --fixed` writes (model.json +
// a table-to-matrix pipeline.json), so predict and evaluate take either.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { applyFeaturePipeline, parseFeaturePipelineSpec } from '../../kernels/features/apply-pipeline';
import { loadModel } from '../../kernels/learn/load-model';
import type { Matrix, Task } from '../../kernels/learn/matrix';
import { applyTableToMatrix, type TableToMatrixState } from '../../kernels/learn/table-to-matrix';
import type { DataTable } from '../../kernels/table/types';
import type { TournamentResult } from '../../kernels/tournament/run-tournament';
import type { TournamentTemplate } from '../../kernels/tournament/template';
import { loadTournamentModel } from '../../kernels/tournament/tournament-model';

export interface ModelMeta {
  task: Task;
  target: string;
  metric?: string;
  classes: string[] | null;
  positiveClass: string | null;
  [key: string]: unknown;
}

export interface LoadedModel {
  dir: string;
  meta: ModelMeta;
  nClasses: number;
  /** The parsed pipeline.json (feature pipeline spec or table-to-matrix state), for checkInputs. */
  pipeline: unknown;
  /** Table → matrix, as at training time. */
  toMatrix(table: DataTable): Matrix;
  /** FittedModel.predict's shape: binary P(positive), multiclass n × k, regression values. */
  predict(X: Matrix): Float64Array;
}

async function readJson(dir: string, name: string, required = true): Promise<unknown> {
  const path = resolve(dir, name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return undefined;
    throw new Error(code === 'ENOENT' ? `${path} not found: ${dir} is not a Tourney model directory` : `cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${path} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}

export async function loadModelDir(dir: string): Promise<LoadedModel> {
  const meta = (await readJson(dir, 'meta.json')) as ModelMeta;
  if (!meta || typeof meta !== 'object' || !['binary', 'multiclass', 'regression'].includes(meta.task)) {
    throw new Error(`${resolve(dir, 'meta.json')}: missing or unknown "task"`);
  }
  const pipelineJson = await readJson(dir, 'pipeline.json');
  let toMatrix: (table: DataTable) => Matrix;
  if ((pipelineJson as { kind?: unknown }).kind === 'table-to-matrix') {
    toMatrix = (table) => applyTableToMatrix(pipelineJson as TableToMatrixState, table);
  } else {
    let spec: ReturnType<typeof parseFeaturePipelineSpec>;
    try {
      spec = parseFeaturePipelineSpec(pipelineJson);
    } catch (err) {
      throw new Error(`${resolve(dir, 'pipeline.json')}: ${(err as Error).message}`, { cause: err });
    }
    toMatrix = (table) => applyFeaturePipeline(spec, table);
  }
  const tournamentJson = await readJson(dir, 'tournament.json', false);
  const where = resolve(dir, tournamentJson ? 'tournament.json' : 'model.json');
  try {
    if (tournamentJson) {
      const model = loadTournamentModel(tournamentJson);
      return { dir, meta, nClasses: model.nClasses, pipeline: pipelineJson, toMatrix, predict: (X) => model.predict(X) };
    }
    const model = loadModel(await readJson(dir, 'model.json'));
    return { dir, meta, nClasses: model.nClasses, pipeline: pipelineJson, toMatrix, predict: (X) => model.predict(X) };
  } catch (err) {
    if ((err as Error).message.includes('not found:')) throw err;
    throw new Error(`${where}: ${(err as Error).message}`, { cause: err });
  }
}

/** Writes a tournament's result as a model directory; returns the files written. */
export async function writeTournamentModelDir(dir: string, result: TournamentResult, trainedOn: string, template: TournamentTemplate): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const best = result.model.members.reduce((a, b) => (b.weight > a.weight ? b : a));
  const meta = {
    tourney: 1,
    kind: 'tournament',
    task: result.task,
    target: result.target,
    metric: result.metric,
    classes: result.classes ?? null,
    positiveClass: result.positiveClass ?? null,
    family: result.winner.model,
    params: result.winner.params,
    cvScore: result.winner.cvScore,
    testScore: result.test?.score ?? null,
    rows: result.rows,
    trainedOn,
    createdAt: new Date().toISOString(),
    seed: result.settings.seed,
  };
  const { model: _model, pipeline: _pipeline, ...report } = result;
  const files: [string, unknown][] = [
    ['meta.json', meta],
    ['pipeline.json', result.pipeline],
    ['tournament.json', result.model],
    // The best member alone, for tools that take one plain model on the pipeline's matrix
    // (left out when that member reads the matrix through a categorical view).
    ...(best.view ? [] : [['model.json', best.model] as [string, unknown]]),
    ['report.json', report],
    // The run's settings as a reusable template: `tourney train <next table> --template …`.
    ['template.json', template],
  ];
  for (const [name, value] of files) await writeFile(resolve(dir, name), JSON.stringify(value, null, name === 'meta.json' ? 2 : undefined));
  return files.map(([name]) => name);
}
