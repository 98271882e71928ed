// The monitor worker behind the Monitor view: reads prediction logs and labels and aggregates
// them into the kernels' mergeable summaries, off the main thread, with progress and cancel.
// One import at a time; its session stays so a new time range needs no second read.
import { expose } from 'comlink';
import { CancelledError, LogSession, type ImportProgress, type LogImportRequest, type LogView } from './monitor/log-session';
import { aggregateGenerated, type GeneratedMode, type GeneratedRun } from './monitor/synthetic-log';
import type { ReferenceProfile } from '../kernels/monitor/reference-profile';

let session: LogSession | null = null;
let cancelRequested = false;

/** A finished import's first view, or 'cancelled'. */
export type ImportOutcome = LogView | 'cancelled';

const api = {
  async importLogs(request: LogImportRequest, hours: number | null, onProgress: (p: ImportProgress) => void): Promise<ImportOutcome> {
    cancelRequested = false;
    const next = new LogSession(request);
    try {
      await next.run(onProgress, () => cancelRequested);
    } catch (err) {
      if (err instanceof CancelledError) return 'cancelled';
      throw err;
    }
    session = next;
    return next.view(hours);
  },
  view(hours: number | null): LogView {
    if (!session) throw new Error('no log has been imported');
    return session.view(hours);
  },
  cancel(): void {
    cancelRequested = true;
  },
  /** The aggregation benchmark: `n` generated records through the import's aggregation path. */
  async aggregateGenerated(reference: ReferenceProfile, n: number, mode: GeneratedMode, onProgress: (p: ImportProgress) => void): Promise<GeneratedRun | 'cancelled'> {
    cancelRequested = false;
    try {
      return await aggregateGenerated(reference, n, mode, onProgress, () => cancelRequested);
    } catch (err) {
      if (err instanceof CancelledError) return 'cancelled';
      throw err;
    }
  },
};

export type MonitorWorkerApi = typeof api;
expose(api);
