// Aggregates a prediction log (or rows of a data file) into summaries, keeping every problem it
// meets countable and nameable: corrupt lines (with line numbers; the rest is used), lines of
// another model or version (counted, excluded, named), timestamps that go back (windows use each
// line's timestamp, not its arrival), and the scores of requests that labels will join.
// The scorer's summary lines (summary-line.ts) merge in as they are: the row lines they already
// counted (same model, same hour, not later than the summary's last row) are then used for labels
// only, so a log directory read whole counts every prediction once.
import type { LabeledOutput } from './performance';
import type { MonitorRecord } from './monitor-record';
import { modelKey, parseLogLine, type LogModel } from './prediction-log';
import type { ReferenceProfile } from './reference-profile';
import { mergeSummaries, SummaryBuilder, type MonitorSummary } from './summary';
import { isSummaryLine, parseSummaryLine } from './summary-line';

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
  /**
   * The scorer's summary lines: merged (`lines`, holding `rows` predictions), row lines already
   * counted by them (`coveredLines`, used for labels only) and summary lines skipped because row
   * lines of their hours had been read first (`skipped`: merging them would count rows twice).
   */
  summaries: { lines: number; rows: number; coveredLines: number; skipped: number };
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
  /** Merged summary lines by hour (of their first row; NaN for summaries without timestamps). */
  imported: Map<number, MonitorSummary>;
  /**
   * Per hour, the latest row time the merged summaries counted and how many of their rows had that
   * very time: row lines before it are covered, and that many lines at it.
   */
  coveredUntil: Map<number, { time: number; rowsAtTime: number }>;
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
    summaries: { lines: 0, rows: 0, coveredLines: 0, skipped: 0 },
  };
  /** The one model whose summaries were merged, as the scorer writes it into row lines (fast path). */
  private coveredModel: { key: string; header: string } | null | undefined;
  private latest = -Infinity;
  private overflowModels = 0;

  constructor(private readonly reference: ReferenceProfile, private readonly options: AggregatorOptions = {}) {}

  /** One line of the log (1-based line number). Blank lines are skipped. */
  addLine(text: string, line: number): void {
    if (!text.trim()) return;
    this.problems.lines++;
    if (isSummaryLine(text)) return this.addSummaryLine(text, line);
    if (this.coveredWithoutParsing(text)) return;
    const parsed = parseLogLine(text);
    if (typeof parsed === 'string') {
      this.corrupt(line, parsed);
      return;
    }
    this.addRecord(parsed.record, parsed.model);
  }

  /** Counts a timestamp earlier than the latest seen (clock skew, late lines). */
  private noteTime(t: number): void {
    if (t < this.latest) {
      this.problems.outOfOrder.count++;
      this.problems.outOfOrder.maxBackSeconds = Math.max(this.problems.outOfOrder.maxBackSeconds, (this.latest - t) / 1000);
    } else this.latest = t;
  }

  private corrupt(line: number, problem: string): void {
    const c = this.problems.corrupt;
    c.count++;
    if (c.lines.length < NAMED_LINES) c.lines.push(line);
    c.first ??= `line ${line}: ${problem}`;
  }

  private addSummaryLine(text: string, line: number): void {
    const expected = this.options.expected ?? null;
    // Another model's (or version's) summaries are counted like its row lines, never merged.
    const monitored = (m: LogModel | null) => !expected || !m || (m.name === expected.name && (!expected.version || m.version === expected.version));
    const parsed = parseSummaryLine(text, this.reference, monitored);
    if (typeof parsed === 'string') return this.corrupt(line, parsed);
    if ('otherModelRows' in parsed) {
      const s = this.stream(parsed.model);
      if (s) s.rows += parsed.otherModelRows;
      return;
    }
    this.addSummary(parsed.summary, parsed.model, parsed.rowsAtLastTime);
  }

  /**
   * Merges one of the scorer's summaries (the rows it counted since its previous one);
   * `rowsAtLastTime` of them were scored at its lastTime (to the millisecond).
   */
  addSummary(summary: MonitorSummary, model: LogModel | null = null, rowsAtLastTime = 0): void {
    const s = this.stream(model);
    if (!s) return;
    const hours = Object.keys(summary.perHour).map((h) => Math.floor(Number(h) / HOUR_MS));
    // Row lines of these hours already read would be counted twice: the rows win.
    if (hours.some((h) => s.hours ? s.hours.has(h) : s.builder.summary.perHour[String(h * HOUR_MS)])) {
      this.problems.summaries.skipped++;
      return;
    }
    const t = summary.lastTime;
    if (t !== null) {
      this.noteTime(t);
      for (const h of hours) {
        const c = s.coveredUntil.get(h);
        if (!c || t > c.time) s.coveredUntil.set(h, { time: t, rowsAtTime: rowsAtLastTime });
        else if (t === c.time) c.rowsAtTime += rowsAtLastTime;
      }
    }
    const key = summary.firstTime === null ? NaN : Math.floor(summary.firstTime / HOUR_MS);
    const before = s.imported.get(key);
    s.imported.set(key, before ? mergeSummaries(before, summary) : summary);
    s.rows += summary.rows;
    this.problems.summaries.lines++;
    this.problems.summaries.rows += summary.rows;
    const k = modelKey(model);
    this.coveredModel = this.coveredModel === undefined || this.coveredModel?.key === k
      ? { key: k, header: model ? `"model":${JSON.stringify({ name: model.name, version: model.version })}` : '' } : null;
  }

  /**
   * A row line the merged summaries already counted, recognised from the scorer's own layout
   * (`{"time":"…"` first, its model's header inside) without parsing it. Only when no labels wait
   * for its id and summaries of a single named model were merged; anything else is parsed.
   */
  private coveredWithoutParsing(text: string): boolean {
    const covered = this.coveredModel;
    if (!covered?.header || this.options.labels || !text.startsWith('{"time":"')) return false;
    const t = Date.parse(text.slice(9, text.indexOf('"', 9)));
    if (!Number.isFinite(t) || !text.includes(covered.header)) return false;
    const s = this.streams.get(covered.key);
    return s !== undefined && this.covers(s, t);
  }

  /** Whether a row line of time `t` was counted by a merged summary (counting it as covered if so). */
  private covers(s: Stream, t: number): boolean {
    const c = s.coveredUntil.get(Math.floor(t / HOUR_MS));
    if (!c || t > c.time) return false;
    if (t === c.time) {
      if (c.rowsAtTime <= 0) return false;
      c.rowsAtTime--;
    }
    this.problems.summaries.coveredLines++;
    return true;
  }

  private stream(model: LogModel | null): Stream | null {
    const key = modelKey(model);
    let s = this.streams.get(key);
    if (!s) {
      if (this.streams.size >= MAX_MODELS) {
        this.overflowModels++;
        return null;
      }
      s = {
        model, rows: 0, builder: new SummaryBuilder(this.reference), hours: this.options.perHour ? new Map() : null, hour: NaN, hourBuilder: null,
        labeled: [], labeledIds: new Set(), imported: new Map(), coveredUntil: new Map(),
      };
      this.streams.set(key, s);
    }
    return s;
  }

  addRecord(record: MonitorRecord, model: LogModel | null = null): void {
    const t = record.time;
    if (t !== null) this.noteTime(t);
    const s = this.stream(model);
    if (!s) return;
    if (t !== null && s.coveredUntil.size && this.covers(s, t)) {
      // Already counted by a merged summary: only its score is kept, for labels.
    } else if (s.hours && t !== null) {
      s.rows++;
      const hour = Math.floor(t / HOUR_MS);
      if (hour !== s.hour || !s.hourBuilder) {
        let h = s.hours.get(hour);
        if (!h) s.hours.set(hour, (h = new SummaryBuilder(this.reference)));
        s.hour = hour;
        s.hourBuilder = h;
      }
      s.hourBuilder.add(record);
    } else {
      s.rows++;
      s.builder.add(record);
    }
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
    if (!s?.hours) return null;
    const timed = [...s.hours.keys(), ...[...s.imported.keys()].filter((k) => !Number.isNaN(k))];
    if (!timed.length) return null;
    const last = Math.max(...timed);
    let merged: MonitorSummary | null = null;
    const take = (hour: number, summary: MonitorSummary) => {
      if (hour > last - hours) merged = merged ? mergeSummaries(merged, summary) : summary;
    };
    for (const [hour, b] of s.hours) take(hour, b.summary);
    for (const [hour, summary] of s.imported) if (!Number.isNaN(hour)) take(hour, summary);
    return merged;
  }
}

function wholeSummary(s: Stream): MonitorSummary {
  let merged = s.builder.summary;
  for (const h of s.hours?.values() ?? []) merged = mergeSummaries(merged, h.summary);
  for (const summary of s.imported.values()) merged = mergeSummaries(merged, summary);
  return merged;
}
