// Aggregates a prediction log (or rows of a data file) into summaries, keeping every problem it
// meets countable and nameable: corrupt lines (with line numbers; the rest is used), lines of
// another model or version (counted, excluded, named), timestamps that go back (windows use each
// line's timestamp, not its arrival), and the scores of requests that labels will join.
import type { LabeledOutput } from './performance';
import type { MonitorRecord } from './monitor-record';
import { modelKey, parseLogLine, type LogModel } from './prediction-log';
import type { ReferenceProfile } from './reference-profile';
import { mergeSummaries, SummaryBuilder, type MonitorSummary } from './summary';

const HOUR_MS = 3_600_000;
/** Line numbers named per kind of problem. */
const NAMED_LINES = 10;
/** Beyond this many models in one log, the rest are only counted. */
const MAX_MODELS = 50;

export interface LogProblems {
  lines: number;
  corrupt: { count: number; lines: number[]; first: string | null };
  otherModels: { count: number; models: { model: string; count: number }[] };
  outOfOrder: { count: number; maxBackSeconds: number };
}

interface Stream {
  model: LogModel | null;
  rows: number;
  /** Every record (without perHour), or only those without a timestamp (with perHour). */
  builder: SummaryBuilder;
  /** With perHour: one builder per hour, which together with `builder` hold every record once. */
  hours: Map<number, SummaryBuilder> | null;
  /** The hour the last timestamped record fell in, and its builder (records mostly come in order). */
  hour: number;
  hourBuilder: SummaryBuilder | null;
  labeled: LabeledOutput[];
  /** Request ids already joined: a label joins the first request with its id. */
  labeledIds: Set<string>;
}

export interface AggregatorOptions {
  /** The model and version the reference belongs to; without it the log's most frequent one. */
  expected?: LogModel | null;
  /**
   * Keep per-hour summaries, so a window of the latest hours can be reported; the whole log's
   * summary is then their merge (each record is added once either way).
   */
  perHour?: boolean;
  /** Request id → observed outcome; scores of these ids are kept for performance. */
  labels?: Map<string, string>;
}

export interface AggregateResult {
  model: LogModel | null;
  summary: MonitorSummary;
  labeled: LabeledOutput[];
  /** Label ids whose request is not in the (used part of the) log. */
  labelsWithoutRequest: { count: number; examples: string[] };
  problems: LogProblems;
}

export class PredictionLogAggregator {
  private readonly streams = new Map<string, Stream>();
  private readonly problems: LogProblems = {
    lines: 0,
    corrupt: { count: 0, lines: [], first: null },
    otherModels: { count: 0, models: [] },
    outOfOrder: { count: 0, maxBackSeconds: 0 },
  };
  private latest = -Infinity;
  private overflowModels = 0;

  constructor(private readonly reference: ReferenceProfile, private readonly options: AggregatorOptions = {}) {}

  /** One line of the log (1-based line number). Blank lines are skipped. */
  addLine(text: string, line: number): void {
    if (!text.trim()) return;
    this.problems.lines++;
    const parsed = parseLogLine(text);
    if (typeof parsed === 'string') {
      const c = this.problems.corrupt;
      c.count++;
      if (c.lines.length < NAMED_LINES) c.lines.push(line);
      c.first ??= `line ${line}: ${parsed}`;
      return;
    }
    this.addRecord(parsed.record, parsed.model);
  }

  addRecord(record: MonitorRecord, model: LogModel | null = null): void {
    const t = record.time;
    if (t !== null) {
      if (t < this.latest) {
        this.problems.outOfOrder.count++;
        this.problems.outOfOrder.maxBackSeconds = Math.max(this.problems.outOfOrder.maxBackSeconds, (this.latest - t) / 1000);
      } else this.latest = t;
    }
    const key = modelKey(model);
    let s = this.streams.get(key);
    if (!s) {
      if (this.streams.size >= MAX_MODELS) {
        this.overflowModels++;
        return;
      }
      s = { model, rows: 0, builder: new SummaryBuilder(this.reference), hours: this.options.perHour ? new Map() : null, hour: NaN, hourBuilder: null, labeled: [], labeledIds: new Set() };
      this.streams.set(key, s);
    }
    s.rows++;
    if (s.hours && t !== null) {
      const hour = Math.floor(t / HOUR_MS);
      if (hour !== s.hour || !s.hourBuilder) {
        let h = s.hours.get(hour);
        if (!h) s.hours.set(hour, (h = new SummaryBuilder(this.reference)));
        s.hour = hour;
        s.hourBuilder = h;
      }
      s.hourBuilder.add(record);
    } else s.builder.add(record);
    const labels = this.options.labels;
    if (labels && record.id !== null && record.output) {
      const label = labels.get(record.id);
      if (label !== undefined && !s.labeledIds.has(record.id)) {
        s.labeledIds.add(record.id);
        s.labeled.push({ time: t, label, output: record.output });
      }
    }
  }

  private chosenKey(): string | undefined {
    const expected = this.options.expected ?? null;
    const mostRows = (keep: (s: Stream) => boolean) => {
      let chosen: string | undefined;
      let best = -1;
      for (const [key, s] of this.streams) if (keep(s) && s.rows > best) { best = s.rows; chosen = key; }
      return chosen;
    };
    if (!expected) return mostRows(() => true);
    const exact = modelKey(expected);
    if (this.streams.has(exact)) return exact;
    // A model known by name only takes that name's most frequent version.
    const byName = expected.version ? undefined : mostRows((s) => s.model?.name === expected.name);
    // A log whose lines name no model is taken as this model's.
    return byName ?? (this.streams.has(modelKey(null)) ? modelKey(null) : exact);
  }

  /** The expected model's stream, and everything else counted as excluded. */
  result(): AggregateResult {
    const chosen = this.chosenKey();
    const stream = chosen !== undefined ? this.streams.get(chosen) : undefined;
    const others = [...this.streams.entries()].filter(([k]) => k !== chosen).map(([model, s]) => ({ model, count: s.rows }));
    if (this.overflowModels) others.push({ model: '(further models)', count: this.overflowModels });
    this.problems.otherModels = { count: others.reduce((a, o) => a + o.count, 0), models: others.sort((a, b) => b.count - a.count) };
    const withoutRequest = { count: 0, examples: [] as string[] };
    for (const id of this.options.labels?.keys() ?? []) {
      if (stream?.labeledIds.has(id)) continue;
      withoutRequest.count++;
      if (withoutRequest.examples.length < NAMED_LINES) withoutRequest.examples.push(id);
    }
    return {
      model: stream?.model ?? this.options.expected ?? null,
      summary: stream ? wholeSummary(stream) : new SummaryBuilder(this.reference).summary,
      labeled: stream?.labeled ?? [],
      labelsWithoutRequest: withoutRequest,
      problems: this.problems,
    };
  }

  /** Merged per-hour summaries of the expected stream over the `hours` hours up to its latest record. */
  window(hours: number): MonitorSummary | null {
    const key = this.chosenKey();
    const s = key !== undefined ? this.streams.get(key) : undefined;
    if (!s?.hours || !s.hours.size) return null;
    const last = Math.max(...s.hours.keys());
    let merged: MonitorSummary | null = null;
    for (const [hour, b] of s.hours) {
      if (hour <= last - hours) continue;
      merged = merged ? mergeSummaries(merged, b.summary) : b.summary;
    }
    return merged;
  }
}

function wholeSummary(s: Stream): MonitorSummary {
  if (!s.hours) return s.builder.summary;
  let merged = s.builder.summary;
  for (const h of s.hours.values()) merged = mergeSummaries(merged, h.summary);
  return merged;
}
