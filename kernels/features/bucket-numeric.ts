// Numerical buckets, learned against the target: a small tree on the one number finds where the
// target changes (e.g. employees 10, 100, 500), each cut is moved to the roundest number that
// splits the training rows the same way, and each bucket gets an indicator and a readable label
// ("10-99"). The feature is the bucket's code, flagged categorical in the matrix: linear learners
// expand it into one indicator per bucket (non-monotone effects), trees get one column to split
// on (indicators per bucket would only add redundant columns for them).
import type { ColumnReader, FeatureColumns, FitContext } from './context';
import { supervisedSplits } from './supervised-splits';
import type { BucketSpec } from './types';

export function fitBuckets(ctx: FitContext): BucketSpec | null {
  const x = ctx.reader.numeric(ctx.name);
  let finite = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) finite++;
  const cuts = supervisedSplits(x, ctx.labels, {
    maxLeaves: ctx.options.maxBuckets,
    minLeaf: Math.max(10, Math.ceil(0.05 * finite)),
    minGainFraction: 0.005,
  });
  if (cuts.length === 0) return null;
  const sorted = Float64Array.from(x.filter(Number.isFinite)).sort();
  const edges = cuts.map(([below, above]) => readableCut(sorted, below, above));
  for (let k = edges.length - 1; k > 0; k--) if (edges[k] <= edges[k - 1]) edges.splice(k, 1);
  let min = Infinity, max = -Infinity;
  let integer = true;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integer && !Number.isInteger(v)) integer = false;
  }
  return bucketSpec(ctx.name, edges, min, max, integer);
}

export function bucketSpec(column: string, edges: number[], min: number, max: number, integer: boolean): BucketSpec {
  const labels = bucketLabels(edges, min, max, integer);
  return { kind: 'buckets', column, edges, labels, outputs: [`${column}:bucket`] };
}

export function applyBuckets(spec: BucketSpec, reader: ColumnReader): FeatureColumns {
  const x = reader.numeric(spec.column);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[i] = Number.isNaN(v) ? NaN : bucketOf(spec.edges, v);
  }
  return [out];
}

/** Index of the bucket holding v: the number of edges at or below it. */
export function bucketOf(edges: readonly number[], v: number): number {
  let b = 0;
  while (b < edges.length && v >= edges[b]) b++;
  return b;
}

/**
 * A cut people can read: the roundest number in (below, above] (which splits the training rows
 * exactly as the tree did), or a rounder one nearby when it moves at most 0.5% of the rows to the
 * other side (the tree's exact cut at 102 employees is noise; 100 is the finding).
 */
export function readableCut(sorted: Float64Array, below: number, above: number): number {
  const exact = roundestBetween(below, above);
  const allowed = Math.max(1, Math.floor(0.005 * sorted.length));
  const digits = significantDigits(exact);
  for (let d = 1; d < digits; d++) {
    const c = Number(above.toPrecision(d));
    if (!(c > sorted[0] && c <= sorted[sorted.length - 1])) continue;
    const moved = Math.abs(countBelow(sorted, c) - countBelow(sorted, exact));
    if (moved <= allowed) return c;
  }
  return exact;
}

function significantDigits(v: number): number {
  for (let d = 1; d < 15; d++) if (Number(v.toPrecision(d)) === v) return d;
  return 15;
}

function countBelow(sorted: Float64Array, t: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < t) lo = mid + 1; else hi = mid; }
  return lo;
}

/** The number with the fewest significant digits in (below, above]: (480, 510] → 500. */
export function roundestBetween(below: number, above: number): number {
  const top = Math.ceil(Math.log10(Math.max(Math.abs(below), Math.abs(above), 1e-12))) + 1;
  for (let p = top; p >= -12; p--) {
    const unit = Math.pow(10, p);
    const candidate = (Math.floor(below / unit) + 1) * unit;
    const rounded = Number(candidate.toPrecision(12)); // cancel 0.1 + 0.2 style noise
    if (rounded > below && rounded <= above) return rounded;
  }
  return above;
}

/** The 1-2-5 step at or above v (621 → 1000, 150 → 200): a friendly top for the last bucket. */
export function niceCeil(v: number): number {
  if (v <= 0) return 0;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return Number((m * p).toPrecision(12));
  return 10 * p;
}

function fmt(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}

/**
 * Integer columns: inclusive ranges like the seed slides (0-9, 10-99, 100-499, 500-1000), the
 * last one topped at the 1-2-5 step above the training maximum (values beyond still land in it).
 * Other columns: half-open ranges written lo-hi, the last one lo+.
 */
export function bucketLabels(edges: readonly number[], min: number, max: number, integer: boolean): string[] {
  const labels: string[] = [];
  for (let b = 0; b <= edges.length; b++) {
    const lo = b === 0 ? Math.min(min, edges[0]) : edges[b - 1];
    if (integer) {
      const lower = b === 0 ? Math.floor(lo) : lo;
      const upper = b < edges.length ? edges[b] - 1 : Math.max(niceCeil(max), lower);
      labels.push(`${fmt(lower)}-${fmt(upper)}`);
    } else {
      labels.push(b < edges.length ? `${fmt(lo)}-${fmt(edges[b])}` : `${fmt(lo)}+`);
    }
  }
  return labels;
}
