// The mergeable summary of a stream of records: counts over the reference's bins, per-hour
// volumes, data-quality counters and a latency histogram. Every field is a sum, a min/max or a
// smallest-k set, so merge(a, b) is associative and commutative: hours, replicas and files
// combine in any order (exactly for counts; sums of distances up to floating-point rounding).
import { coerceCategorical, coerceNumeric, TYPE_ERROR } from './coerce-input';
import type { MonitorRecord } from './monitor-record';
import { slotOf } from './quantile-edges';
import type { CategoricalProfile, NumericProfile, ReferenceProfile } from './reference-profile';

export const SUMMARY_FORMAT = 1;
/** Upper bounds (ms) of the latency buckets; one more bucket holds everything slower. */
export const LATENCY_BUCKETS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];
/** Unseen category values named as examples (the lexicographically smallest, so merges agree). */
export const UNSEEN_EXAMPLES = 10;
const HOUR_MS = 3_600_000;

export interface NumericCounts {
  kind: 'numeric';
  /** Per slot over the reference edges (edges.length + 2). */
  counts: number[];
  missing: number;
  typeErrors: number;
  belowDistance: number;
  aboveDistance: number;
}

export interface CategoryCounts {
  kind: 'categorical';
  /** Per reference category, then every other value (unseen ones included). */
  counts: number[];
  unseen: number;
  unseenExamples: string[];
  missing: number;
  typeErrors: number;
}

export interface DatetimeCounts {
  kind: 'datetime';
  present: number;
  missing: number;
}

export type FeatureCounts = NumericCounts | CategoryCounts | DatetimeCounts;

export interface MonitorSummary {
  format: typeof SUMMARY_FORMAT;
  rows: number;
  /** Epoch ms of the earliest and latest timestamped record. */
  firstTime: number | null;
  lastTime: number | null;
  /** Records per hour, keyed by the hour's start in epoch ms. */
  perHour: Record<string, number>;
  features: Record<string, FeatureCounts>;
  /** Records that carried a usable score. */
  scored: number;
  scores: NumericCounts | CategoryCounts | null;
  latency: { counts: number[]; sum: number; n: number };
}

export function emptySummary(reference: ReferenceProfile): MonitorSummary {
  const features: Record<string, FeatureCounts> = {};
  for (const f of reference.features) features[f.name] = emptyCounts(f.profile);
  return {
    format: SUMMARY_FORMAT, rows: 0, firstTime: null, lastTime: null, perHour: {}, features,
    scored: 0, scores: reference.scores ? emptyCounts(reference.scores) as NumericCounts | CategoryCounts : null,
    latency: { counts: new Array(LATENCY_BUCKETS_MS.length + 1).fill(0), sum: 0, n: 0 },
  };
}

function emptyCounts(profile: ReferenceProfile['features'][number]['profile']): FeatureCounts {
  switch (profile.kind) {
    case 'numeric': return { kind: 'numeric', counts: new Array(profile.edges.length + 2).fill(0), missing: 0, typeErrors: 0, belowDistance: 0, aboveDistance: 0 };
    case 'categorical': return { kind: 'categorical', counts: new Array(profile.counts.length).fill(0), unseen: 0, unseenExamples: [], missing: 0, typeErrors: 0 };
    case 'datetime': return { kind: 'datetime', present: 0, missing: 0 };
  }
}

type Observer = (value: unknown) => void;

// Observers hold their counts object directly: the hot loop does no lookups by column name.
function numericObserver(profile: NumericProfile, c: NumericCounts): Observer {
  const edges = Float64Array.from(profile.edges);
  const first = edges[0];
  const last = edges[edges.length - 1];
  const length = profile.measure === 'length';
  const counts = c.counts;
  return (raw) => {
    let v: number | null | typeof TYPE_ERROR;
    if (length) {
      const text = coerceCategorical(raw as never);
      v = typeof text === 'string' ? text.length : text;
    } else v = typeof raw === 'number' && raw === raw ? raw : coerceNumeric(raw as never);
    if (v === null) c.missing++;
    else if (v === TYPE_ERROR) c.typeErrors++;
    else {
      counts[slotOf(edges, v)]++;
      if (v < first) c.belowDistance += first - v;
      else if (v > last) c.aboveDistance += v - last;
    }
  };
}

