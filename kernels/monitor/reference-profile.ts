// The training reference a deployed model is monitored against (the registry stores it beside
// the model): per raw input column its distribution and missing rate, the distribution of the
// model's scores on evaluation rows, the evaluation metric, and how much each column matters.
import type { Task } from '../learn/matrix';
import type { Column, DataTable } from '../table/types';
import { coerceCategorical, coerceNumeric, type InputValue } from './coerce-input';
import { quantilesAt, slotOf, uniqueSorted } from './quantile-edges';

export const REFERENCE_FORMAT = 1;
/** Fine quantile bins for KS and Wasserstein; PSI uses deciles (each a fine edge too). */
export const FINE_BINS = 100;
export const PSI_BINS = 10;
/** Categories named in the profile; the rest are one "other" bin. */
export const TOP_CATEGORIES = 20;
/** Up to this many distinct values are kept as the known set ("unseen" is checked against it). */
export const MAX_KNOWN_CATEGORIES = 5000;
/** Probability buckets of classification scores, as in the dashboard. */
export const PROBABILITY_BUCKETS = 10;

export interface NumericProfile {
  kind: 'numeric';
  /** 'length' profiles a free-text column by its length in characters. */
  measure: 'value' | 'length';
  rows: number;
  missing: number;
  min: number;
  max: number;
  mean: number;
  std: number;
  /** Quantile edges (unique); counts per slot (edges.length + 2, see quantile-edges.ts). */
  edges: number[];
  counts: number[];
  /** Inner PSI boundaries (deciles), each one of `edges`. */
  psiEdges: number[];
}

export interface CategoricalProfile {
  kind: 'categorical';
  rows: number;
  missing: number;
  /** The most frequent values, then one bin for every other value. */
  categories: string[];
  counts: number[];
  /** Every value seen in training, or null when there were too many to keep (unseen not checked). */
  known: string[] | null;
}

/** Dates move on by nature: only their missing rate is watched. */
export interface DatetimeProfile {
  kind: 'datetime';
  rows: number;
  missing: number;
}

export type FeatureProfile = NumericProfile | CategoricalProfile | DatetimeProfile;
export type FeatureKind = FeatureProfile['kind'] | 'text';

export interface ReferenceProfile {
  format: typeof REFERENCE_FORMAT;
  task: Task;
  classes: string[] | null;
  positiveClass: string | null;
  /** Input columns in the order the model lists them. */
  features: { name: string; importance: number; profile: FeatureProfile }[];
  /** Scores on evaluation rows: P(positive) buckets, predicted-class counts, or predicted values. */
  scores: NumericProfile | CategoricalProfile | null;
  /** Where the scores came from, said plainly (e.g. "held-out test rows"). */
  scoresFrom: string | null;
  baseline: { metric: string; value: number; higherIsBetter: boolean } | null;
  rows: number;
  createdAt: string;
}

export interface ReferenceInput {
  table: DataTable;
  /** The raw columns the model takes, and how to profile each. */
  features: { name: string; kind: FeatureKind }[];
  task: Task;
  classes?: string[] | null;
  positiveClass?: string | null;
  /** Importance by column (any scale; normalised to shares summing to 1). */
  importance?: Record<string, number>;
  /** Scores in FittedModel.predict's shape, for the rows they were computed on. */
  scores?: Float64Array;
  scoresFrom?: string;
  baseline?: ReferenceProfile['baseline'];
  createdAt?: string;
}

export function buildReferenceProfile(input: ReferenceInput): ReferenceProfile {
  const { table, task } = input;
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const weights = input.features.map((f) => Math.max(0, input.importance?.[f.name] ?? 0));
  const sum = weights.reduce((a, b) => a + b, 0);
  const features = input.features.map((f, j) => {
    const column = byName.get(f.name);
    if (!column) throw new Error(`reference data has no column "${f.name}" (the model takes it)`);
    // Without importances every column counts the same.
    const importance = sum > 0 ? weights[j] / sum : 1 / input.features.length;
    return { name: f.name, importance, profile: profileColumn(column, table.rowCount, f.kind) };
  });
  const classes = input.classes ?? null;
  return {
    format: REFERENCE_FORMAT,
    task,
    classes,
    positiveClass: input.positiveClass ?? (task === 'binary' && classes ? classes[1] : null),
    features,
    scores: input.scores ? profileScores(input.scores, task, classes) : null,
    scoresFrom: input.scores ? input.scoresFrom ?? null : null,
    baseline: input.baseline ?? null,
    rows: table.rowCount,
    createdAt: input.createdAt ?? new Date().toISOString(),
  };
}

