// Linear models (logistic, multinomial, least squares) as ONNX: the standardised design replayed
// column by column as the model's DesignSpec says — numeric z = (x − mean) / scale with a missing
// value imputed by the training mean (z = 0, via IsNaN/Where), categorical indicators with unseen
// levels and missing values at the training average (z = 0) — then one MatMul with the
// coefficients plus the intercept. Design columns whose coefficients are all zero are left out,
// as the learner skips them.
import type { LinearModel } from '../learn/linear';
import type { DesignColumn } from '../learn/linear/design';
import type { GraphBuilder } from './graph-builder';

/** Raw scores [N, nOutputs] of a linear model reading the double matrix `x`. */
export function linearRaw(g: GraphBuilder, model: LinearModel, x: string): string {
  const { design, coef, intercept } = model.state;
  const K = coef.length;
  const used = design.columns.map((c, j) => ({ c, j })).filter(({ j }) => coef.some((row) => row[j] !== 0));
  const pieces: string[] = [];
  const order: number[] = [];
  const numeric = used.filter(({ c }) => c.level === undefined);
  if (numeric.length) {
    const cols = g.columns(x, numeric.map(({ c }) => c.feature), 'numeric_input');
    const z = g.div(g.sub(cols, g.double('mean', numeric.map(({ c }) => c.mean)), 'centred'), g.double('scale', numeric.map(({ c }) => c.scale)), 'standardised');
    pieces.push(g.where(g.isNaN(cols), g.scalar('zero', 0), z, 'imputed'));
    order.push(...numeric.map(({ j }) => j));
  }
  const byFeature = new Map<number, { c: DesignColumn; j: number }[]>();
  for (const u of used) if (u.c.level !== undefined) byFeature.set(u.c.feature, [...(byFeature.get(u.c.feature) ?? []), u]);
  for (const [feature, columns] of byFeature) {
    pieces.push(indicators(g, x, feature, columns.map(({ c }) => c), model));
    order.push(...columns.map(({ j }) => j));
  }
  const weights = order.flatMap((j) => coef.map((row) => row[j]));
  const base = g.double('intercept', intercept);
  if (!pieces.length) return g.add(g.zeros(x), base, 'raw_score');
  const product = g.op1('MatMul', [g.concat(pieces, 1, 'design'), g.double('coefficients', weights, [order.length, K])], 'linear_sum');
  return g.add(product, base, 'raw_score');
}

/**
 * A categorical feature's indicator columns [N, columns.length]: (1 − mean) / scale for its own
 * level (or any pooled level for 'other'), (0 − mean) / scale for another training level, 0 for
 * a missing value or a level never seen in training.
 */
function indicators(g: GraphBuilder, x: string, feature: number, columns: DesignColumn[], model: LinearModel): string {
  const { design } = model.state;
  const pooled = design.otherLevels?.[feature] ?? [];
  const kept = design.columns.filter((c) => c.feature === feature && typeof c.level === 'number').map((c) => c.level as number);
  const value = g.columns(x, [feature], 'category');
  const known = g.anyTrue(g.op1('Equal', [value, g.double('known_levels', [...kept, ...pooled])], 'is_level'), 'is_known');
  const one = g.double('indicator_one', columns.map((c) => (1 - c.mean) / c.scale));
  const zero = g.double('indicator_zero', columns.map((c) => (0 - c.mean) / c.scale));
  // Whether the row is "at" each column's level: [N, columns.length] (the 'other' column is last).
  const levels = columns.filter((c) => c.level !== 'other').map((c) => c.level as number);
  const at: string[] = [];
  if (levels.length) at.push(g.op1('Equal', [value, g.double('levels', levels)], 'is_this_level'));
  if (levels.length < columns.length) at.push(g.anyTrue(g.op1('Equal', [value, g.double('pooled_levels', pooled)], 'is_pooled'), 'is_other'));
  const hit = g.concat(at, 1, 'hit');
  return g.where(hit, one, g.where(known, zero, g.scalar('zero', 0), 'indicator_rest'), 'indicator');
}