function categoricalObserver(profile: CategoricalProfile, c: CategoryCounts): Observer {
  const index = new Map(profile.categories.map((k, i) => [k, i]));
  const other = profile.categories.length;
  const known = profile.known ? new Set(profile.known) : null;
  const counts = c.counts;
  return (raw) => {
    // Fast path: a reference category exactly as written.
    const hit = typeof raw === 'string' ? index.get(raw) : undefined;
    if (hit !== undefined) {
      counts[hit]++;
      return;
    }
    const v = coerceCategorical(raw as never);
    if (v === null) c.missing++;
    else if (v === TYPE_ERROR) c.typeErrors++;
    else {
      const i = index.get(v);
      counts[i ?? other]++;
      if (i === undefined && known && !known.has(v)) {
        c.unseen++;
        addExample(c.unseenExamples, v);
      }
    }
  };
}

function datetimeObserver(c: DatetimeCounts): Observer {
  return (v) => {
    if (v === null || v === undefined || v === '') c.missing++;
    else c.present++;
  };
}

function addExample(examples: string[], v: string): void {
  if (examples.length >= UNSEEN_EXAMPLES && v >= examples[examples.length - 1]) return;
  if (examples.includes(v)) return;
  examples.push(v);
  examples.sort();
  if (examples.length > UNSEEN_EXAMPLES) examples.pop();
}

/** Reads the score a record carries in the reference's terms (P(positive), class, or value). */
function scoreOf(reference: ReferenceProfile): (record: MonitorRecord) => unknown {
  const positive = reference.positiveClass;
  if (reference.task === 'binary') {
    return (r) => {
      const p = positive !== null ? r.output?.probabilities?.[positive] : undefined;
      return typeof p === 'number' ? p : null;
    };
  }
  return (r) => r.output?.prediction ?? null;
}

/** Adds records to a summary in place; built once per reference so each record costs little. */
export class SummaryBuilder {
  private readonly current: MonitorSummary;
  private readonly names: string[];
  private readonly observers: Observer[];
  private readonly observeScore: Observer | null;
  private readonly score: (record: MonitorRecord) => unknown;
  private hourStart = NaN;
  /** Records of the hour at hourStart not yet written to perHour (a string-keyed write per record is slow). */
  private pendingHour = 0;

  constructor(readonly reference: ReferenceProfile, summary?: MonitorSummary) {
    const s = (this.current = summary ?? emptySummary(reference));
    this.names = reference.features.map((f) => f.name);
    this.observers = reference.features.map(({ name, profile }) => {
      const c = s.features[name];
      return profile.kind === 'numeric' ? numericObserver(profile, c as NumericCounts)
        : profile.kind === 'categorical' ? categoricalObserver(profile, c as CategoryCounts)
        : datetimeObserver(c as DatetimeCounts);
    });
    const scores = reference.scores;
    this.observeScore = !scores || !s.scores ? null
      : scores.kind === 'numeric' ? numericObserver(scores, s.scores as NumericCounts) : categoricalObserver(scores, s.scores as CategoryCounts);
    this.score = scoreOf(reference);
  }

  /** The summary so far (the builder keeps adding to this object). */
  get summary(): MonitorSummary {
    this.flushHour();
    return this.current;
  }

  private flushHour(): void {
    if (!this.pendingHour) return;
    const key = String(this.hourStart);
    this.current.perHour[key] = (this.current.perHour[key] ?? 0) + this.pendingHour;
    this.pendingHour = 0;
  }

