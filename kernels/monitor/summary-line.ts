// The scorer's summary log: besides one NDJSON line per scored row, the scorer appends, every few
// minutes and at each hour's end, one line holding the mergeable summary (summary.ts) of the rows
// it logged since the previous summary line, as whylogs logs profiles rather than rows:
//   {"kind":"tourney-monitor-summary","format":1,"time":ISO,"model":{"name","version"},"summary":{…}}
// Successive lines cover disjoint rows, so merging all of them (any order, any replicas) gives
// exactly the counts the row lines would give, and a monitor reads an hour of traffic from a few
// kB instead of parsing every row. A line read back is checked against the reference it is merged
// with: same columns, same bins, counts that are finite and not negative.
import type { MonitorRecord } from './monitor-record';
import type { LogModel } from './prediction-log';
import type { ReferenceProfile } from './reference-profile';
import { emptySummary, SummaryBuilder, SUMMARY_FORMAT, UNSEEN_EXAMPLES, type MonitorSummary } from './summary';

export const SUMMARY_LINE_KIND = 'tourney-monitor-summary';
const PREFIX = `{"kind":"${SUMMARY_LINE_KIND}"`;

export interface SummaryLine {
  model: LogModel | null;
  summary: MonitorSummary;
  /**
   * How many of the summary's rows were scored at its lastTime, to the millisecond: rows scored in
   * that same millisecond after the summary was written are in the next one, and a reader telling
   * row lines already counted from those not yet counted needs the number.
   */
  rowsAtLastTime: number;
}

/** One summary line (with its newline), as the scorer writes it. */
export function summaryLineText(model: LogModel, summary: MonitorSummary, rowsAtLastTime: number, now: number): string {
  return `${PREFIX},"format":${SUMMARY_FORMAT},"time":"${new Date(now).toISOString()}","model":${JSON.stringify({ name: model.name, version: model.version })},"rowsAtLastTime":${rowsAtLastTime},"summary":${JSON.stringify(summary)}}\n`;
}

