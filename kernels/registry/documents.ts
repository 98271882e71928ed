// The registry's documents as zod schemas (the checked shape on every read) and their types.
// The same documents live in the CLI's registry folder, the app's IndexedDB and a backup.
//   Experiment       one tournament run: data fingerprint, settings, leaderboard, test metrics
//   RegisteredModel  a named model; its versions are numbered 1, 2, …
//   ModelVersion     one version: manifest of its model-directory files, lineage, tags, notes, card
//   Aliases          champion / challenger / user names → version, with the append-only history
import { z } from 'zod';

const finiteOrNull = z.number().nullable();
const isoTime = z.iso.datetime({ offset: true });
const jsonObject = z.record(z.string(), z.unknown());

export const TASKS = ['binary', 'multiclass', 'regression'] as const;
export const SOURCES = ['app', 'cli'] as const;

export const datasetFingerprintSchema = z.object({
  /** sha256 of the data file's bytes as read (hex). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a 64-digit hex sha256'),
  fileName: z.string().nullable(),
  rows: z.number().int().nonnegative(),
  schema: z.array(z.object({ name: z.string(), type: z.string() })),
  /** Per-column summary of the training file's profile (the full profile is in the app's table). */
  profile: z.array(z.object({
    name: z.string(),
    missingShare: z.number(),
    distinct: z.number(),
    mean: z.number().optional(),
    std: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })),
});

export const leaderboardRowSchema = z.object({
  rank: z.number().int().positive(),
  model: z.string(),
  params: jsonObject,
  /** null for a model trained with fixed hyperparameters (no cross-validation). */
  cvScore: finiteOrNull,
  foldScores: z.array(z.number()),
  fitSeconds: z.number(),
});

export const droppedColumnSchema = z.object({ column: z.string(), reason: z.string() });

export const experimentSchema = z.object({
  kind: z.literal('experiment'),
  schemaVersion: z.number().int().positive(),
  id: z.string().regex(/^exp-[0-9a-zA-Z-]+$/, 'an experiment id (exp-…)'),
  createdAt: isoTime,
  source: z.enum(SOURCES),
  /** The notebook the run came from (app), null from the CLI. */
  notebook: z.string().nullable(),
  tourneyVersion: z.string(),
  dataset: datasetFingerprintSchema,
  task: z.enum(TASKS),
  target: z.string(),
  metric: z.string(),
  higherIsBetter: z.boolean(),
  /** The run's tournament template (kernels/tournament/template.ts), null for --fixed runs. */
  template: jsonObject.nullable(),
  /** Resolved settings as run (template fields plus run-only ones such as maxCandidates). */
  settings: jsonObject,
  seed: z.number().int().nullable(),
  leaderboard: z.array(leaderboardRowSchema),
  winner: z.object({ model: z.string(), cvScore: finiteOrNull }),
  test: z.object({ score: z.number(), metrics: z.record(z.string(), z.number()) }).nullable(),
  dropped: z.array(droppedColumnSchema),
  timings: z.object({
    totalSeconds: z.number(),
    prepareSeconds: z.number().optional(),
    searchSeconds: z.number().optional(),
    finalSeconds: z.number().optional(),
  }),
  candidates: z.number().int().nonnegative(),
});

export const registeredModelSchema = z.object({
  kind: z.literal('registered-model'),
  schemaVersion: z.number().int().positive(),
  name: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
  description: z.string(),
  tags: z.array(z.string()),
  latestVersion: z.number().int().nonnegative(),
});

export const modelFileEntrySchema = z.object({
  /** Path inside the model directory ('meta.json', …). */
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a 64-digit hex sha256'),
  size: z.number().int().nonnegative(),
});

const metricWithUncertainty = z.object({
  name: z.string(),
  value: z.number(),
  /** Where the number comes from: 'cv' (out-of-fold), 'test' (held-out rows). */
  on: z.enum(['cv', 'test']),
  /** Spread of the per-fold scores, when there were folds. */
  foldStd: z.number().optional(),
  folds: z.number().int().optional(),
  rows: z.number().int().optional(),
});

