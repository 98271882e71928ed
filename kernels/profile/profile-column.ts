// One column's profile: missing values, distinct count, numeric summary and quantiles, most
// frequent values, text lengths and a histogram. Linear time in the rows (hashing for distinct
// counts, selection for quantiles — no sorting of the column), so a million rows take tens of
// milliseconds a column. Everything is exact except the distinct count of numeric columns with
// over 100,000 distinct values, which is a HyperLogLog estimate (distinctApproximate: true).
import type { Column, NumericColumn, StringColumn } from '../table/types';
import { distinctNumbers } from '../table/distinct-numbers';
import { formatDate } from '../table/parse-date';
import { stringStats } from '../table/string-stats';
import { approxDistinctNumbers } from './approx-distinct';
import { quantilesInPlace } from './quantiles';
import type { ColumnProfile, HistogramBin, ValueCount } from './types';

const TOP_VALUES = 10;
const BINS = 20;
/** Integer columns spanning at most this many values get one bin per value. */
const UNIT_BIN_RANGE = 40;
/** Numeric columns with at most this many distinct values also report their top values. */
const TOP_FOR_DISTINCT = 50;
const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
/**
 * Numeric columns with more distinct values than this get a HyperLogLog estimate (±1%) instead
 * of an exact count: past it the exact hash table no longer fits in cache.
 */
const EXACT_DISTINCT_LIMIT = 100_000;

export function profileColumn(column: Column): ColumnProfile {
  const profile = column.storage === 'numeric' ? profileNumeric(column) : profileStrings(column);
  // The bulky histogram goes last so printed JSON reads headline numbers first.
  const { histogram, ...headline } = profile;
  return { ...headline, histogram };
}

function base(column: Column, missing: number, distinct: number): ColumnProfile {
  const rows = column.values.length;
  return {
    name: column.name,
    type: column.type,
    rows,
    missing,
    missingShare: rows === 0 ? 0 : missing / rows,
    distinct,
    histogram: { kind: 'none' },
  };
}

/** Largest `k` (index, count) pairs by count, ties by first appearance. */
function topIndices(counts: ArrayLike<number>, size: number, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < size; i++) {
    const c = counts[i];
    if (top.length === k && c <= counts[top[k - 1]]) continue;
    let at = top.length < k ? top.length : k - 1;
    while (at > 0 && counts[top[at - 1]] < c) at--;
    top.splice(at, 0, i);
    if (top.length > k) top.pop();
  }
  return top;
}

function profileNumeric(column: NumericColumn): ColumnProfile {
  const { values, type } = column;
  const n = values.length;
  const present = new Float64Array(n);
  let m = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  // inf/-inf cells are counted apart: one of them would make the mean infinite and the standard
  // deviation NaN, and say nothing about the other values.
  let infinite = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (v === Infinity || v === -Infinity) { infinite++; continue; }
    present[m++] = v;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const distinct = distinctNumbers(values, EXACT_DISTINCT_LIMIT);
  const approximate = distinct.size > EXACT_DISTINCT_LIMIT;
  const profile = base(column, n - m - infinite, approximate ? Math.max(EXACT_DISTINCT_LIMIT + 1, approxDistinctNumbers(values)) : distinct.size);
  if (approximate) profile.distinctApproximate = true;
  if (infinite) profile.infinite = infinite;
  if (m === 0) return profile;
  const finite = Number.isFinite(min) && Number.isFinite(max);
  const mean = sum / m;
  let squares = 0;
  for (let i = 0; i < m; i++) {
    const d = present[i] - mean;
    squares += d * d;
  }
  const sample = present.subarray(0, m);
  const [p5, p25, p50, p75, p95] = quantilesInPlace(sample, QUANTILES);
  Object.assign(profile, { min, max, mean, std: m > 1 ? Math.sqrt(squares / (m - 1)) : 0, p5, p25, p50, p75, p95 });
  const isDate = type === 'date' || type === 'datetime';
  if (isDate) {
    profile.minText = formatDate(min, type === 'datetime');
    profile.maxText = formatDate(max, type === 'datetime');
  }

  const label = (v: number): string => {
    if (type === 'boolean') return column.labels ? column.labels[v ? 1 : 0] : v ? 'true' : 'false';
    if (isDate) return formatDate(v, type === 'datetime');
    return String(v);
  };
  if (distinct.size <= TOP_FOR_DISTINCT || type === 'boolean') {
    profile.top = topIndices(distinct.counts, distinct.size, TOP_VALUES)
      .map((i) => ({ value: label(distinct.keys[i]), count: distinct.counts[i] }));
  }
  if (type === 'boolean') {
    profile.histogram = { kind: 'bars', bars: profile.top ?? [], other: 0 };
  } else if (finite) {
    profile.histogram = { kind: 'bins', of: 'value', bins: numericBins(sample, min, max, type === 'integer' || type === 'id') };
    if (!isDate && type !== 'id' && min >= 0 && skewness(sample, mean) >= LOG_SKEWNESS) profile.histogram.logBins = logBins(sample, max);
  }
  return profile;
}

