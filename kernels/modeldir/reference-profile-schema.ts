// The declared shape of reference-profile.json (kernels/monitor/reference-profile.ts): checked
// enough that monitoring can trust it — the format, the task, and per input column a profile of a
// known kind whose bins and counts agree in length.
import { z } from 'zod';
import type { ReferenceProfile } from '../monitor/reference-profile';
import { taskSchema } from './model-schema';

const count = z.number().min(0);
const numeric = z.looseObject({
  kind: z.literal('numeric'), measure: z.enum(['value', 'length']), rows: count, missing: count,
  edges: z.array(z.number()), counts: z.array(count), psiEdges: z.array(z.number()),
}).refine((p) => p.counts.length === p.edges.length + 2, { message: 'expected counts.length = edges.length + 2' });
const categorical = z.looseObject({
  kind: z.literal('categorical'), rows: count, missing: count, categories: z.array(z.string()), counts: z.array(count),
  known: z.array(z.string()).nullable(),
}).refine((p) => p.counts.length === p.categories.length + 1, { message: 'expected one count per category, then "other"' });
const datetime = z.looseObject({ kind: z.literal('datetime'), rows: count, missing: count });

export const referenceProfileSchema = z.looseObject({
  format: z.literal(1, { error: 'expected 1 (the reference profile format)' }),
  task: taskSchema,
  classes: z.array(z.string()).nullable(),
  positiveClass: z.string().nullable(),
  features: z.array(z.looseObject({
    name: z.string(), importance: z.number().min(0),
    profile: z.discriminatedUnion('kind', [numeric, categorical, datetime], { error: 'expected a numeric, categorical or datetime profile' }),
  })),
  scores: z.union([numeric, categorical]).nullable(),
  scoresFrom: z.string().nullable(),
  baseline: z.looseObject({ metric: z.string(), value: z.number(), higherIsBetter: z.boolean() }).nullable(),
  rows: count,
  createdAt: z.string(),
});

export type ReferenceProfileJson = ReferenceProfile;
