// The declared shape of meta.json, report.json and manifest.json. meta.json is what predict and
// evaluate read first (task, target, classes, metric); its fields must agree with each other:
// classes are unique names for classification (two for binary, the positive one second) and null
// for regression, and the metric is one that scores this task.
import { z } from 'zod';
import { METRIC_NAMES, metricsFor } from '../learn/metric';
import { taskSchema } from './model-schema';

export const MODEL_DIR_FORMAT = 1;
export const MODEL_KINDS = ['tournament', 'fixed'] as const;
export type ModelDirKind = (typeof MODEL_KINDS)[number];

export const metaSchema = z
  .looseObject({
    tourney: z.literal(1, { error: 'expected 1 (the model directory format)' }),
    kind: z.enum(MODEL_KINDS, { error: 'expected "tournament" or "fixed"' }),
    task: taskSchema,
    target: z.string({ error: 'expected the target column name' }).min(1, { error: 'expected a non-empty target column name' }),
    metric: z.string({ error: 'expected a metric name' }),
    classes: z.array(z.string({ error: 'expected a class name' }), { error: 'expected an array of class names' }).nullable(),
    positiveClass: z.string({ error: 'expected a class name' }).nullable(),
    family: z.string({ error: 'expected a model family' }),
    params: z.record(z.string(), z.unknown(), { error: 'expected an object of hyperparameters' }),
    rows: z.number().int().min(1),
    trainedOn: z.string(),
    createdAt: z.string(),
    featureNames: z.array(z.string()).optional(),
    seed: z.number().int().optional(),
    cvScore: z.number().nullable().optional(),
    testScore: z.number().nullable().optional(),
  })
  .superRefine((m, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
    if (!METRIC_NAMES.includes(m.metric as never)) issue('metric', `unknown metric "${m.metric}" (known: ${METRIC_NAMES.join(', ')})`);
    else if (!(metricsFor(m.task) as string[]).includes(m.metric)) issue('metric', `"${m.metric}" does not score a ${m.task} task (use ${metricsFor(m.task).join(', ')})`);
    if (m.task === 'regression') {
      if (m.classes !== null) issue('classes', 'a regression model has no classes (expected null)');
      if (m.positiveClass !== null) issue('positiveClass', 'a regression model has no positive class (expected null)');
      return;
    }
    if (m.classes === null) return issue('classes', `expected an array of class names, got null (a ${m.task} model has classes)`);
    if (new Set(m.classes).size !== m.classes.length) issue('classes', 'class names must be unique');
    if (m.task === 'binary' && m.classes.length !== 2) issue('classes', `a binary model has 2 classes, got ${m.classes.length}`);
    if (m.task === 'multiclass' && m.classes.length < 2) issue('classes', `a multiclass model has at least 2 classes, got ${m.classes.length}`);
    if (m.task === 'binary') {
      if (m.positiveClass === null || !m.classes.includes(m.positiveClass)) issue('positiveClass', `must be one of the classes (${m.classes.join(', ')}), got ${JSON.stringify(m.positiveClass)}`);
      else if (m.classes[1] !== m.positiveClass) issue('positiveClass', `"${m.positiveClass}" must be the second class (classes are [negative, positive])`);
    }
  });
export type ModelMeta = z.infer<typeof metaSchema>;

/** report.json: leaderboard, test metrics, insights; only its task is checked against the rest. */
export const reportSchema = z.looseObject({ task: taskSchema.optional(), target: z.string().optional() }, { error: 'expected an object' });

const SHA256_HEX = /^[0-9a-f]{64}$/;
export const manifestSchema = z.object({
  format: z.literal(MODEL_DIR_FORMAT, { error: `expected format ${MODEL_DIR_FORMAT}` }),
  kind: z.enum(MODEL_KINDS, { error: 'expected "tournament" or "fixed"' }),
  tourney: z.string({ error: 'expected the Tourney version that wrote it' }),
  files: z.array(z.object({
    name: z.string().regex(/^[A-Za-z0-9._-]+$/, { error: 'expected a plain file name' }).refine((n) => n !== '.' && n !== '..', { error: 'expected a plain file name' }),
    bytes: z.number().int().min(0),
    sha256: z.string().regex(SHA256_HEX, { error: 'expected 64 lower-case hex digits' }),
  }), { error: 'expected an array of {name, bytes, sha256}' }).min(1),
}).superRefine((m, ctx) => {
  const seen = new Set<string>();
  m.files.forEach((f, i) => {
    if (seen.has(f.name)) ctx.addIssue({ code: 'custom', message: `"${f.name}" is listed twice`, path: ['files', i, 'name'] });
    if (f.name === 'manifest.json') ctx.addIssue({ code: 'custom', message: 'the manifest cannot list itself', path: ['files', i, 'name'] });
    seen.add(f.name);
  });
});
export type Manifest = z.infer<typeof manifestSchema>;
