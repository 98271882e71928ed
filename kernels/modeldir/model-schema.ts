// The declared shape of a fitted learner's JSON (what each family's toJSON() writes), for
// model.json and the members of tournament.json. Beyond types, it checks what prediction would
// otherwise trip over later: array lengths that must agree, feature indices in range, and trees
// whose child pointers form a tree (a cycle overflows the stack, or loops, when predicting).
import { z } from 'zod';

const TASKS = ['binary', 'multiclass', 'regression'] as const;
export const taskSchema = z.enum(TASKS, { error: 'expected binary, multiclass or regression' });
const num = z.number({ error: 'expected a finite number' });
const numbers = z.array(num, { error: 'expected an array of numbers' });
const int = z.number({ error: 'expected an integer' }).int({ error: 'expected an integer' });
export const featureNamesSchema = z.array(z.string({ error: 'expected a feature name' }), { error: 'expected an array of feature names' });
const record = z.record(z.string(), z.unknown(), { error: 'expected an object' });

const treeSchema = z.object({
  leafValue: numbers.min(1, { error: 'a tree needs at least one leaf' }),
  leafCount: numbers,
  splitFeature: z.array(int.min(0), { error: 'expected an array of feature indices' }),
  threshold: z.array(num.nullable(), { error: 'expected an array of thresholds' }),
  defaultLeft: z.array(z.union([z.literal(0), z.literal(1)]), { error: 'expected an array of 0/1 flags' }),
  leftChild: z.array(int, { error: 'expected an array of node pointers' }),
  rightChild: z.array(int, { error: 'expected an array of node pointers' }),
  splitGain: numbers,
  internalCount: numbers,
  categoryLeft: z.record(z.string(), z.array(int.min(0)), { error: 'expected an object of category code lists' }).optional(),
});
type TreeJson = z.infer<typeof treeSchema>;

/**
 * Internal nodes n > 0 and leaves are each reached exactly once, and an internal child always has a
 * larger index than its parent (as the learner grows them), so every walk ends at a leaf.
 */
function checkTree(t: TreeJson, nFeatures: number, at: (string | number)[], ctx: z.RefinementCtx): void {
  const nInternal = t.splitFeature.length;
  const issue = (field: string, message: string, index?: number) =>
    ctx.addIssue({ code: 'custom', message, path: [...at, field, ...(index === undefined ? [] : [index])] });
  for (const field of ['threshold', 'defaultLeft', 'leftChild', 'rightChild', 'splitGain', 'internalCount'] as const) {
    if (t[field].length !== nInternal) return issue(field, `has ${t[field].length} entries for ${nInternal} split nodes`);
  }
  if (t.leafValue.length !== nInternal + 1) return issue('leafValue', `has ${t.leafValue.length} leaves for ${nInternal} split nodes (expected ${nInternal + 1})`);
  if (t.leafCount.length !== t.leafValue.length) return issue('leafCount', `has ${t.leafCount.length} entries for ${t.leafValue.length} leaves`);
  const seenNode = new Uint8Array(nInternal);
  const seenLeaf = new Uint8Array(nInternal + 1);
  for (let n = 0; n < nInternal; n++) {
    if (t.splitFeature[n] >= nFeatures) return issue('splitFeature', `feature index ${t.splitFeature[n]} is out of range (the model has ${nFeatures} features)`, n);
    const categorical = t.categoryLeft?.[n] !== undefined;
    if (!categorical && t.threshold[n] === null) return issue('threshold', 'a numerical split needs a number', n);
    for (const side of ['leftChild', 'rightChild'] as const) {
      const c = t[side][n];
      if (c < 0) {
        const leaf = ~c;
        if (leaf > nInternal || seenLeaf[leaf]++) return issue(side, `leaf pointer ${c} is out of range or used twice`, n);
      } else if (c <= n || c >= nInternal || seenNode[c]++) {
        return issue(side, `node pointer ${c} does not point to a later node once (the tree would not end)`, n);
      }
    }
  }
}

