// What the registry needs to know from a model directory, read from its file map (name → bytes):
// meta.json (task, target, winner), report.json (leaderboard, test metrics, importance, dropped
// columns) and template.json (the run's settings). The registry treats the directory otherwise
// as opaque bytes. This is the ONE place that parses model-directory files; it is meant to be
// pointed at the checked model-directory loader (kernels/modeldir) once that exists.
import { z } from 'zod';
import { TASKS } from './documents';
import { checkDocument, parseJsonText, RegistryError } from './parse-document';

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

const decoder = new TextDecoder();

/** The files readModelDirSummary reads (a store can load just these). */
export const SUMMARY_FILES: readonly string[] = ['meta.json', 'report.json', 'template.json'];

function readJsonFile(files: ReadonlyMap<string, Uint8Array>, name: string): unknown {
  const bytes = files.get(name);
  return bytes === undefined ? undefined : parseJsonText(decoder.decode(bytes), name);
}

export function readModelDirSummary(files: ReadonlyMap<string, Uint8Array>): ModelDirSummary {
  const meta = readJsonFile(files, 'meta.json');
  if (meta === undefined) throw new RegistryError('the model directory has no meta.json');
  const report = readJsonFile(files, 'report.json');
  const template = readJsonFile(files, 'template.json');
  return {
    meta: checkDocument(metaSchema, meta, 'meta.json'),
    report: report === undefined ? null : checkDocument(reportSchema, report, 'report.json'),
    template: template === undefined ? null : checkDocument(z.record(z.string(), z.unknown()), template, 'template.json'),
  };
}