export const modelCardSchema = z.object({
  /** Mitchell et al., "Model Cards for Model Reporting" (2019): the section names below. */
  modelDetails: z.object({
    name: z.string(),
    version: z.number().int(),
    createdAt: isoTime,
    family: z.string(),
    members: z.array(z.object({ model: z.string(), weight: z.number() })),
    task: z.enum(TASKS),
    target: z.string(),
    classes: z.array(z.string()).nullable(),
    positiveClass: z.string().nullable(),
    calibration: z.string().nullable(),
    tourneyVersion: z.string().nullable(),
  }),
  intendedUse: z.object({ primary: z.string(), outOfScope: z.array(z.string()) }),
  factors: z.object({ evaluated: z.array(z.string()), notEvaluated: z.string() }),
  metrics: z.object({
    selection: z.string(),
    higherIsBetter: z.boolean().nullable(),
    values: z.array(metricWithUncertainty),
    aboveChance: z.object({ pValue: z.number(), baselineMean: z.number(), permutations: z.number().int(), above: z.boolean() }).nullable(),
    /** What the report does not have (e.g. confidence intervals on test metrics). */
    missing: z.array(z.string()),
  }),
  evaluationData: z.object({ evaluatedOn: z.string(), rows: z.number().int().nullable(), description: z.string() }),
  trainingData: z.object({
    fileName: z.string().nullable(),
    sha256: z.string().nullable(),
    rows: z.number().int().nullable(),
    trainRows: z.number().int().nullable(),
    columns: z.number().int().nullable(),
  }),
  ethicalConsiderations: z.array(z.string()),
  caveats: z.object({
    leaks: z.array(droppedColumnSchema),
    dropped: z.array(droppedColumnSchema),
    droppedFeatures: z.array(z.object({ column: z.string(), feature: z.string(), reason: z.string() })),
    notes: z.array(z.string()),
  }),
});

export const versionSummarySchema = z.object({
  task: z.enum(TASKS),
  target: z.string(),
  metric: z.string().nullable(),
  family: z.string(),
  cvScore: finiteOrNull,
  testScore: finiteOrNull,
  rows: z.number().int().nullable(),
});

export const modelVersionSchema = z.object({
  kind: z.literal('model-version'),
  schemaVersion: z.number().int().positive(),
  model: z.string(),
  version: z.number().int().positive(),
  createdAt: isoTime,
  source: z.enum(SOURCES),
  /** Manifest of the model directory's files, checked on every read of the bytes. */
  files: z.array(modelFileEntrySchema).min(1),
  summary: versionSummarySchema,
  /**
   * Training reference profile: per-feature distributions and the score distribution on held-out
   * rows, which monitoring compares production against. A slot for kernels/monitor (null until
   * it fills it); kept as plain JSON.
   */
  referenceProfile: z.unknown().nullable(),
  lineage: z.object({
    experimentId: z.string().nullable(),
    datasetSha256: z.string().nullable(),
    parentVersion: z.number().int().positive().nullable(),
  }),
  tags: z.array(z.string()),
  notes: z.string(),
  modelCard: modelCardSchema,
});

export const aliasMoveSchema = z.object({
  at: isoTime,
  alias: z.string(),
  /** null when the alias is created. */
  from: z.number().int().positive().nullable(),
  /** null when the alias is removed. */
  to: z.number().int().positive().nullable(),
  note: z.string().nullable(),
});

export const aliasesSchema = z.object({
  kind: z.literal('aliases'),
  schemaVersion: z.number().int().positive(),
  model: z.string(),
  aliases: z.record(z.string(), z.number().int().positive()),
  /** Append-only: every move, oldest first. */
  history: z.array(aliasMoveSchema),
});

export const registryManifestSchema = z.object({
  format: z.string(),
  layoutVersion: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  /** Set in backups: when it was written and what it holds (a truncated archive does not match). */
  createdAt: isoTime.optional(),
  counts: z.object({ experiments: z.number().int(), models: z.number().int(), versions: z.number().int(), files: z.number().int() }).optional(),
});

export type DatasetFingerprint = z.infer<typeof datasetFingerprintSchema>;
export type LeaderboardRow = z.infer<typeof leaderboardRowSchema>;
export type Experiment = z.infer<typeof experimentSchema>;
export type RegisteredModel = z.infer<typeof registeredModelSchema>;
export type ModelFileEntry = z.infer<typeof modelFileEntrySchema>;
export type ModelCard = z.infer<typeof modelCardSchema>;
export type VersionSummary = z.infer<typeof versionSummarySchema>;
export type ModelVersion = z.infer<typeof modelVersionSchema>;
export type AliasMove = z.infer<typeof aliasMoveSchema>;
export type Aliases = z.infer<typeof aliasesSchema>;
export type RegistryManifest = z.infer<typeof registryManifestSchema>;
export type Task = (typeof TASKS)[number];
export type Source = (typeof SOURCES)[number];