const treeEnsembleSchema = z
  .object({
    family: z.enum(['gbdt', 'forest']),
    format: z.literal(1, { error: 'expected format 1' }),
    task: taskSchema,
    nClasses: int.min(1),
    featureNames: featureNamesSchema,
    link: z.enum(['logistic', 'softmax', 'identity', 'normalize']),
    initScores: numbers.min(1, { error: 'expected one start score per output' }),
    treeScale: num,
    params: record,
    info: record.optional(),
    trees: z.array(treeSchema, { error: 'expected an array of trees' }),
  })
  .superRefine((m, ctx) => {
    const outputs = m.task === 'multiclass' ? m.nClasses : 1;
    if (m.initScores.length !== outputs) ctx.addIssue({ code: 'custom', message: `has ${m.initScores.length} entries; a ${m.task} model has ${outputs} output${outputs > 1 ? 's' : ''}`, path: ['initScores'] });
    m.trees.forEach((t, i) => checkTree(t, m.featureNames.length, ['trees', i], ctx));
  });

const designSchema = z.object({
  nFeatures: int.min(0),
  columns: z.array(z.object({ feature: int.min(0), level: z.union([int.min(0), z.literal('other')]).optional(), mean: num, scale: num }), { error: 'expected an array of design columns' }),
  otherLevels: z.record(z.string(), z.array(int)).optional(),
});

const linearSchema = z
  .object({
    family: z.literal('linear'),
    format: z.literal(1, { error: 'expected format 1' }),
    task: taskSchema,
    kind: z.enum(['logistic', 'multinomial', 'least-squares']),
    featureNames: featureNamesSchema,
    classes: z.array(z.string()).optional(),
    nClasses: int.min(1),
    design: designSchema,
    coef: z.array(numbers, { error: 'expected rows of coefficients' }).min(1),
    intercept: numbers,
    params: record,
    fit: record,
  })
  .superRefine((m, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', message, path });
    if (m.design.nFeatures !== m.featureNames.length) issue(['design', 'nFeatures'], `is ${m.design.nFeatures}, but the model names ${m.featureNames.length} features`);
    m.design.columns.forEach((c, j) => { if (c.feature >= m.featureNames.length) issue(['design', 'columns', j, 'feature'], `feature index ${c.feature} is out of range`); });
    if (m.intercept.length !== m.coef.length) issue(['intercept'], `has ${m.intercept.length} entries for ${m.coef.length} coefficient rows`);
    m.coef.forEach((row, o) => { if (row.length !== m.design.columns.length) issue(['coef', o], `has ${row.length} coefficients for ${m.design.columns.length} design columns`); });
    const outputs = m.kind === 'multinomial' ? m.nClasses : 1;
    if (m.coef.length !== outputs) issue(['coef'], `has ${m.coef.length} rows; a ${m.kind} model has ${outputs}`);
  });

const bayesFeatureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('gaussian'), mean: numbers, variance: z.array(num.positive({ error: 'a variance must be > 0' })) }),
  z.object({ kind: z.literal('categorical'), logProb: z.array(numbers) }),
], { error: 'expected a gaussian or categorical feature' });

const bayesSchema = z
  .object({
    family: z.literal('bayes'),
    format: z.literal(1, { error: 'expected format 1' }),
    task: z.enum(['binary', 'multiclass'], { error: 'expected binary or multiclass' }),
    featureNames: featureNamesSchema,
    classes: z.array(z.string()).optional(),
    nClasses: int.min(2),
    logPrior: z.array(num.nullable()),
    features: z.array(bayesFeatureSchema),
    importance: numbers.optional(),
    params: record,
  })
  .superRefine((m, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', message, path });
    if (m.logPrior.length !== m.nClasses) issue(['logPrior'], `has ${m.logPrior.length} entries for ${m.nClasses} classes`);
    if (!m.logPrior.some((p) => p !== null)) issue(['logPrior'], 'no class has a prior');
    if (m.features.length !== m.featureNames.length) issue(['features'], `has ${m.features.length} entries for ${m.featureNames.length} feature names`);
    if (m.importance && m.importance.length !== m.featureNames.length) issue(['importance'], `has ${m.importance.length} entries for ${m.featureNames.length} features`);
    m.features.forEach((f, j) => {
      const perClass = f.kind === 'gaussian' ? [f.mean, f.variance] : [f.logProb];
      for (const a of perClass) if (a.length !== m.nClasses) return issue(['features', j], `has ${a.length} per-class entries for ${m.nClasses} classes`);
    });
  });

/** Any learner's JSON, by family. */
export const learnerSchema = z.discriminatedUnion('family', [treeEnsembleSchema, linearSchema, bayesSchema], {
  error: 'expected a model of family gbdt, forest, linear or bayes',
});
export type LearnerJson = z.infer<typeof learnerSchema>;
