// Linear models (logistic, multinomial, least squares) as ONNX: the standardised design replayed
// column by column as the model's DesignSpec says — numeric z = (x − mean) / scale with a missing
// value imputed by the training mean (z = 0, via IsNaN/Where), categorical indicators with unseen
// levels and missing values at the training average (z = 0) — then one MatMul with the
// coefficients plus the intercept. Design columns whose coefficients are all zero are left out,
// as the learner skips them.
import type { LinearModel } from '../learn/linear';
import type { DesignColumn } from '../learn/linear/design';
import type { GraphBuilder } from './graph-builder';
import { DataType } from './proto';

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
  const categorical = used.filter(({ c }) => c.level !== undefined);
  if (categorical.length) {
    const levelColumns = categorical.filter(({ c }) => c.level !== 'other');
    const otherColumns = categorical.filter(({ c }) => c.level === 'other');
    pieces.push(indicators(g, x, [...levelColumns, ...otherColumns].map(({ c }) => c), model));
    order.push(...levelColumns.map(({ j }) => j), ...otherColumns.map(({ j }) => j));
  }
  const weights = order.flatMap((j) => coef.map((row) => row[j]));
  const base = g.double('intercept', intercept);
  if (!pieces.length) return g.add(g.zeros(x), base, 'raw_score');
  const product = g.op1('MatMul', [g.concat(pieces, 1, 'design'), g.double('coefficients', weights, [order.length, K])], 'linear_sum');
  return g.add(product, base, 'raw_score');
}

/**
 * Categorical indicator columns [N, columns.length] (level columns first, then 'other' ones), all
 * features at once: (1 − mean) / scale where the row is at the column's level (any pooled level
 * for 'other'), (0 − mean) / scale at another training level of the feature, 0 for a missing
 * value or a level never seen in training.
 */
function indicators(g: GraphBuilder, x: string, columns: DesignColumn[], model: LinearModel): string {
  const { design } = model.state;
  const features = [...new Set(columns.map((c) => c.feature))];
  const slot = new Map(features.map((f, s) => [f, s]));
  const kept = (f: number) => design.columns.filter((c) => c.feature === f && typeof c.level === 'number').map((c) => c.level as number);
  const pooled = (f: number) => design.otherLevels?.[f] ?? [];
  const codes = levelCodes(g, x, features, features.map((f) => [...kept(f), ...pooled(f)]));
  const perColumn = (byFeature: string, cols: DesignColumn[], hint: string) =>
    g.op1('Gather', [byFeature, g.int64(`${hint}_slot`, cols.map((c) => slot.get(c.feature)!))], hint, [{ name: 'axis', int: 1 }]);
  const known = perColumn(codes.memberOf(features.map((f) => [...kept(f), ...pooled(f)]), 'feature_known'), columns, 'column_known');
  const levels = columns.filter((c) => c.level !== 'other');
  const others = columns.filter((c) => c.level === 'other');
  const hits: string[] = [];
  if (levels.length) {
    const value = g.columns(x, levels.map((c) => c.feature), 'level_value');
    hits.push(g.op1('Equal', [value, g.double('column_level', levels.map((c) => c.level as number))], 'at_level'));
  }
  if (others.length) hits.push(perColumn(codes.memberOf(features.map(pooled), 'feature_pooled'), others, 'at_other'));
  const hit = g.concat(hits, 1, 'at_column_level');
  const one = g.double('indicator_one', columns.map((c) => (1 - c.mean) / c.scale));
  const zero = g.double('indicator_zero', columns.map((c) => (0 - c.mean) / c.scale));
  return g.where(hit, one, g.where(known, zero, g.scalar('zero', 0), 'indicator_rest'), 'indicator');
}

/**
 * The values of `features` read as level codes: `memberOf(sets)` says, per row and feature,
 * whether the value is an integer code in that feature's set, by a lookup in one table (each
 * feature's codes 0..max in turn, plus a last false entry the non-codes point at).
 */
function levelCodes(g: GraphBuilder, x: string, features: number[], allLevels: number[][]) {
  const size = allLevels.map((levels) => levels.reduce((m, l) => Math.max(m, l + 1), 0) + 1);
  const offsets = size.map((_, s) => size.slice(0, s).reduce((a, b) => a + b, 0));
  const value = g.columns(x, features, 'category_value');
  const integer = g.op1('Equal', [g.op1('Floor', [value], 'code_floor'), value], 'is_integer');
  const inRange = g.op1('And', [
    g.op1('GreaterOrEqual', [value, g.scalar('zero', 0)], 'code_not_negative'),
    g.op1('Less', [value, g.double('code_limit', size.map((n) => n - 1))], 'code_below_limit'),
  ], 'code_in_range');
  const valid = g.op1('And', [integer, inRange], 'is_code');
  const code = g.cast(g.where(valid, value, g.double('no_code', size.map((n) => n - 1)), 'code_or_last'), DataType.INT64, 'code_int');
  const index = g.add(code, g.int64('code_offset', offsets), 'code_index');
  return {
    memberOf(sets: number[][], hint: string): string {
      const table = new Array<number>(offsets[offsets.length - 1] + size[size.length - 1]).fill(0);
      sets.forEach((levels, s) => { for (const l of levels) table[offsets[s] + l] = 1; });
      return g.op1('Gather', [g.bool(`${hint}_table`, table), index], hint, [{ name: 'axis', int: 0 }]);
    },
  };
}