/** True for a line the scorer wrote as a summary (a cheap prefix test, no parsing). */
export function isSummaryLine(text: string): boolean {
  return text.startsWith(PREFIX);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * The problem with `value` measured against `template` (an empty summary of the reference), or null.
 * Numbers must be finite and ≥ 0, arrays of numbers as long as the template's, objects with the
 * template's keys; `perHour` maps hour starts to counts; times may be null.
 */
function mismatch(value: unknown, template: unknown, path: string): string | null {
  if (path === 'summary.perHour') {
    if (!isObject(value)) return `${path} is not an object`;
    for (const [k, n] of Object.entries(value)) if (!Number.isFinite(Number(k)) || !isCount(n)) return `${path}["${k}"] is not an hour's count`;
    return null;
  }
  if (path === 'summary.firstTime' || path === 'summary.lastTime') return value === null || (typeof value === 'number' && Number.isFinite(value)) ? null : `${path} is not a time`;
  if (typeof template === 'number') return isCount(value) ? null : `${path} is not a count`;
  if (typeof template === 'string') return value === template ? null : `${path} is ${JSON.stringify(value)}, the reference has ${JSON.stringify(template)}`;
  if (Array.isArray(template)) {
    if (!Array.isArray(value)) return `${path} is not an array`;
    if (path.endsWith('.unseenExamples')) return value.length <= UNSEEN_EXAMPLES && value.every((v) => typeof v === 'string') ? null : `${path} is not a list of values`;
    if (value.length !== template.length) return `${path} has ${value.length} bins, the reference ${template.length}`;
    const bad = value.findIndex((v) => !isCount(v));
    return bad < 0 ? null : `${path}[${bad}] is not a count`;
  }
  if (template === null) return value === null ? null : `${path} should be null`;
  if (!isObject(template)) return null;
  if (!isObject(value)) return `${path} is not an object`;
  for (const key of Object.keys(template)) {
    if (!(key in value)) return `${path}.${key} is missing`;
    const problem = mismatch(value[key], template[key], `${path}.${key}`);
    if (problem) return problem;
  }
  const extra = Object.keys(value).find((k) => !(k in template));
  return extra === undefined ? null : `${path}.${extra} is not a column of the reference`;
}

/** A summary line of a model other than the one monitored: only its row count is read. */
export interface OtherModelSummary {
  model: LogModel | null;
  otherModelRows: number;
}

/**
 * A summary line read back, or the sentence saying why it cannot be merged with `reference`.
 * A line of a model `isMonitored` rejects (another model, or another version after a redeploy into
 * the same folder) is not checked against the reference: it is counted, as its row lines would be.
 */
export function parseSummaryLine(text: string, reference: ReferenceProfile, isMonitored: (model: LogModel | null) => boolean = () => true): SummaryLine | OtherModelSummary | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return `not valid JSON (${(err as Error).message.split('\n')[0]})`;
  }
  if (!isObject(value) || value.kind !== SUMMARY_LINE_KIND) return 'not a summary line';
  if (value.format !== SUMMARY_FORMAT) return `a summary of format ${JSON.stringify(value.format)}; this Tourney reads format ${SUMMARY_FORMAT}`;
  const model = value.model;
  if (model !== undefined && model !== null && (!isObject(model) || typeof model.name !== 'string')) return '"model" must be {"name", "version"}';
  const logModel = isObject(model) ? { name: model.name as string, version: model.version === undefined || model.version === null ? '' : String(model.version) } : null;
  if (!isMonitored(logModel)) {
    const rows = isObject(value.summary) ? value.summary.rows : undefined;
    return { model: logModel, otherModelRows: isCount(rows) ? rows : 0 };
  }
  const problem = mismatch(value.summary, emptySummary(reference), 'summary');
  if (problem) return `${problem} (a summary of another model or reference?)`;
  const rowsAtLastTime = value.rowsAtLastTime ?? 0;
  if (!Number.isInteger(rowsAtLastTime) || (rowsAtLastTime as number) < 0) return '"rowsAtLastTime" is not a count';
  return {
    rowsAtLastTime: rowsAtLastTime as number,
    model: logModel,
    summary: value.summary as MonitorSummary,
  };
}

const HOUR_MS = 3_600_000;

/**
 * Cuts a stream of logged rows into summary lines as the scorer does: a line when the hour
 * changes and whenever `flush` is called; each line covers the rows added since the previous one.
 */
export class SummaryLineWriter {
  private builder: SummaryBuilder;
  private hour = NaN;
  /** The latest row time added since the last line, and how many rows had exactly that time. */
  private lastTime = -Infinity;
  private rowsAtLastTime = 0;

  constructor(private readonly reference: ReferenceProfile, private readonly model: LogModel, private readonly write: (line: string) => void) {
    this.builder = new SummaryBuilder(reference);
  }

  /** Adds one logged row (its time is the row line's time). */
  add(record: MonitorRecord): void {
    const t = record.time ?? Date.now();
    const hour = Math.floor(t / HOUR_MS);
    if (hour !== this.hour) {
      this.flush();
      this.hour = hour;
    }
    this.builder.add(record);
    if (t > this.lastTime) {
      this.lastTime = t;
      this.rowsAtLastTime = 1;
    } else if (t === this.lastTime) this.rowsAtLastTime++;
  }

  /** Writes the rows added since the last line as one summary line (nothing when there were none). */
  flush(now = Date.now()): void {
    const summary = this.builder.summary;
    if (!summary.rows) return;
    this.write(summaryLineText(this.model, summary, summary.lastTime === this.lastTime ? this.rowsAtLastTime : 0, now));
    this.builder = new SummaryBuilder(this.reference);
    this.lastTime = -Infinity;
    this.rowsAtLastTime = 0;
  }
}