  add(record: MonitorRecord): void {
    const s = this.current;
    s.rows++;
    const t = record.time;
    if (t !== null) {
      if (s.firstTime === null || t < s.firstTime) s.firstTime = t;
      if (s.lastTime === null || t > s.lastTime) s.lastTime = t;
      if (!(t >= this.hourStart && t < this.hourStart + HOUR_MS)) {
        this.flushHour();
        this.hourStart = t - (((t % HOUR_MS) + HOUR_MS) % HOUR_MS);
      }
      this.pendingHour++;
    }
    const input = record.input;
    const names = this.names;
    const observers = this.observers;
    for (let j = 0; j < observers.length; j++) observers[j](input[names[j]]);
    if (this.observeScore && record.output) {
      const v = this.score(record);
      if (v !== null && v !== undefined) {
        s.scored++;
        this.observeScore(v);
      }
    }
    const latency = record.latencyMs;
    if (typeof latency === 'number' && latency >= 0) {
      let b = 0;
      while (b < LATENCY_BUCKETS_MS.length && latency > LATENCY_BUCKETS_MS[b]) b++;
      s.latency.counts[b]++;
      s.latency.sum += latency;
      s.latency.n++;
    }
  }
}

function addArrays(a: number[], b: number[], what: string): number[] {
  if (a.length !== b.length) throw new Error(`cannot merge summaries of different references (${what}: ${a.length} vs ${b.length} bins)`);
  return a.map((v, i) => v + b[i]);
}

function mergeCounts<T extends FeatureCounts>(a: T, b: T, what: string): T {
  if (a.kind !== b.kind) throw new Error(`cannot merge summaries of different references (${what}: ${a.kind} vs ${b.kind})`);
  if (a.kind === 'datetime') {
    const y = b as DatetimeCounts;
    return { kind: 'datetime', present: a.present + y.present, missing: a.missing + y.missing } as T;
  }
  if (a.kind === 'numeric') {
    const y = b as NumericCounts;
    return {
      kind: 'numeric', counts: addArrays(a.counts, y.counts, what), missing: a.missing + y.missing, typeErrors: a.typeErrors + y.typeErrors,
      belowDistance: a.belowDistance + y.belowDistance, aboveDistance: a.aboveDistance + y.aboveDistance,
    } as T;
  }
  const y = b as CategoryCounts;
  const examples = [...new Set([...a.unseenExamples, ...y.unseenExamples])].sort().slice(0, UNSEEN_EXAMPLES);
  return {
    kind: 'categorical', counts: addArrays(a.counts, y.counts, what), unseen: a.unseen + y.unseen, unseenExamples: examples,
    missing: a.missing + y.missing, typeErrors: a.typeErrors + y.typeErrors,
  } as T;
}

function minTime(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function maxTime(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

/** The summary of both streams together. Associative and commutative; neither input is changed. */
export function mergeSummaries(a: MonitorSummary, b: MonitorSummary): MonitorSummary {
  const perHour: Record<string, number> = { ...a.perHour };
  for (const [h, n] of Object.entries(b.perHour)) perHour[h] = (perHour[h] ?? 0) + n;
  const names = Object.keys(a.features);
  if (names.length !== Object.keys(b.features).length || names.some((n) => !(n in b.features))) {
    throw new Error('cannot merge summaries of different references (their input columns differ)');
  }
  const features: Record<string, FeatureCounts> = {};
  for (const n of names) features[n] = mergeCounts(a.features[n], b.features[n], n);
  if ((a.scores === null) !== (b.scores === null)) throw new Error('cannot merge summaries of different references (one has scores, one not)');
  return {
    format: SUMMARY_FORMAT,
    rows: a.rows + b.rows,
    firstTime: minTime(a.firstTime, b.firstTime),
    lastTime: maxTime(a.lastTime, b.lastTime),
    perHour,
    features,
    scored: a.scored + b.scored,
    scores: a.scores && b.scores ? mergeCounts(a.scores, b.scores, 'scores') : null,
    latency: { counts: addArrays(a.latency.counts, b.latency.counts, 'latency'), sum: a.latency.sum + b.latency.sum, n: a.latency.n + b.latency.n },
  };
}

/** Summarises records in one go. */
export function summarize(reference: ReferenceProfile, records: Iterable<MonitorRecord>): MonitorSummary {
  const builder = new SummaryBuilder(reference);
  for (const r of records) builder.add(r);
  return builder.summary;
}
