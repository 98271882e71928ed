// The one model-directory writer format: documents → file bytes plus manifest.json. Every
// directory built is loaded back through loadModelDirFiles before it is handed out, so nothing
// can be written that the loader (CLI, app, registry, scorer) would refuse.
import type { FittedModel } from '../learn/model';
import type { TableToMatrixState } from '../learn/table-to-matrix';
import type { ReferenceProfile } from '../monitor/reference-profile';
import type { TournamentResult } from '../tournament/types';
import type { TournamentTemplate } from '../tournament/template';
import { ModelDirError } from './errors';
import { createManifest, MANIFEST } from './manifest';
import { loadModelDirFiles } from './load-model-dir';
import type { ModelDirKind } from './meta-schema';

/** What a directory holds, before serialising (values may be class instances with toJSON()). */
export type ModelDirDocuments =
  | { kind: 'tournament'; meta: object; pipeline: unknown; tournament: unknown; model?: unknown; report: unknown; template: TournamentTemplate; 'reference-profile'?: ReferenceProfile }
  | { kind: 'fixed'; meta: object; pipeline: unknown; model: unknown; 'reference-profile'?: ReferenceProfile };

/** Pretty-printed documents people read; the others compact. */
const INDENT: Record<string, number | undefined> = { 'meta.json': 2, [MANIFEST]: 2 };

/** The directory's files by name, manifest.json included; throws a ModelDirError if the documents do not load. */
export function buildModelDirFiles(docs: ModelDirDocuments, tourneyVersion: string): Map<string, Uint8Array> {
  const { kind, ...rest } = docs;
  const encoder = new TextEncoder();
  const files = new Map<string, Uint8Array>();
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    const name = `${key}.json`;
    files.set(name, encoder.encode(JSON.stringify(value, null, INDENT[name] ?? (kind === 'fixed' && key === 'pipeline' ? 1 : undefined))));
  }
  files.set(MANIFEST, encoder.encode(JSON.stringify(createManifest(kind as ModelDirKind, tourneyVersion, files), null, 2)));
  try {
    loadModelDirFiles(files, '');
  } catch (err) {
    if (err instanceof ModelDirError) throw new ModelDirError(err.file, `refusing to write an invalid model directory: ${err.message}`);
    throw err;
  }
  return files;
}

/** A tournament's documents: meta (what predict needs first), pipeline, model, report, template. */
export function tournamentDocuments(result: TournamentResult, trainedOn: string, template: TournamentTemplate, createdAt: string): ModelDirDocuments {
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
    createdAt,
    seed: result.settings.seed,
  };
  const { model: _model, pipeline: _pipeline, reference, ...report } = result;
  return {
    kind: 'tournament',
    meta,
    pipeline: result.pipeline,
    tournament: result.model,
    // The best member alone, for tools that take one plain model on the pipeline's matrix
    // (left out when that member reads the matrix through a categorical view).
    ...(best.view ? {} : { model: best.model }),
    report,
    // The run's settings as a reusable template: `tourney train <next table> --template …`.
    template,
    'reference-profile': reference,
  };
}

export interface FixedRun {
  family: string;
  metric: string;
  params: Record<string, unknown>;
  state: TableToMatrixState;
  featureNames: string[];
  rows: number;
  trainedOn: string;
  createdAt: string;
  /** The training reference for monitoring (from the training rows). */
  reference?: ReferenceProfile;
}

/** `train --fixed`'s documents: one learner on the table-to-matrix conversion. */
export function fixedDocuments(model: FittedModel, run: FixedRun): ModelDirDocuments {
  const { state } = run;
  const meta = {
    tourney: 1,
    kind: 'fixed',
    family: run.family,
    task: state.task,
    target: state.target,
    metric: run.metric,
    classes: state.classes ?? null,
    positiveClass: state.positiveClass ?? null,
    featureNames: run.featureNames,
    params: run.params,
    rows: run.rows,
    trainedOn: run.trainedOn,
    createdAt: run.createdAt,
  };
  return { kind: 'fixed', meta, pipeline: state, model: model.toJSON(), ...(run.reference ? { 'reference-profile': run.reference } : {}) };
}