/** Sample skewness at or above which a non-negative column also gets log-scale bins (as derive-numeric logs it). */
const LOG_SKEWNESS = 2;

function skewness(values: Float64Array, mean: number): number {
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  m2 /= values.length;
  m3 /= values.length;
  return m2 > 0 ? m3 / m2 ** 1.5 : 0;
}

/** Equal-width bins of log10(1 + x) over [0, max], bounds given back in x (non-negative values). */
function logBins(values: Float64Array, max: number): HistogramBin[] {
  const top = Math.log10(1 + max);
  const width = top / BINS;
  const counts = new Float64Array(BINS);
  for (let i = 0; i < values.length; i++) {
    const b = Math.floor(Math.log10(1 + values[i]) / width);
    counts[b >= BINS ? BINS - 1 : b]++;
  }
  return Array.from(counts, (count, i) => ({ x0: 10 ** (i * width) - 1, x1: i === BINS - 1 ? max : 10 ** ((i + 1) * width) - 1, count }));
}

/** Equal-width bins over [min, max] (the last one includes max), or one bin per integer value. */
function numericBins(values: Float64Array, min: number, max: number, integer: boolean): HistogramBin[] {
  if (integer && max - min < UNIT_BIN_RANGE) {
    const counts = new Float64Array(max - min + 1);
    for (let i = 0; i < values.length; i++) counts[values[i] - min]++;
    return Array.from(counts, (count, i) => ({ x0: min + i, x1: min + i + 1, count }));
  }
  if (min === max) return [{ x0: min, x1: max, count: values.length }];
  const width = (max - min) / BINS;
  const counts = new Float64Array(BINS);
  for (let i = 0; i < values.length; i++) {
    const b = Math.floor((values[i] - min) / width);
    counts[b >= BINS ? BINS - 1 : b]++;
  }
  return Array.from(counts, (count, i) => ({ x0: min + i * width, x1: i === BINS - 1 ? max : min + (i + 1) * width, count }));
}

function profileStrings(column: StringColumn): ColumnProfile {
  const stats = stringStats(column.values);
  const { uniques, counts } = stats;
  const profile = base(column, stats.missing, uniques.length);
  if (uniques.length === 0) return profile;

  const top: ValueCount[] = topIndices(counts, uniques.length, TOP_VALUES).map((i) => ({ value: uniques[i], count: counts[i] }));
  profile.top = top;

  // Lengths, weighted by how often each distinct text occurs.
  let minLength = Infinity;
  let maxLength = 0;
  let totalLength = 0;
  for (let i = 0; i < uniques.length; i++) {
    const len = uniques[i].length;
    if (len < minLength) minLength = len;
    if (len > maxLength) maxLength = len;
    totalLength += len * counts[i];
  }
  const present = column.values.length - stats.missing;
  const lengthCounts = new Float64Array(maxLength + 1);
  for (let i = 0; i < uniques.length; i++) lengthCounts[uniques[i].length] += counts[i];
  let seen = 0;
  let median = maxLength;
  for (let len = 0; len <= maxLength; len++) {
    seen += lengthCounts[len];
    if (seen * 2 >= present) { median = len; break; }
  }
  profile.length = { min: minLength, max: maxLength, mean: totalLength / present, p50: median };

  const categorical = column.type === 'categorical' || column.type === 'constant' || column.type === 'boolean';
  if (categorical) {
    const shown = top.reduce((s, t) => s + t.count, 0);
    profile.histogram = { kind: 'bars', bars: top, other: present - shown };
  } else {
    profile.histogram = { kind: 'bins', of: 'length', bins: lengthBins(lengthCounts, minLength, maxLength) };
  }
  return profile;
}

function lengthBins(lengthCounts: Float64Array, min: number, max: number): HistogramBin[] {
  const span = max - min + 1;
  const width = Math.max(1, Math.ceil(span / BINS));
  const bins: HistogramBin[] = [];
  for (let x0 = min; x0 <= max; x0 += width) {
    let count = 0;
    for (let len = x0; len < x0 + width && len <= max; len++) count += lengthCounts[len];
    bins.push({ x0, x1: x0 + width, count });
  }
  return bins;
}
