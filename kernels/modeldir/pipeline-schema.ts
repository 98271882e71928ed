// The declared shape of pipeline.json, in its two kinds: the fitted feature pipeline spec of
// kernels/features (what a tournament writes) and the table-to-matrix state of
// kernels/learn/table-to-matrix.ts (what `train --fixed` writes). Both turn a table into the
// matrix the model takes; `pipelineFeatures` names that matrix's columns.
import { z } from 'zod';
import { COLUMN_TYPES } from '../table/types';
import { FEATURE_ROLES } from '../features/types';
import { featureNamesSchema, taskSchema } from './model-schema';

const strings = (what: string) => z.array(z.string({ error: `expected ${what}` }), { error: `expected an array of ${what}s` });
const num = z.number({ error: 'expected a finite number' });
const base = { column: z.string({ error: 'expected the name of the column it reads' }), outputs: strings('feature name') };

const derivationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('null-indicator'), ...base }),
  z.object({ kind: z.literal('numeric'), ...base, log: z.boolean() }),
  z.object({ kind: z.literal('buckets'), ...base, edges: z.array(num), labels: strings('bucket label') }),
  z.object({ kind: z.literal('one-hot'), ...base, values: strings('category value') }),
  z.object({ kind: z.literal('text'), ...base, languages: strings('language') }),
  z.object({ kind: z.literal('text-terms'), ...base, terms: strings('term'), idf: z.array(num), norm: z.literal('l2').optional() })
    .refine((d) => d.idf.length === d.terms.length, { message: 'must have one weight per term', path: ['idf'] }),
  z.object({ kind: z.literal('email'), ...base, domains: strings('domain') }),
  z.object({ kind: z.literal('email-company'), ...base, company: z.string() }),
  z.object({ kind: z.literal('title'), ...base, levels: strings('level'), functions: strings('function') }),
  z.object({ kind: z.literal('phone'), ...base }),
  z.object({ kind: z.literal('url'), ...base, domains: strings('domain') }),
  z.object({ kind: z.literal('date'), ...base, reference: num, timeOfDay: z.boolean() }),
], { error: 'expected a derivation of a known kind' });

const featurePipelineSchema = z
  .object({
    format: z.literal(1, { error: 'expected format 1' }),
    target: z.string({ error: 'expected the target column name' }),
    task: taskSchema,
    classes: strings('class name').optional(),
    positiveClass: z.string().optional(),
    inputs: z.array(z.object({
      name: z.string(),
      type: z.enum(COLUMN_TYPES as [string, ...string[]]),
      role: z.enum(FEATURE_ROLES as [string, ...string[]]),
      storage: z.enum(['numeric', 'string']),
    }), { error: 'expected an array of input columns' }),
    derivations: z.array(derivationSchema, { error: 'expected an array of derivations' }),
    features: featureNamesSchema,
    dropped: z.array(z.looseObject({ column: z.string(), reason: z.string() }), { error: 'expected an array of dropped columns' }),
    options: z.looseObject({}, { error: 'expected an object of pipeline options' }),
  })
  .superRefine((p, ctx) => {
    const written = new Set(p.derivations.flatMap((d) => d.outputs));
    p.features.forEach((f, j) => {
      if (!written.has(f)) ctx.addIssue({ code: 'custom', message: `no derivation writes feature "${f}"`, path: ['features', j] });
    });
  });

const tableToMatrixSchema = z.object({
  kind: z.literal('table-to-matrix'),
  version: z.literal(1, { error: 'expected version 1' }),
  target: z.string({ error: 'expected the target column name' }),
  task: taskSchema,
  classes: strings('class name').optional(),
  positiveClass: z.string().optional(),
  features: z.array(z.object({
    name: z.string({ error: 'expected a column name' }),
    kind: z.enum(['numeric', 'categorical']),
    categories: strings('category').optional(),
  }), { error: 'expected an array of feature columns' }),
  dropped: z.array(z.object({ column: z.string(), reason: z.string() }), { error: 'expected an array of dropped columns' }),
});

/** The schema for a pipeline.json value: table-to-matrix when it says so, else the feature pipeline spec. */
export function pipelineSchemaFor(value: unknown): z.ZodType<PipelineJson> {
  const isTableToMatrix = !!value && typeof value === 'object' && (value as { kind?: unknown }).kind === 'table-to-matrix';
  return isTableToMatrix ? tableToMatrixSchema : featurePipelineSchema;
}

export type FeaturePipelineJson = z.infer<typeof featurePipelineSchema>;
export type TableToMatrixJson = z.infer<typeof tableToMatrixSchema>;
export type PipelineJson = FeaturePipelineJson | TableToMatrixJson;

export function isTableToMatrix(p: PipelineJson): p is TableToMatrixJson {
  return (p as { kind?: unknown }).kind === 'table-to-matrix';
}

/** The matrix columns the pipeline produces, in order. */
export function pipelineFeatures(p: PipelineJson): string[] {
  return isTableToMatrix(p) ? p.features.map((f) => f.name) : p.features;
}
