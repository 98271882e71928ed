// A number as a feature: money-like skewed amounts (historical spend, revenue) put on a log scale
// so that linear learners see orders of magnitude rather than a few huge values. Missing stays
// missing (NaN) in the matrix and each learner imputes it its own way: trees route it to the side
// learned from the training rows, linear models impute the training mean inside the model, naive
// Bayes leaves it out, and the null indicator keeps the fact. A median filled in here would take
// that choice from the trees (on telco_churn: 0.0007 AUROC over 20 splits).
import type { ColumnReader, FeatureColumns, FitContext } from './context';
import type { NumericSpec } from './types';

/** Sample skewness at or above which a non-negative column is logged. */
const LOG_SKEWNESS = 2;

export function fitNumeric(ctx: FitContext): NumericSpec | null {
  const v = ctx.reader.numeric(ctx.name);
  const finite: number[] = [];
  for (let i = 0; i < v.length; i++) if (Number.isFinite(v[i])) finite.push(v[i]);
  if (finite.length === 0) return null;
  let min = Infinity;
  for (const x of finite) if (x < min) min = x;
  const log = ctx.role !== 'boolean' && min >= 0 && skewness(finite) >= LOG_SKEWNESS;
  return { kind: 'numeric', column: ctx.name, log, outputs: [log ? `log(${ctx.name})` : ctx.name] };
}

export function applyNumeric(spec: NumericSpec, reader: ColumnReader): FeatureColumns {
  const v = reader.numeric(spec.column);
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    out[i] = Number.isFinite(x) ? (spec.log ? signedLog1p(x) : x) : NaN;
  }
  return [out];
}

export function signedLog1p(x: number): number {
  return x < 0 ? -Math.log1p(-x) : Math.log1p(x);
}

export function skewness(values: readonly number[]): number {
  const n = values.length;
  if (n < 3) return 0;
  let mean = 0;
  for (const x of values) mean += x;
  mean /= n;
  let m2 = 0;
  let m3 = 0;
  for (const x of values) {
    const d = x - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  m2 /= n;
  m3 /= n;
  return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
}