function profileColumn(column: Column, rows: number, kind: FeatureKind): FeatureProfile {
  if (kind === 'numeric' && column.storage !== 'string' && !(column.type === 'boolean' && column.labels)) {
    // Stored numbers are their own values (missing ones NaN): no boxed cell per row.
    return profileNumbers(column.values.subarray(0, rows), 'value');
  }
  const cells: InputValue[] = Array.from({ length: rows }, (_, i) => cell(column, i));
  if (kind === 'datetime') return { kind: 'datetime', rows, missing: cells.filter((v) => v === null).length };
  if (kind === 'categorical') {
    return profileCategories(cells.map((v) => {
      const c = coerceCategorical(v);
      return typeof c === 'string' ? c : null;
    }));
  }
  const values = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const v = kind === 'text' ? coerceCategorical(cells[i]) : coerceNumeric(cells[i]);
    values[i] = typeof v === 'string' ? v.length : typeof v === 'number' ? v : NaN;
  }
  return profileNumbers(values, kind === 'text' ? 'length' : 'value');
}

/** A table cell as a log line would carry it (numbers as numbers, boolean labels as text). */
function cell(column: Column, i: number): InputValue {
  if (column.storage === 'string') return column.values[i];
  const v = column.values[i];
  if (Number.isNaN(v)) return null;
  if (column.type === 'boolean' && column.labels) return column.labels[v ? 1 : 0];
  return v;
}

export function profileNumbers(values: Float64Array, measure: NumericProfile['measure'] = 'value', fixedEdges?: number[]): NumericProfile {
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  let mean = 0;
  for (const v of finite) mean += v / n;
  let variance = 0;
  for (const v of finite) variance += (v - mean) ** 2 / n;
  // The deciles are every tenth fine quantile (i/10 and 10i/100 are the same double).
  const quantiles = fixedEdges ? null : quantilesAt(finite, FINE_BINS);
  const edges = fixedEdges ?? uniqueSorted(quantiles!);
  const counts = new Array<number>(edges.length + 2).fill(0);
  const edgeArray = Float64Array.from(edges);
  for (let i = 0; i < n; i++) counts[slotOf(edgeArray, finite[i])]++;
  const step = FINE_BINS / PSI_BINS;
  const deciles = fixedEdges ? fixedEdges.slice(1, -1) : uniqueSorted(quantiles!.filter((_, i) => i % step === 0));
  // The maximum as a boundary would leave an empty "above the maximum" bin in the reference.
  const psiEdges = deciles.filter((e) => e < edges[edges.length - 1]);
  return {
    kind: 'numeric', measure, rows: values.length, missing: values.length - n,
    min: n ? edges[0] : NaN, max: n ? edges[edges.length - 1] : NaN,
    mean: n ? mean : NaN, std: n ? Math.sqrt(variance) : NaN, edges, counts, psiEdges,
  };
}

export function profileCategories(values: (string | null | undefined)[], known?: string[]): CategoricalProfile {
  const freq = new Map<string, number>();
  let missing = 0;
  for (const v of values) {
    if (v === null || v === undefined) missing++;
    else freq.set(v, (freq.get(v) ?? 0) + 1);
  }
  for (const k of known ?? []) if (!freq.has(k)) freq.set(k, 0);
  const ranked = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = ranked.slice(0, TOP_CATEGORIES);
  const other = ranked.slice(TOP_CATEGORIES).reduce((s, [, c]) => s + c, 0);
  return {
    kind: 'categorical', rows: values.length, missing,
    categories: top.map(([k]) => k), counts: [...top.map(([, c]) => c), other],
    known: ranked.length <= MAX_KNOWN_CATEGORIES ? ranked.map(([k]) => k).sort() : null,
  };
}

/** Fixed probability buckets [0, 0.1], (0.1, 0.2], …: the same for every model, as the dashboard shows them. */
export const PROBABILITY_EDGES = Array.from({ length: PROBABILITY_BUCKETS + 1 }, (_, i) => i / PROBABILITY_BUCKETS);

function profileScores(scores: Float64Array, task: Task, classes: string[] | null): NumericProfile | CategoricalProfile {
  if (task === 'binary') return profileNumbers(scores, 'value', PROBABILITY_EDGES);
  if (task === 'regression') return profileNumbers(scores);
  const k = classes?.length ?? 0;
  const rows = scores.length / Math.max(1, k);
  const predicted: string[] = [];
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (scores[i * k + c] > scores[i * k + best]) best = c;
    predicted.push(classes![best]);
  }
  return profileCategories(predicted, classes ?? undefined);
}
