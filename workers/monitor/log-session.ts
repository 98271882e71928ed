// One import of prediction logs (and a labels file) in the monitor worker: the files are read as
// streams in chunks, split into lines and fed to the kernels' PredictionLogAggregator (mergeable
// per-hour summaries), with progress by bytes and a cancel checked between chunks. The session is
// kept, so a new time range is a merge of hourly summaries, not a second read of the files.
import { readTable } from '../../kernels/io/read-table';
import { labelsFromTable, type Labels } from '../../kernels/monitor/labels';
import { PredictionLogAggregator } from '../../kernels/monitor/log-aggregator';
import { monitorReport, type MonitorReport } from '../../kernels/monitor/monitor-report';
import { performanceOverTime } from '../../kernels/monitor/performance';
import type { LogModel } from '../../kernels/monitor/prediction-log';
import { labelCounts, problemNotes } from '../../kernels/monitor/problem-notes';
import type { ReferenceProfile } from '../../kernels/monitor/reference-profile';
import { isSummaryLine } from '../../kernels/monitor/summary-line';

export interface NamedBlob {
  name: string;
  blob: Blob;
}

export interface LogImportRequest {
  reference: ReferenceProfile;
  /** The model (and version) the reference belongs to; other models' lines are excluded and named. */
  expected: LogModel | null;
  logs: NamedBlob[];
  labels: NamedBlob | null;
  /** The model's target column, also accepted as the labels' outcome column. */
  target: string | null;
}

export interface ImportProgress {
  bytes: number;
  totalBytes: number;
  lines: number;
  file: string;
}

/** What the view shows for one time range of an import. */
export interface LogView {
  model: LogModel | null;
  report: MonitorReport;
  /** Epoch ms of the latest record of the whole import (the "no scores" rule measures from it). */
  lastTime: number | null;
  /** Sentences naming what was wrong in the input and what was done about it. */
  notes: string[];
  /** Lines read, over all files. */
  lines: number;
  /** Hours the import spans (first to last record). */
  spanHours: number;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Gives the worker's event loop a turn (so a cancel message can arrive) about every 50 ms of work. */
export function yielder(everyMs = 50): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < everyMs) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    last = performance.now();
  };
}

export class LogSession {
  private aggregator: PredictionLogAggregator | null = null;
  private labels: Labels | null = null;
  /** Why the labels file could not be used (the log is still read without it). */
  private labelsProblem: string | null = null;
  private lines = 0;

  constructor(private readonly request: LogImportRequest) {}

  async run(onProgress: (p: ImportProgress) => void, cancelled: () => boolean): Promise<void> {
    const { reference, logs } = this.request;
    const labelsFile = this.request.labels;
    if (labelsFile) {
      try {
        const table = await readTable(new Uint8Array(await labelsFile.blob.arrayBuffer()), { fileName: labelsFile.name });
        this.labels = labelsFromTable(table, this.request.target, labelsFile.name);
      } catch (err) {
        this.labelsProblem = `labels not used: ${(err as Error).message}`;
      }
    }
    const aggregator = new PredictionLogAggregator(reference, { expected: this.request.expected, perHour: true, labels: this.labels?.labels });
    const totalBytes = logs.reduce((s, f) => s + f.blob.size, 0);
    // The scorer's summary files first: the row lines they already counted are then recognised.
    const isSummaries = await Promise.all(logs.map(async (f) => isSummaryLine((await f.blob.slice(0, 64).text()).replace(/^\uFEFF/, '').trimStart())));
    const ordered = [...logs.filter((_, i) => isSummaries[i]), ...logs.filter((_, i) => !isSummaries[i])];
    let bytes = 0;
    let lastReport = 0;
    const pause = yielder();
    for (const file of ordered) {
      const reader = file.blob.stream().getReader();
      const decoder = new TextDecoder();
      let rest = '';
      let line = 0;
      const feed = (text: string) => {
        line++;
        aggregator.addLine(line === 1 ? text.replace(/^\uFEFF/, '') : text, line);
      };
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        const text = rest + decoder.decode(value, { stream: true });
        let from = 0;
        for (let nl = text.indexOf('\n', from); nl >= 0; nl = text.indexOf('\n', from)) {
          feed(text.slice(from, nl));
          from = nl + 1;
        }
        rest = text.slice(from);
        const now = performance.now();
        if (now - lastReport > 100) {
          lastReport = now;
          onProgress({ bytes, totalBytes, lines: this.lines + line, file: file.name });
        }
        await pause();
        if (cancelled()) {
          await reader.cancel();
          throw new CancelledError();
        }
      }
      rest += decoder.decode();
      // A last line without its newline is still a line (a truncated one is named as corrupt).
      if (rest) feed(rest);
      this.lines += line;
    }
    onProgress({ bytes, totalBytes, lines: this.lines, file: ordered.at(-1)?.name ?? '' });
    this.aggregator = aggregator;
  }

  /** The report over the latest `hours` hours of the log (all of it when null). */
  view(hours: number | null): LogView {
    const aggregator = this.aggregator;
    if (!aggregator) throw new Error('the log has not been read yet');
    const reference = this.request.reference;
    const result = aggregator.result();
    const all = result.summary;
    const summary = hours === null ? all : aggregator.window(hours) ?? all;
    const from = hours !== null && all.lastTime !== null ? all.lastTime - hours * 3_600_000 : -Infinity;
    const labeled = result.labeled.filter((l) => l.time === null || l.time > from);
    const performance = labeled.length ? performanceOverTime(labeled, reference) : null;
    const notes = problemNotes(result, labelCounts(this.labels), 'log');
    if (this.labelsProblem) notes.push(this.labelsProblem);
    if (!all.rows) {
      const holds = result.problems.otherModels.models.map((m) => `${m.model} (${m.count})`).join(', ');
      notes.unshift(`no usable prediction lines${this.request.expected ? ` of ${this.request.expected.name}` : ''}${holds ? `; the log holds ${holds}` : ''}`);
    }
    return {
      model: result.model,
      report: monitorReport(summary, reference, performance),
      lastTime: all.lastTime,
      notes,
      lines: this.lines,
      spanHours: all.firstTime !== null && all.lastTime !== null ? (all.lastTime - all.firstTime) / 3_600_000 : 0,
    };
  }
}
