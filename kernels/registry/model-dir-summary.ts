// What the registry needs to know from a model directory, read from its file map (name → bytes):
// meta.json (task, target, winner), report.json (leaderboard, test metrics, importance, dropped
// columns) and template.json (the run's settings). Each document is read and checked with the
// model-directory format's own reader and schemas (kernels/modeldir), so the registry accepts
// exactly what `tourney predict` loads; the registry's report view below only adds the fields it
// shows. `modelDirToRegister` is the gate for a whole directory entering the registry.
import { z } from 'zod';
import { checked, loadModelDirFiles, MANIFEST, metaSchema as modelDirMetaSchema, readJson, readTemplate, reportSchema as modelDirReportSchema } from '../modeldir';
import { TASKS } from './documents';
import { checkDocument, RegistryError } from './parse-document';

const num = z.number().nullable().optional();

const metaSchema = z.looseObject({
  task: z.enum(TASKS),
  target: z.string(),
  metric: z.string().optional(),
  family: z.string(),
  classes: z.array(z.string()).nullable().optional(),
  positiveClass: z.string().nullable().optional(),
  cvScore: num,
  testScore: num,
  rows: z.number().int().optional(),
  seed: z.number().int().optional(),
  trainedOn: z.string().optional(),
});

const entrySchema = z.looseObject({
  model: z.string(),
  params: z.record(z.string(), z.unknown()),
  cvScore: z.number().nullable(),
  foldScores: z.array(z.number()).optional(),
  fitSeconds: z.number(),
});

const reportSchema = z.looseObject({
  higherIsBetter: z.boolean().optional(),
  rows: z.number().int().optional(),
  trainRows: z.number().int().optional(),
  testRows: z.number().int().optional(),
  validation: z.object({ kind: z.string(), folds: z.number().int() }).optional(),
  dropped: z.array(z.object({ column: z.string(), reason: z.string() })).default([]),
  droppedFeatures: z.array(z.object({ column: z.string(), feature: z.string(), reason: z.string() })).default([]),
  leaderboard: z.array(entrySchema).default([]),
  winner: entrySchema.optional(),
  ensemble: z.looseObject({ members: z.array(z.looseObject({ model: z.string(), weight: z.number() })), kept: z.boolean() }).optional(),
  calibration: z.looseObject({ method: z.string() }).optional(),
  test: z.object({ score: z.number(), metrics: z.record(z.string(), z.number()) }).optional(),
  insights: z.looseObject({
    evaluatedOn: z.string(),
    rows: z.number().int(),
    importance: z.object({ byColumn: z.array(z.object({ column: z.string(), importance: z.number() })) }),
    aboveChance: z.looseObject({ score: z.number(), baselineMean: z.number(), permutations: z.number().int(), pValue: z.number(), above: z.boolean() }).optional(),
  }).optional(),
  candidatesEvaluated: z.number().int().optional(),
  seconds: z.number().optional(),
  timing: z.object({ prepareSeconds: z.number(), searchSeconds: z.number(), finalSeconds: z.number() }).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});

export type ModelDirMeta = z.infer<typeof metaSchema>;
export type ModelDirReport = z.infer<typeof reportSchema>;

export interface ModelDirSummary {
  meta: ModelDirMeta;
  /** Absent for `train --fixed` directories. */
  report: ModelDirReport | null;
  template: Record<string, unknown> | null;
}

/** The files readModelDirSummary reads (a store can load just these). */
export const SUMMARY_FILES: readonly string[] = ['meta.json', 'report.json', 'template.json'];

/**
 * The summary from meta.json (required), report.json and template.json: each read and checked
 * by kernels/modeldir (errors name the file and field), then shaped for the registry.
 */
export function readModelDirSummary(files: ReadonlyMap<string, Uint8Array>, label = ''): ModelDirSummary {
  if (!files.has('meta.json')) throw new RegistryError('the model directory has no meta.json');
  const meta = checked(modelDirMetaSchema, readJson(files, 'meta.json', label), label, 'meta.json');
  const report = files.has('report.json') ? checked(modelDirReportSchema, readJson(files, 'report.json', label), label, 'report.json') : undefined;
  const template = files.has('template.json') ? readJson(files, 'template.json', label) : undefined;
  if (template !== undefined) readTemplate(template, label);
  return {
    meta: checkDocument(metaSchema, meta, 'meta.json'),
    report: report === undefined ? null : checkDocument(reportSchema, report, 'report.json'),
    template: template === undefined ? null : checkDocument(z.record(z.string(), z.unknown()), template, 'template.json'),
  };
}

/**
 * A model directory about to be registered (from a folder, a zip, the app's import): loaded whole
 * through the one model-directory loader (manifest sizes and hashes, schemas, documents against
 * each other, learners rebuilt), so a missing, stale, edited or corrupt file is refused with one
 * ModelDirError naming it before anything is written. Returns exactly the manifest and the files
 * it lists: anything else in the folder (notes, a stale copy, a profile) is not registered.
 */
export function modelDirToRegister(files: ReadonlyMap<string, Uint8Array>, label: string): Map<string, Uint8Array> {
  const loaded = loadModelDirFiles(files, label);
  const kept = new Map<string, Uint8Array>([[MANIFEST, files.get(MANIFEST)!]]);
  for (const { name } of loaded.manifest.files) kept.set(name, files.get(name)!);
  return kept;
}
