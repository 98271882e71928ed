// The scorer's summary log, beside the prediction log: every row written to predictions.ndjson is
// also added to a mergeable summary (kernels/monitor/summary.ts), and that summary is appended to
// summaries.ndjson as one line (kernels/monitor/summary-line.ts) when the hour changes, every
// `flushSeconds` (default 5 minutes), and on shutdown; then a new one starts. Successive lines
// cover disjoint rows, so a monitor merges an hour of traffic from a few kB instead of parsing
// every row line (`tourney monitor` and the app's Monitor view read both files and count each
// prediction once). The file rotates like the prediction log, within an eighth of its disk budget.
import type { LogModel } from '../../kernels/monitor/prediction-log';
import type { MonitorRecord } from '../../kernels/monitor/monitor-record';
import type { ReferenceProfile } from '../../kernels/monitor/reference-profile';
import { SummaryLineWriter } from '../../kernels/monitor/summary-line';
import { PredictionLog, type PredictionLogOptions } from './prediction-log';

export class SummaryLog {
  private readonly file: PredictionLog;
  private readonly writer: SummaryLineWriter;
  private readonly timer: NodeJS.Timeout;

  constructor(reference: ReferenceProfile, model: LogModel, options: PredictionLogOptions) {
    // An eighth of the prediction log's disk budget (32 MB by default: weeks of summaries).
    const maxTotalBytes = Math.floor((options.maxTotalBytes ?? 256 * 1024 * 1024) / 8);
    const file = (this.file = new PredictionLog({ ...options, maxTotalBytes, maxFileBytes: Math.min(options.maxFileBytes ?? 16 * 1024 * 1024, maxTotalBytes) }, 'summaries'));
    this.writer = new SummaryLineWriter(reference, model, (line) => {
      try {
        file.write(line);
      } catch (err) {
        // A full or broken log disk must not stop scoring; the error goes to stderr.
        process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: `summary log: ${(err as Error).message}` })}\n`);
      }
    });
    this.timer = setInterval(() => this.writer.flush(), (options.summaryFlushSeconds ?? 300) * 1000);
    this.timer.unref();
  }

  /** Adds one logged row (its time is the row line's time). */
  add(record: MonitorRecord): void {
    this.writer.add(record);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.writer.flush();
    await this.file.close();
  }
}
