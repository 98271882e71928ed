// Naive Bayes as ONNX, term for term as NaiveBayesModel.predictRaw: Gaussian features give
// norm_c − (half_c · d) · d per class (d = x − mean_c; the constants computed here exactly as the
// model computes them), categorical features look their term up in a table gathered by the level
// code; a missing value or an unseen level contributes 0. Binary raw score: the class-1 minus
// class-0 terms; multiclass: terms centred over the trained classes (0 for absent classes).
import type { NaiveBayesModel } from '../learn/bayes';
import type { CategoricalFeature, GaussianFeature } from '../learn/bayes';
import type { GraphBuilder } from './graph-builder';
import { DataType } from './proto';

/** Raw scores [N, nOutputs] of a naive Bayes model reading the double matrix `x`. */
export function naiveBayesRaw(g: GraphBuilder, model: NaiveBayesModel, x: string): string {
  const { features, logPrior } = model.state;
  const binary = model.task === 'binary';
  const K = model.nOutputs;
  const active = logPrior.flatMap((lp, c) => (lp === null ? [] : [c]));
  const terms: string[] = [g.double('prior_term', bias(model, active))];
  const gaussian = features.flatMap((f, j) => (f.kind === 'gaussian' ? [{ f, j }] : []));
  if (gaussian.length) terms.push(gaussianTerms(g, x, gaussian, binary ? [0, 1] : active, binary, K));
  const categorical = features.flatMap((f, j) => (f.kind === 'categorical' ? [{ f, j }] : []));
  if (categorical.length) terms.push(categoricalTerms(g, x, categorical, binary ? [0, 1] : active, binary, K));
  // Broadcasting the [K] prior against the [N, K] terms; a model without features gets zeros.
  if (terms.length === 1) terms.push(g.zeros(x));
  return terms.reduce((sum, t) => g.add(sum, t, 'bayes_sum'));
}

function bias(model: NaiveBayesModel, active: number[]): number[] {
  const lp = model.state.logPrior;
  if (model.task === 'binary') return [(lp[1] ?? 0) - (lp[0] ?? 0)];
  const mean = active.reduce((a, c) => a + (lp[c] ?? 0), 0) / active.length;
  return lp.map((v) => (v === null ? -1000 : v - mean));
}

/** [classes.length, K] matrix sending centred class terms to their outputs (absent classes: 0). */
function toOutputs(classes: number[], K: number): number[] {
  const m = new Array<number>(classes.length * K).fill(0);
  classes.forEach((c, a) => (m[a * K + c] = 1));
  return m;
}

/** Sum over the Gaussian features of their terms, [N, K]. */
function gaussianTerms(g: GraphBuilder, x: string, gaussian: { f: GaussianFeature; j: number }[], classes: number[], binary: boolean, K: number): string {
  const nG = gaussian.length;
  const nC = classes.length;
  // [nG, nC] constants, feature-major.
  const table = (of: (f: GaussianFeature, c: number) => number) => gaussian.flatMap(({ f }) => classes.map((c) => of(f, c)));
  const mean = g.double('gauss_mean', table((f, c) => f.mean[c]), [1, nG, nC]);
  const norm = g.double('gauss_norm', table((f, c) => -0.5 * Math.log(2 * Math.PI * f.variance[c])), [1, nG, nC]);
  const half = g.double('gauss_half', table((f, c) => 0.5 / f.variance[c]), [1, nG, nC]);
  const cols = g.reshape(g.columns(x, gaussian.map(({ j }) => j), 'gauss_input'), [-1, nG, 1], 'gauss_input_3d');
  const d = g.sub(cols, mean, 'gauss_d');
  const ll = g.sub(norm, g.mul(g.mul(half, d, 'gauss_half_d'), d, 'gauss_half_d2'), 'gauss_loglik');
  const term = binary
    ? g.op1('MatMul', [ll, g.double('class_difference', [-1, 1], [2, 1])], 'gauss_term')
    : g.sub(ll, g.reduceMean(ll, 2, 'gauss_class_mean'), 'gauss_term');
  const kept = g.where(g.isNaN(cols), g.scalar('zero', 0), term, 'gauss_term_observed');
  const summed = g.reduceSum(kept, 1, 'gauss_sum', false);
  return binary ? summed : g.op1('MatMul', [summed, g.double('class_outputs', toOutputs(classes, K), [nC, K])], 'gauss_terms');
}

/**
 * Sum over the categorical features of their terms [N, K], looked up in one table (every
 * feature's levels in turn, each level's term formed exactly as the model forms it); a value that
 * is not a level of its feature (missing, unseen, not an integer code) contributes 0.
 */
function categoricalTerms(g: GraphBuilder, x: string, categorical: { f: CategoricalFeature; j: number }[], classes: number[], binary: boolean, K: number): string {
  const rows: number[] = [];
  const offsets: number[] = [];
  const counts: number[] = [];
  for (const { f } of categorical) {
    const levels = f.logProb[0]?.length ?? 0;
    offsets.push(rows.length / K);
    counts.push(levels);
    for (let l = 0; l < levels; l++) {
      if (binary) {
        rows.push(f.logProb[1][l] - f.logProb[0][l]);
        continue;
      }
      let mean = 0;
      for (const c of classes) mean += f.logProb[c][l];
      mean /= classes.length;
      const row = new Array<number>(K).fill(0);
      for (const c of classes) row[c] = f.logProb[c][l] - mean;
      rows.push(...row);
    }
  }
  if (!rows.length) return g.zeros(x);
  const value = g.columns(x, categorical.map(({ j }) => j), 'bayes_category');
  // An integer code 0 ≤ v < levels (NaN fails the first test, ±∞ the last two).
  const integer = g.op1('Equal', [g.op1('Floor', [value], 'code_floor'), value], 'is_integer');
  const inRange = g.op1('And', [
    g.op1('GreaterOrEqual', [value, g.scalar('zero', 0)], 'code_not_negative'),
    g.op1('Less', [value, g.double('level_count', counts)], 'code_below_count'),
  ], 'code_in_range');
  const valid = g.op1('And', [integer, inRange], 'is_known_level');
  const code = g.cast(g.where(valid, value, g.scalar('zero', 0), 'level_or_zero'), DataType.INT64, 'level_code');
  const index = g.add(code, g.int64('level_offset', offsets), 'level_index');
  const looked = g.op1('Gather', [g.double('level_terms', rows, [rows.length / K, K]), index], 'level_term', [{ name: 'axis', int: 0 }]);
  const kept = g.where(g.reshape(valid, [-1, categorical.length, 1], 'is_known_level_3d'), looked, g.scalar('zero', 0), 'level_term_known');
  return g.reduceSum(kept, 1, 'category_terms', false);
}
